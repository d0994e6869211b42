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
package org.openhab.binding.bc26.internal.modem.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a session costs the SIM's data plan, estimated at the IP level (what operators count): the size of each
 * MQTT 3.1.1 packet the modem's client sends or receives, plus per packet the IPv4 and TCP headers, plus the bare
 * TCP acknowledgement the other side answers it with; the TCP handshake and close per connection; TLS adds its
 * record overhead per packet and its handshake per connection. The modem does the MQTT itself, so none of these
 * bytes cross the serial line: they are derived from what the driver asked for and what the modem reported.
 * <p>
 * Not counted: DNS lookups, NB-IoT's own signalling, retransmissions the modem hides. QoS of a received message is
 * read from its message id (0 means QoS 0, otherwise QoS 1 is assumed: the modem does not print the QoS).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DataUsage {

    /** IPv4 (20) and TCP (20) headers without options, as small embedded TCP stacks send them. */
    public static final int IP_TCP_HEADERS = 40;
    /** A bare TCP acknowledgement: headers only. */
    public static final int TCP_ACK = IP_TCP_HEADERS;
    /** TLS 1.2 AES-GCM record: 5 bytes header, 8 bytes explicit nonce, 16 bytes tag. */
    public static final int TLS_RECORD = 29;
    /** A TLS 1.2 handshake with a certificate chain of two certificates, from the client's side (estimate). */
    public static final int TLS_HANDSHAKE_SENT = 600;
    public static final int TLS_HANDSHAKE_RECEIVED = 4500;
    /** SYN with options (60), the last ACK of the handshake (40), and FIN with its ACK on close (80). */
    public static final int TCP_OPEN_SENT = 100;
    public static final int TCP_OPEN_RECEIVED = 60;
    public static final int TCP_CLOSE = 80;

    private final boolean tls;
    private final int keepAliveSeconds;
    // Counted from the events thread (messages), publish completions and the bridge's status reads (pings): one
    // lock, so the pings of an idle spell are counted once however the calls interleave.
    private long sent;
    private long received;
    /** When the client last sent a packet, for the keep-alive pings it sends only on an otherwise idle link. */
    private long lastSentNanos;
    private boolean connected;

    public DataUsage(int keepAliveSeconds, boolean tls) {
        this.keepAliveSeconds = keepAliveSeconds;
        this.tls = tls;
    }

    /** Bytes sent over the air since this counter was made. */
    public synchronized long sent() {
        return sent;
    }

    /** Bytes received over the air since this counter was made. */
    public synchronized long received() {
        return received;
    }

    /** A TCP connection opened to the broker, with its TLS handshake if TLS is on. */
    public synchronized void opened(long nowNanos) {
        sent += TCP_OPEN_SENT + (tls ? TLS_HANDSHAKE_SENT : 0);
        received += TCP_OPEN_RECEIVED + (tls ? TLS_HANDSHAKE_RECEIVED : 0);
        lastSentNanos = nowNanos;
    }

    /** The MQTT session connected: CONNECT out, CONNACK in. */
    public synchronized void connected(MqttSettings settings, long nowNanos) {
        packetSent(connectSize(settings), nowNanos);
        packetReceived(4);
        connected = true;
    }

    /** A message published: PUBLISH out, and its acknowledgements (QoS 1: PUBACK; QoS 2: PUBREC, PUBREL, PUBCOMP). */
    public synchronized void published(String topic, int payloadBytes, int qos, long nowNanos) {
        packetSent(publishSize(topic, payloadBytes, qos), nowNanos);
        if (qos == 1) {
            packetReceived(4);
        } else if (qos == 2) {
            packetReceived(4);
            packetSent(4, nowNanos);
            packetReceived(4);
        }
    }

    /** A message received: PUBLISH in, and the acknowledgement the modem sends (QoS 1 assumed when it has an id). */
    public synchronized void received(String topic, int payloadBytes, int messageId, long nowNanos) {
        int qos = messageId == 0 ? 0 : 1;
        packetReceived(publishSize(topic, payloadBytes, qos));
        if (qos > 0) {
            packetSent(4, nowNanos);
        }
    }

    /** SUBSCRIBE out with these filters, SUBACK in. */
    public synchronized void subscribed(Collection<String> filters, long nowNanos) {
        int payload = 0;
        for (String filter : filters) {
            payload += 2 + utf8(filter) + 1;
        }
        packetSent(withFixedHeader(2 + payload), nowNanos);
        packetReceived(withFixedHeader(2 + filters.size()));
    }

    /** UNSUBSCRIBE out with these filters, UNSUBACK in. */
    public synchronized void unsubscribed(Collection<String> filters, long nowNanos) {
        int payload = 0;
        for (String filter : filters) {
            payload += 2 + utf8(filter);
        }
        packetSent(withFixedHeader(2 + payload), nowNanos);
        packetReceived(4);
    }

    /** DISCONNECT and the TCP close. */
    public synchronized void disconnected(long nowNanos) {
        if (connected) {
            packetSent(2, nowNanos);
        }
        sent += TCP_CLOSE;
        received += TCP_CLOSE;
        connected = false;
    }

    /** The connection ended without a goodbye (the broker or the cell dropped it). */
    public synchronized void lost(long nowNanos) {
        idleUntil(nowNanos);
        connected = false;
    }

    /**
     * Counts the keep-alive pings (PINGREQ out, PINGRESP in) the client sent while it sent nothing else, up to now.
     * Called whenever the counters are read.
     */
    public synchronized void idleUntil(long nowNanos) {
        if (!connected || keepAliveSeconds <= 0) {
            return;
        }
        long interval = keepAliveSeconds * 1_000_000_000L;
        long last = lastSentNanos;
        long pings = (nowNanos - last) / interval;
        if (pings > 0) {
            lastSentNanos = last + pings * interval;
            sent += pings * onTheAir(2);
            received += pings * onTheAir(2);
            // each side acknowledges the other's segment
            sent += pings * TCP_ACK;
            received += pings * TCP_ACK;
        }
    }

    private void packetSent(int mqttBytes, long nowNanos) {
        idleUntil(nowNanos);
        sent += onTheAir(mqttBytes);
        received += TCP_ACK;
        lastSentNanos = nowNanos;
    }

    private void packetReceived(int mqttBytes) {
        received += onTheAir(mqttBytes);
        sent += TCP_ACK;
    }

    private int onTheAir(int mqttBytes) {
        return mqttBytes + IP_TCP_HEADERS + (tls ? TLS_RECORD : 0);
    }

    /** CONNECT of MQTT 3.1.1: variable header 10 bytes, then client id, will, user name, password. */
    public static int connectSize(MqttSettings settings) {
        int payload = 2 + utf8(settings.clientId());
        MqttSettings.Will will = settings.will();
        if (will != null) {
            payload += 2 + utf8(will.topic()) + 2 + utf8(will.message());
        }
        payload += lengthField(settings.username()) + lengthField(settings.password());
        return withFixedHeader(10 + payload);
    }

    /** PUBLISH: topic, packet id when QoS > 0, payload. */
    public static int publishSize(String topic, int payloadBytes, int qos) {
        return withFixedHeader(2 + utf8(topic) + (qos > 0 ? 2 : 0) + payloadBytes);
    }

    /** The fixed header: one type byte and the remaining length in 1 to 4 bytes. */
    static int withFixedHeader(int remaining) {
        int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        return 1 + lengthBytes + remaining;
    }

    private static int lengthField(@Nullable String value) {
        return value == null ? 0 : 2 + utf8(value);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
