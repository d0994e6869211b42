/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.bc26.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.simulator.Bc26Simulator.Qos2Step;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * The MQTT client inside the simulated modem for one connect id: one TCP connection (opened by {@code AT+QMTOPEN}),
 * MQTT 3.1 or 3.1.1 packets encoded and decoded by Netty's MQTT codec, behaving as the BC26 MQTT application note
 * describes the modem:
 * <ul>
 * <li>the host's {@code <msgID>} is the packet id on the wire, DUP is always 0, a retransmission re-sends the same
 * packet ({@code AT+QMTCFG="timeout"}: every packet timeout, up to the retry count, each one reported);</li>
 * <li>no session state outlives the connection: a reconnect starts with nothing in flight;</li>
 * <li>the connection ends with a {@code +QMTSTAT} code caused by what happened: 1 closed by the peer, 2 PINGREQ
 * unanswered, 3 CONNECT could not be sent, 4 no CONNACK, 6 a packet kept failing, 7 the link is gone.</li>
 * </ul>
 * A fault hook cuts the connection at one step of a QoS 2 publish, and the network can go silent as a cell that is
 * gone does: what either side sends waits (TCP keeps it) and arrives, in order, when the network is back, unless the
 * modem gave the connection up meanwhile (an unanswered PINGREQ, a packet out of retries).
 * <p>
 * Thread model: the simulator calls in while holding its own lock; the reader thread and the simulator's timer call
 * {@link Events} without holding this connection's lock, so the two locks are always taken simulator first.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimMqttConnection implements AutoCloseable {

    /** What the modem prints about this connection. */
    interface Events {
        /** The broker's CONNACK: 0 accepted, 1-5 refused. */
        void connack(SimMqttConnection connection, int code);

        /** A packet's final result: {@code tail} is what follows {@code <id>,<msgID>,} in the URC. */
        void done(SimMqttConnection connection, Kind kind, int packetId, String tail);

        /** A packet was sent again ({@code count} times so far). */
        void retransmitted(SimMqttConnection connection, Kind kind, int packetId, int count);

        /** A PUBLISH from the broker ({@code packetId} 0 for QoS 0). */
        void message(SimMqttConnection connection, int packetId, int qos, String topic, byte[] payload);

        /** The connection ended; {@code code} is the {@code +QMTSTAT} code. */
        void lost(SimMqttConnection connection, int code);

        /** The connection was cut on request at {@code step} of the QoS 2 publish of {@code payload}. */
        void cut(SimMqttConnection connection, Qos2Step step, String topic, byte[] payload);
    }

    /** The command a packet came from: its URC name. */
    enum Kind {
        PUB("+QMTPUB"),
        SUB("+QMTSUB"),
        UNS("+QMTUNS");

        final String urc;

        Kind(String urc) {
            this.urc = urc;
        }
    }

    /** Timing in milliseconds, already scaled: the packet timeout, its retries, and the keep-alive (0 none). */
    record Timing(long packetTimeoutMillis, int retries, long keepAliveMillis) {
    }

    /** A packet waiting for its acknowledgement. */
    private static final class Outstanding {
        final Kind kind;
        final int packetId;
        final String topic;
        final byte[] payload;
        MqttMessage packet;
        MqttMessageType awaited;
        int retransmissions;
        @Nullable
        ScheduledFuture<?> timeout;

        Outstanding(Kind kind, int packetId, MqttMessage packet, MqttMessageType awaited, String topic,
                byte[] payload) {
            this.kind = kind;
            this.packetId = packetId;
            this.topic = topic;
            this.payload = payload;
            this.packet = packet;
            this.awaited = awaited;
        }
    }

    private static final int MAX_PACKET = 256 * 1024;

    private final Socket socket;
    private final OutputStream output;
    private final Events events;
    private final ScheduledExecutorService timer;
    private final AtomicReference<@Nullable Qos2Step> cutAt;
    private final EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
    private final EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(MAX_PACKET));
    private final Thread reader;
    private final Thread decoding;
    /** What the socket delivered, in order, for the decoding thread; an empty array is the end of the stream. */
    private final java.util.concurrent.BlockingQueue<byte[]> received = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Written while the network was down: sent when it is back (guarded by {@link #output}). */
    private final List<byte[]> heldOutput = new java.util.ArrayList<>();
    private final Object networkChanged = new Object();

    // Guarded by this.
    private Timing timing = new Timing(10_000, 3, 0);
    private boolean connectSent;
    private boolean ended;
    private volatile boolean networkUp = true;
    private final Map<Integer, Outstanding> outstanding = new HashMap<>();
    /** QoS 2 messages from the broker whose PUBREL has not come: a re-sent PUBLISH is not printed twice. */
    private final Set<Integer> receivedQos2 = new HashSet<>();
    private @Nullable ScheduledFuture<?> connackTimeout;
    private @Nullable ScheduledFuture<?> pinger;
    private @Nullable ScheduledFuture<?> pingTimeout;

    private SimMqttConnection(Socket socket, Events events, ScheduledExecutorService timer,
            AtomicReference<@Nullable Qos2Step> cutAt, String name) throws IOException {
        this.socket = socket;
        this.output = socket.getOutputStream();
        this.events = events;
        this.timer = timer;
        this.cutAt = cutAt;
        this.reader = new Thread(this::readLoop, name);
        this.reader.setDaemon(true);
        this.decoding = new Thread(this::decodeLoop, name + "-packets");
        this.decoding.setDaemon(true);
    }

    /**
     * Opens the TCP connection, as {@code AT+QMTOPEN} does (blocking up to 5 s).
     *
     * @throws IOException when the broker cannot be reached
     */
    static SimMqttConnection open(String host, int port, Events events, ScheduledExecutorService timer,
            AtomicReference<@Nullable Qos2Step> cutAt, String name) throws IOException {
        return open(host, port, events, timer, cutAt, name, plain -> plain);
    }

    /** What a connection runs over once TCP is up: itself, or TLS on top of it (the handshake done). */
    interface Transport {
        Socket over(Socket tcp) throws IOException;
    }

    /**
     * Opens the TCP connection and, through {@code transport}, TLS over it where the client has SSL on.
     *
     * @throws IOException when the broker cannot be reached or the TLS handshake fails
     */
    static SimMqttConnection open(String host, int port, Events events, ScheduledExecutorService timer,
            AtomicReference<@Nullable Qos2Step> cutAt, String name, Transport transport) throws IOException {
        Socket tcp = new Socket();
        Socket socket = tcp;
        try {
            tcp.connect(new InetSocketAddress(host, port), 5000);
            tcp.setTcpNoDelay(true);
            socket = transport.over(tcp);
            SimMqttConnection connection = new SimMqttConnection(socket, events, timer, cutAt, name);
            connection.reader.start();
            connection.decoding.start();
            return connection;
        } catch (IOException e) {
            socket.close();
            tcp.close();
            throw e;
        }
    }

    /** Sends CONNECT; the CONNACK (or its absence after the packet timeout) is reported through the events. */
    void connect(String clientId, @Nullable String user, @Nullable String password, int protocolVersion,
            int keepAliveSeconds, boolean cleanSession, @Nullable Will will, Timing timing) {
        MqttMessageBuilders.ConnectBuilder connect = MqttMessageBuilders.connect().clientId(clientId)
                .protocolVersion(protocolVersion == 3 ? MqttVersion.MQTT_3_1 : MqttVersion.MQTT_3_1_1)
                .cleanSession(cleanSession).keepAlive(keepAliveSeconds);
        if (user != null) {
            connect.hasUser(true).username(user);
        }
        if (password != null) {
            connect.hasPassword(true).password(password.getBytes(StandardCharsets.UTF_8));
        }
        if (will != null) {
            connect.willFlag(true).willQoS(MqttQoS.valueOf(will.qos())).willRetain(will.retain())
                    .willTopic(will.topic()).willMessage(will.message().getBytes(StandardCharsets.UTF_8));
        }
        synchronized (this) {
            if (ended) {
                // Closed by the broker after a refused CONNACK: the CONNECT cannot be sent.
                events.lost(this, 3);
                return;
            }
            this.timing = timing;
            connectSent = true;
            connackTimeout = timer.schedule(() -> end(4), timing.packetTimeoutMillis(), TimeUnit.MILLISECONDS);
        }
        if (!write(connect.build())) {
            end(3);
        }
    }

    /** A will message, as {@code AT+QMTCFG="will"} sets it. */
    record Will(int qos, boolean retain, String topic, String message) {
    }

    /** Sends a PUBLISH with the host's id; QoS 0 is done once written. */
    void publish(int packetId, int qos, boolean retain, String topic, byte[] payload) {
        MqttPublishMessage publish = MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.valueOf(qos))
                .retained(retain).messageId(packetId).payload(Unpooled.wrappedBuffer(payload)).build();
        if (qos == 0) {
            boolean sent = write(publish);
            events.done(this, Kind.PUB, packetId, sent ? "0" : "2");
            return;
        }
        Outstanding packet = new Outstanding(Kind.PUB, packetId, publish,
                qos == 1 ? MqttMessageType.PUBACK : MqttMessageType.PUBREC, topic, payload);
        if (qos == 2 && cutAt.get() == Qos2Step.AFTER_PUBLISH) {
            // Cut before the broker's PUBREC can be handled: the decoding thread waits for this lock and then finds
            // the connection ended.
            synchronized (this) {
                send(packet);
                cutIfAsked(Qos2Step.AFTER_PUBLISH, packet);
            }
            return;
        }
        send(packet);
    }

    /** Sends a SUBSCRIBE with the host's id. */
    void subscribe(int packetId, List<String> topics, List<Integer> qos) {
        MqttMessageBuilders.SubscribeBuilder subscribe = MqttMessageBuilders.subscribe().messageId(packetId);
        for (int i = 0; i < topics.size(); i++) {
            subscribe.addSubscription(MqttQoS.valueOf(qos.get(i)), topics.get(i));
        }
        MqttSubscribeMessage message = subscribe.build();
        send(new Outstanding(Kind.SUB, packetId, message, MqttMessageType.SUBACK, "", new byte[0]));
    }

    /** Sends an UNSUBSCRIBE with the host's id. */
    void unsubscribe(int packetId, List<String> topics) {
        MqttMessageBuilders.UnsubscribeBuilder unsubscribe = MqttMessageBuilders.unsubscribe().messageId(packetId);
        topics.forEach(unsubscribe::addTopicFilter);
        send(new Outstanding(Kind.UNS, packetId, unsubscribe.build(), MqttMessageType.UNSUBACK, "", new byte[0]));
    }

    /** Sends DISCONNECT and closes the connection without a {@code +QMTSTAT}. */
    void disconnect() {
        write(MqttMessage.DISCONNECT);
        close();
    }

    /**
     * While the network is down nothing written reaches the broker and nothing the broker sends reaches the modem;
     * both wait and arrive in order when it is back.
     */
    void setNetworkUp(boolean up) {
        synchronized (output) {
            networkUp = up;
            if (up) {
                try {
                    for (byte[] bytes : heldOutput) {
                        output.write(bytes);
                    }
                    output.flush();
                } catch (IOException e) {
                    // The connection broke meanwhile: the reader reports it.
                }
                heldOutput.clear();
            }
        }
        synchronized (networkChanged) {
            networkChanged.notifyAll();
        }
    }

    /** Closes the connection without reporting anything (AT+QMTCLOSE, a reboot, a power cut). */
    @Override
    public void close() {
        finish();
    }

    /** Ends the connection once: timers cancelled, socket closed; false when it had already ended. */
    private boolean finish() {
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            cancelTimers();
        }
        closeSocket();
        return true;
    }

    // ---- sending ----

    private void send(Outstanding packet) {
        synchronized (this) {
            if (ended) {
                return;
            }
            outstanding.put(packet.packetId, packet);
            packet.timeout = scheduleRetransmission(packet);
        }
        write(packet.packet);
    }

    private ScheduledFuture<?> scheduleRetransmission(Outstanding packet) {
        return timer.schedule(() -> retransmit(packet), timing.packetTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    private void retransmit(Outstanding packet) {
        boolean giveUp;
        synchronized (this) {
            if (ended || outstanding.get(packet.packetId) != packet) {
                return;
            }
            giveUp = packet.retransmissions >= timing.retries();
            if (giveUp) {
                outstanding.remove(packet.packetId);
            } else {
                packet.retransmissions++;
                packet.timeout = scheduleRetransmission(packet);
            }
        }
        if (giveUp) {
            // The packet failed for good: the modem reports it, then closes the connection (+QMTSTAT 6).
            events.done(this, packet.kind, packet.packetId, "2");
            end(6);
            return;
        }
        // BC26 re-sends the same packet with DUP 0 (the application note's figure shows no DUP).
        write(packet.packet);
        events.retransmitted(this, packet.kind, packet.packetId, packet.retransmissions);
    }

    /** Encodes and writes one packet; false when the socket failed (the network being down is not a failure). */
    private boolean write(MqttMessage message) {
        ByteBuf encoded;
        synchronized (encoder) {
            if (message instanceof MqttPublishMessage publish) {
                // The encoder releases the payload; a retransmission needs it again.
                publish.retain();
            }
            try {
                encoder.writeOutbound(message);
            } catch (RuntimeException e) {
                // A packet the codec refuses (an MQTT 3.1 client id over 23 characters): it cannot be sent.
                return false;
            }
            encoded = encoder.readOutbound();
        }
        try {
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.readBytes(bytes);
            synchronized (output) {
                if (!networkUp) {
                    heldOutput.add(bytes);
                    return true;
                }
                output.write(bytes);
                output.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            encoded.release();
        }
    }

    // ---- receiving ----

    /** Reads the socket; the bytes go to the decoding thread, which holds them while the network is down. */
    private void readLoop() {
        byte[] buffer = new byte[8192];
        try {
            InputStream input = socket.getInputStream();
            int n;
            while ((n = input.read(buffer)) >= 0) {
                received.add(java.util.Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            // The connection broke: the end of the stream.
        }
        received.add(new byte[0]);
    }

    private void decodeLoop() {
        try {
            while (true) {
                byte[] bytes = received.take();
                synchronized (networkChanged) {
                    while (!networkUp && !isEnded()) {
                        networkChanged.wait(100);
                    }
                }
                if (isEnded()) {
                    return;
                }
                if (bytes.length == 0) {
                    // Closed by the broker (or a reset): code 1.
                    end(1);
                    return;
                }
                decoder.writeInbound(Unpooled.wrappedBuffer(bytes));
                MqttMessage message;
                while ((message = decoder.readInbound()) != null) {
                    if (message.decoderResult().isFailure()) {
                        end(1);
                        return;
                    }
                    handle(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            end(1);
        }
    }

    private synchronized boolean isEnded() {
        return ended;
    }

    private void handle(MqttMessage message) {
        switch (message.fixedHeader().messageType()) {
            case CONNACK -> connack((MqttConnAckMessage) message);
            case PUBLISH -> received((MqttPublishMessage) message);
            case PUBREL -> {
                int id = idOf(message);
                synchronized (this) {
                    receivedQos2.remove(id);
                }
                write(simple(MqttMessageType.PUBCOMP, id));
            }
            case PUBACK, PUBCOMP, UNSUBACK -> acknowledged(message.fixedHeader().messageType(), idOf(message), "0");
            case SUBACK -> {
                StringBuilder granted = new StringBuilder("0");
                for (int qos : ((MqttSubAckMessage) message).payload().grantedQoSLevels()) {
                    granted.append(',').append(qos);
                }
                acknowledged(MqttMessageType.SUBACK, idOf(message), granted.toString());
            }
            case PUBREC -> pubrec(idOf(message));
            case PINGRESP -> {
                synchronized (this) {
                    ScheduledFuture<?> timeout = pingTimeout;
                    if (timeout != null) {
                        timeout.cancel(false);
                    }
                    pingTimeout = null;
                }
            }
            default -> {
                // Nothing else is sent to a client.
            }
        }
    }

    private void connack(MqttConnAckMessage message) {
        int code = message.variableHeader().connectReturnCode().byteValue();
        synchronized (this) {
            if (ended || !connectSent) {
                return;
            }
            ScheduledFuture<?> timeout = connackTimeout;
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (code == 0 && timing.keepAliveMillis() > 0) {
                pinger = timer.scheduleAtFixedRate(this::ping, timing.keepAliveMillis(), timing.keepAliveMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        events.connack(this, code);
        if (code != 0) {
            // The broker closes the connection after a refusal; the modem reports only the CONNACK.
            close();
        }
    }

    private void received(MqttPublishMessage message) {
        int qos = message.fixedHeader().qosLevel().value();
        int id = qos == 0 ? 0 : message.variableHeader().packetId();
        String topic = message.variableHeader().topicName();
        byte[] payload = new byte[message.payload().readableBytes()];
        message.payload().readBytes(payload);
        message.release();
        boolean repeat = false;
        if (qos == 2) {
            synchronized (this) {
                repeat = !receivedQos2.add(id);
            }
        }
        if (!repeat) {
            events.message(this, id, qos, topic, payload);
        }
        if (qos == 1) {
            write(simple(MqttMessageType.PUBACK, id));
        } else if (qos == 2) {
            write(simple(MqttMessageType.PUBREC, id));
        }
    }

    private void pubrec(int id) {
        Outstanding packet;
        synchronized (this) {
            packet = outstanding.get(id);
            if (ended || packet == null || packet.awaited != MqttMessageType.PUBREC) {
                return;
            }
        }
        if (cutIfAsked(Qos2Step.AFTER_PUBREC, packet)) {
            return;
        }
        synchronized (this) {
            ScheduledFuture<?> timeout = packet.timeout;
            if (timeout != null) {
                timeout.cancel(false);
            }
            packet.packet = simple(MqttMessageType.PUBREL, id);
            packet.awaited = MqttMessageType.PUBCOMP;
            packet.retransmissions = 0;
            packet.timeout = scheduleRetransmission(packet);
        }
        write(packet.packet);
        cutIfAsked(Qos2Step.AFTER_PUBREL, packet);
    }

    private void acknowledged(MqttMessageType type, int id, String tail) {
        Outstanding packet;
        synchronized (this) {
            packet = outstanding.get(id);
            if (ended || packet == null || packet.awaited != type) {
                return;
            }
            outstanding.remove(id);
            ScheduledFuture<?> timeout = packet.timeout;
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
        events.done(this, packet.kind, id, tail);
    }

    private void ping() {
        synchronized (this) {
            if (ended || pingTimeout != null) {
                return;
            }
            pingTimeout = timer.schedule(() -> end(2), timing.packetTimeoutMillis(), TimeUnit.MILLISECONDS);
        }
        if (!write(MqttMessage.PINGREQ)) {
            // The link under the connection is gone.
            end(7);
        }
    }

    /** Ends the connection as the modem does when it notices: {@code +QMTSTAT: <id>,<code>}, once. */
    void end(int code) {
        if (finish()) {
            events.lost(this, code);
        }
    }

    private boolean cutIfAsked(Qos2Step step, Outstanding packet) {
        if (cutAt.compareAndSet(step, null)) {
            events.cut(this, step, packet.topic, packet.payload);
            end(1);
            return true;
        }
        return false;
    }

    private void cancelTimers() {
        for (ScheduledFuture<?> f : new ScheduledFuture<?>[] { connackTimeout, pinger, pingTimeout }) {
            if (f != null) {
                f.cancel(false);
            }
        }
        for (Outstanding packet : outstanding.values()) {
            ScheduledFuture<?> timeout = packet.timeout;
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
        outstanding.clear();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        // Wakes the decoding thread, which ends with the connection.
        received.add(new byte[0]);
    }

    private static int idOf(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    private static MqttMessage simple(MqttMessageType type, int id) {
        MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 2), MqttMessageIdVariableHeader.from(id));
    }
}
