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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.at.AtLine;
import org.openhab.binding.bc26.internal.modem.at.AtResponse;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.at.QmtRecvShape;
import org.openhab.binding.bc26.internal.modem.at.StepCheck;
import org.openhab.binding.bc26.internal.modem.dialect.ModemDialect;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.tls.ModemTls;
import org.openhab.binding.bc26.internal.modem.tls.TlsMaterial;
import org.openhab.binding.bc26.internal.modem.network.Fields;
import org.openhab.binding.bc26.internal.modem.setting.SettingField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT client that runs inside the modem, for one connect id: configuration (AT+QMTCFG), open (AT+QMTOPEN),
 * connect (AT+QMTCONN), subscriptions (kept and made again after every reconnect), publishing in the form each
 * payload needs, receiving ({@code +QMTRECV}) and loss of the session ({@code +QMTSTAT}).
 * <p>
 * {@link #connect()} and {@link #disconnect()} block (run them on a scheduler thread); publish, subscribe and
 * unsubscribe return futures, so many can be in flight without a thread each. The owner passes every URC to
 * {@link #handleUrc(AtLine)}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26MqttClient {

    /** Longest answer time of AT+QMTOPEN (network dependent, AN11). */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(75);
    /** AT+QMTDISC and AT+QMTCLOSE answer within 300 ms (AN11); a dispose must be done within openHAB's 5 s. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PROMPT_PUBLISH_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_TOPICS_PER_SUBSCRIBE = 4;
    /** BG95/BG96 announce a kept message: {@code +QMTRECV: <id>,<recv_id>}. */
    private static final Pattern STORED_NOTICE = Pattern.compile("\\+QMTRECV:\\s*\\d+\\s*,\\s*\\d+");
    /** The answer to {@code AT+QMTRECV?}: a client id and the state of its five slots (1: a message is there). */
    private static final Pattern STORE_STATUS = Pattern.compile("\\+QMTRECV:\\s*\\d+(\\s*,\\s*\\d+){5}");
    /** The granted QoS that means the broker refused a subscription. */
    /** The granted QoS of a filter the broker refused (MQTT 3.1.1 SUBACK). */
    public static final int REJECTED = 128;

    private final Logger logger = LoggerFactory.getLogger(Bc26MqttClient.class);
    private final AtEngine engine;
    private final MqttSettings settings;
    private final MqttClientListener listener;
    private final MessageIds messageIds = new MessageIds();
    /** Orders packet commands: the last one asked for, which the next starts after ({@link #oneAtATime}). */
    private final Object packetOrder = new Object();
    private CompletableFuture<?> lastPacket = CompletableFuture.completedFuture(null);
    /** Topic filter to requested QoS, in the order they were added. */
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    /** Pending broker answers, failed at once when the session is lost. */
    private final Set<CompletableFuture<?>> awaitingBroker = ConcurrentHashMap.newKeySet();
    private final String idText;

    private final AtomicReference<MqttState> state = new AtomicReference<>(MqttState.CLOSED);
    /**
     * Counts the ends of connections (+QMTSTAT, link or modem lost, disconnect). An operation that began on one
     * connection and registers its wait after that connection ended sees the count moved and fails at once, instead
     * of waiting for an answer the modem will never print.
     */
    private final AtomicInteger connection = new AtomicInteger();
    private volatile boolean hexFormatAvailable = true;
    /** Whether the modem prints received payloads in hex (asked for and accepted by the firmware). */
    private volatile boolean hexReceiveInUse;
    private volatile boolean dataFormatRefusalLogged;
    /** What differs per modem model; BC26 until the session has identified the modem. */
    private volatile ModemDialect dialect = ModemDialect.of(ModemModel.BC26);
    /** Whether +QMTRECV shows the payload's length (asked for and accepted at the last connect). */
    private volatile boolean lengthReceiveInUse;
    /** MQTT over TLS from the next connect on (the certificates already in the modem), or null for plain MQTT. */
    private volatile @Nullable TlsMaterial tls;
    /** Whether the modem keeps received messages until they are read (BG95/BG96, accepted at the last connect). */
    private volatile boolean bufferedReceiveInUse;

    public Bc26MqttClient(AtEngine engine, MqttSettings settings, MqttClientListener listener) {
        this.engine = engine;
        this.settings = settings;
        this.listener = listener;
        this.idText = Integer.toString(settings.connectId());
        // The format asked for, until the modem refuses it at the next connect.
        this.hexReceiveInUse = settings.hexReceive();
        engine.setHexRecords(settings.hexReceive());
        // The step check after a timeout writes into a client this one is not.
        engine.useStepCheckClient(StepCheck.unusedClient(settings.connectId()));
    }

    public MqttState state() {
        return state.get();
    }

    /** Speaks the dialect of this modem model from the next connect on (the session sets it once it identified it). */
    public void useDialect(ModemDialect dialect) {
        this.dialect = dialect;
    }

    public ModemDialect dialect() {
        return dialect;
    }

    /** Opens the next connections with TLS, with certificates the session has put into the modem (null: plain). */
    public void useTls(@Nullable TlsMaterial material) {
        this.tls = material;
    }

    /**
     * The receive format the modem was configured with at the last connect: length-shown where the model has it,
     * else hex unless the firmware refused it.
     */
    public ReceiveFormat receiveFormat() {
        return bufferedReceiveInUse ? ReceiveFormat.BUFFERED
                : lengthReceiveInUse ? ReceiveFormat.LENGTH : hexReceiveInUse ? ReceiveFormat.HEX : ReceiveFormat.TEXT;
    }

    public MqttSettings settings() {
        return settings;
    }

    /** The engine this client talks through. */
    public AtEngine engine() {
        return engine;
    }

    /** How long the broker may take to acknowledge: the modem's timeout for each try, times the tries, plus slack. */
    Duration acknowledgeTimeout() {
        return Duration.ofSeconds((long) settings.packetTimeoutSeconds() * (settings.retries() + 1) + 5);
    }

    /**
     * Configures, opens and connects the client, then makes every subscription again. A stale client left open by
     * an earlier run ({@code +QMTOPEN: <id>,2}) is closed and the open retried once.
     *
     * @throws MqttException with the decoded reason
     */
    public void connect() throws MqttException {
        setState(MqttState.OPENING);
        int attempt = connection.get();
        try {
            configure();
            int result = open();
            if (result == 2) {
                logger.debug("MQTT client {} is occupied by a stale session; closing it first", idText);
                closeClient();
                configure();
                result = open();
            }
            if (result != 0) {
                throw new MqttException(QmtCodes.openReason(result),
                        "Opening the connection to " + settings.host() + ":" + settings.port() + " failed: "
                                + QmtCodes.openResult(result) + (tls != null && (result == -1 || result == 5)
                                        ? " (with TLS this is also a broker certificate the modem did not accept, or a"
                                                + " port that does not speak TLS)"
                                        : ""),
                        result, "+QMTOPEN: " + idText + "," + result);
            }
            advance(MqttState.OPENING, MqttState.OPEN);
            advance(MqttState.OPEN, MqttState.CONNECTING);
            connectClient(attempt);
            // Only from CONNECTING: a +QMTSTAT that arrived with (or right after) the +QMTCONN has closed the client
            // already, and that loss must not be painted over.
            advance(MqttState.CONNECTING, MqttState.CONNECTED);
        } catch (MqttException e) {
            endConnection();
            throw e;
        }
        awaitSubscriptions(resubscribe(attempt));
        // What the modem kept while nobody was connected (or its announcement was missed) is read now.
        pollStoredMessages();
    }

    /**
     * Moves the handshake one step on, unless the connection ended meanwhile.
     *
     * @throws MqttException CONNECTION_LOST when a +QMTSTAT (or a lost link) closed the client during the handshake
     */
    private void advance(MqttState from, MqttState to) throws MqttException {
        if (!state.compareAndSet(from, to)) {
            throw new MqttException(MqttException.Reason.CONNECTION_LOST,
                    "The connection closed during the handshake (client " + state.get().name().toLowerCase() + ")");
        }
        logger.debug("MQTT client {}: {} -> {}", idText, from, to);
        listener.stateChanged(to);
    }

    /** The client is closed: every wait for the broker fails, and operations begun before see the count moved. */
    private MqttState endConnection() {
        MqttState before = state.getAndSet(MqttState.CLOSED);
        connection.incrementAndGet();
        if (before != MqttState.CLOSED) {
            logger.debug("MQTT client {}: {} -> {}", idText, before, MqttState.CLOSED);
            listener.stateChanged(MqttState.CLOSED);
        }
        return before;
    }

    /**
     * Waits until the broker answered every subscription, so that "connected" also means "receiving": a message
     * published right after the owner reports online must not be missed on a first (or clean) session. A failed or
     * rejected subscription was logged and does not fail the connection.
     */
    private void awaitSubscriptions(CompletableFuture<Void> subscribed) throws MqttException {
        try {
            AtEngine.await(subscribed, acknowledgeTimeout());
        } catch (AtException e) {
            if (e.getKind() != AtException.Kind.TIMEOUT) {
                throw toMqttException(e, null);
            }
            logger.debug("Not every subscription was answered in time");
        }
    }

    /**
     * AT+QMTCONN?: the modem's own view of this client (1 initial, 2 connecting, 3 connected, 4 disconnecting), or 0
     * when the modem lists no state for it (not open). For diagnostics; the driver tracks the state from URCs and
     * does not poll this before publishing.
     */
    public int queryConnectionState() throws MqttException {
        try {
            return connectionStateIn(engine.execute(connectionStateRead()));
        } catch (AtException e) {
            throw toMqttException(e, null);
        }
    }

    /**
     * {@link #queryConnectionState()} without waiting: the future completes on the engine's dispatcher with the state,
     * or fails when the modem did not answer.
     */
    public CompletableFuture<Integer> queryConnectionStateAsync() {
        return engine.send(connectionStateRead()).thenApply(this::connectionStateIn);
    }

    /** AT+QMTCONN?: its lines are {@code +QMTCONN: <id>,<state>}; a three-field one is a CONNECT result URC. */
    private static AtCommand connectionStateRead() {
        return AtCommand.of("AT+QMTCONN?")
                .withInfo(line -> line.startsWith("+QMTCONN:") && urcFields(AtLine.of(line)).length == 2);
    }

    private int connectionStateIn(AtResponse response) {
        for (String line : response.lines()) {
            int[] fields = urcFields(AtLine.of(line));
            if (fields.length > 1 && fields[0] == settings.connectId()) {
                return fields[1];
            }
        }
        return 0;
    }

    /**
     * AT+QMTOPEN?: the broker this client has open as {@code host:port}, or empty when it is not open.
     */
    public java.util.Optional<String> queryOpenBroker() throws MqttException {
        try {
            for (String line : engine.execute(AtCommand.of("AT+QMTOPEN?").withInfo(l -> l.startsWith("+QMTOPEN:")
                    && l.contains("\""))).lines()) {
                String[] fields = Fields.split(line.substring(line.indexOf(':') + 1));
                if (fields.length >= 3 && fields[0].equals(idText)) {
                    return java.util.Optional.of(Fields.unquote(fields[1]) + ":" + fields[2]);
                }
            }
            return java.util.Optional.empty();
        } catch (AtException e) {
            throw toMqttException(e, null);
        }
    }

    /** Disconnects and closes the client; best effort, never throws. */
    public void disconnect() {
        MqttState before = state.get();
        if (before == MqttState.CLOSED || !state.compareAndSet(before, MqttState.DISCONNECTING)) {
            return;
        }
        listener.stateChanged(MqttState.DISCONNECTING);
        if (before == MqttState.CONNECTED) {
            try {
                runTwoPhase(AtCommand.of("AT+QMTDISC=" + idText).withoutInfo(),
                        new AtEngine.ResultWait(urcOf("+QMTDISC:"), CLOSE_TIMEOUT), connection.get());
            } catch (MqttException e) {
                logger.debug("AT+QMTDISC failed: {}", e.getMessage());
            }
        }
        closeClient();
        endConnection();
        failAwaiting(new MqttException(MqttException.Reason.NOT_CONNECTED, "The MQTT client was disconnected"));
    }

    /** AT+QMTCLOSE and its URC; errors mean there was nothing to close. */
    private void closeClient() {
        try {
            runTwoPhase(AtCommand.of("AT+QMTCLOSE=" + idText).withoutInfo(),
                    new AtEngine.ResultWait(urcOf("+QMTCLOSE:"), CLOSE_TIMEOUT), connection.get());
        } catch (MqttException e) {
            logger.debug("AT+QMTCLOSE: {}", e.getMessage());
        }
    }

    private void configure() throws MqttException {
        try {
            execute(AtCommand.of("AT+QMTCFG=\"version\"," + idText + "," + settings.protocolVersion()));
        } catch (MqttException e) {
            if (e.getReason() != MqttException.Reason.MODEM_ERROR) {
                throw e;
            }
            // Firmware before AN V1.1 has no "version" item and speaks its own default.
            logger.debug("The modem has no MQTT version setting; it uses its firmware's default");
        }
        List<String> items = new ArrayList<>();
        items.add("\"keepalive\"," + idText + "," + settings.keepAliveSeconds());
        items.add("\"session\"," + idText + "," + (settings.cleanSession() ? 1 : 0));
        items.add("\"timeout\"," + idText + "," + settings.packetTimeoutSeconds() + "," + settings.retries() + ",0");
        MqttSettings.Will will = settings.will();
        items.add(will == null ? "\"will\"," + idText + ",0"
                : "\"will\"," + idText + ",1," + will.qos() + "," + (will.retain() ? 1 : 0) + ","
                        + AtText.quoted(will.topic(), SettingField.WILL_TOPIC, MqttTopics.MAX_TOPIC_BYTES) + ","
                        + AtText.quoted(will.message(), SettingField.WILL_MESSAGE, 256));
        for (String item : items) {
            execute(AtCommand.of("AT+QMTCFG=" + item));
        }
        configureTls();
        configureReceive();
        try {
            execute(AtCommand.of("AT+QMTCFG=\"echomode\"," + idText + ",0"));
        } catch (MqttException e) {
            logger.debug("The modem has no MQTT echo mode setting");
        }
    }

    /** TLS on or off for the next AT+QMTOPEN, on a model that has it (a setting left on by an earlier run goes off). */
    private void configureTls() throws MqttException {
        TlsMaterial material = tls;
        Optional<ModemTls> modemTls = dialect.tls();
        if (modemTls.isEmpty()) {
            if (material != null) {
                throw new MqttException(MqttException.Reason.INVALID_ARGUMENT,
                        "The " + dialect.model() + " has no TLS for MQTT");
            }
            return;
        }
        if (material == null) {
            try {
                execute(modemTls.get().disable(settings.connectId()));
            } catch (MqttException e) {
                if (e.getReason() != MqttException.Reason.MODEM_ERROR) {
                    throw e;
                }
                logger.debug("The modem has no MQTT SSL setting to switch off");
            }
            return;
        }
        for (AtCommand command : modemTls.get().enable(settings.connectId(), material)) {
            execute(command);
        }
    }

    /**
     * On a model that can keep received messages until they are read (BG95/BG96), asks for that, or for each message
     * printed at once with its length, as configured; otherwise, or when the firmware refuses, the formats below.
     */
    private void configureReceive() throws MqttException {
        if (dialect.buffersReceivedMessages()) {
            // Kept until read (asked for), or printed at once; the length shown either way.
            boolean buffered = settings.bufferedReceive();
            if (accepted("AT+QMTCFG=\"recv/mode\"," + idText + "," + (buffered ? 1 : 0) + ",1", "recv/mode")) {
                bufferedReceiveInUse = buffered;
                lengthReceiveInUse = true;
                engine.setLengthRecords(true);
                hexReceiveInUse = false;
                engine.setHexRecords(false);
                listener.receiveFormatChosen(buffered ? ReceiveFormat.BUFFERED : ReceiveFormat.LENGTH, true);
                return;
            }
            bufferedReceiveInUse = false;
        }
        configureDataFormat();
    }

    /**
     * Chooses how the modem prints received payloads. Hex (the default) prints every message on one line of hex
     * digits, so nothing a publisher writes can look like the modem's own output; text prints the payload raw. Firmware
     * before AN V1.1 has no "dataformat" item: then messages arrive as text (with a warning, and the owner is told),
     * and binary payloads cannot be sent.
     */
    private void configureDataFormat() throws MqttException {
        boolean length = dialect.showsReceiveLength()
                && accepted("AT+QMTCFG=\"showrecvlen\"," + idText + ",1", "showrecvlen");
        lengthReceiveInUse = length;
        engine.setLengthRecords(length);
        // With the length shown, text is read exactly as sent: hex would only double the bytes on the line.
        boolean wanted = settings.hexReceive() && !length;
        boolean hex;
        try {
            execute(AtCommand.of("AT+QMTCFG=\"dataformat\"," + idText + ",0," + (wanted ? 1 : 0)));
            hexFormatAvailable = true;
            hex = wanted;
        } catch (MqttException e) {
            if (e.getReason() != MqttException.Reason.MODEM_ERROR) {
                throw e;
            }
            hexFormatAvailable = false;
            hex = false;
            if (wanted && !dataFormatRefusalLogged) {
                dataFormatRefusalLogged = true;
                logger.warn("The modem refused AT+QMTCFG=\"dataformat\" (firmware older than BC26 MQTT AN V1.1): "
                        + "messages are received as text, where a payload can imitate the modem's own lines, and "
                        + "binary payloads cannot be published");
            } else {
                logger.debug("The modem has no MQTT hex data format; binary payloads will be refused");
            }
        }
        hexReceiveInUse = hex;
        engine.setHexRecords(hex);
        listener.receiveFormatChosen(receiveFormat(), length || hex == wanted);
    }

    /** A configuration item of the model's dialect: whether the firmware took it (one that predates it says ERROR). */
    private boolean accepted(String command, String item) throws MqttException {
        try {
            execute(AtCommand.of(command));
            return true;
        } catch (MqttException e) {
            if (e.getReason() != MqttException.Reason.MODEM_ERROR) {
                throw e;
            }
            logger.warn("The {} refused AT+QMTCFG=\"{}\": received messages are framed by quotes and line breaks as on "
                    + "BC26", dialect.model(), item);
            return false;
        }
    }

    /** AT+QMTOPEN and the result of its URC. */
    private int open() throws MqttException {
        AtLine line = runTwoPhase(AtCommand.of("AT+QMTOPEN=" + idText + ","
                + AtText.quoted(settings.host(), SettingField.BROKER_HOST, 100) + "," + settings.port()).withoutInfo(),
                new AtEngine.ResultWait(urcOf("+QMTOPEN:"), OPEN_TIMEOUT), connection.get());
        return urcField(line, 1);
    }

    /** AT+QMTCONN; ends on +QMTCONN or on +QMTSTAT (a broker that drops the link during CONNECT sends no +QMTCONN). */
    private void connectClient(int attempt) throws MqttException {
        StringBuilder command = new StringBuilder("AT+QMTCONN=").append(idText).append(',')
                .append(AtText.quoted(settings.clientId(), SettingField.CLIENT_ID, 128));
        String logText = command.toString();
        String username = settings.username();
        String password = settings.password();
        if (username != null) {
            command.append(',').append(AtText.quoted(username, SettingField.USER_NAME, 256));
            logText = command.toString();
            if (password != null) {
                command.append(',').append(AtText.quoted(password, SettingField.PASSWORD, 256));
                logText += ",\"****\"";
            }
        }
        // A +QMTSTAT before the OK (the broker closed the connection first) ends the client, and with it this wait.
        AtLine line = runTwoPhase(AtCommand.of(command.toString()).withLogText(logText).withoutInfo(),
                new AtEngine.ResultWait(urcOf("+QMTCONN:").or(urcOf("+QMTSTAT:")), acknowledgeTimeout()), attempt);
        if (line.startsWith("+QMTSTAT:")) {
            int code = urcField(line, 1);
            throw new MqttException(MqttException.Reason.CONNECT_FAILED,
                    "The broker closed the connection during CONNECT: " + QmtCodes.statCode(code)
                            + (tls != null ? " (with TLS this is also a broker that wants a client certificate the"
                                    + " modem did not show)" : ""),
                    code, line.text());
        }
        int result = urcField(line, 1);
        if (result != 0) {
            throw new MqttException(MqttException.Reason.CONNECT_FAILED,
                    "CONNECT was not acknowledged: " + QmtCodes.sendResult(result), result, line.text());
        }
        int[] fields = urcFields(line);
        int returnCode = fields.length > 2 ? fields[2] : 0;
        if (returnCode != 0) {
            throw new MqttException(MqttException.Reason.CONNECTION_REFUSED,
                    "The broker refused the connection: " + QmtCodes.connackCode(returnCode), returnCode, line.text());
        }
    }

    /**
     * Adds a subscription; sends it now when connected, else at the next connect.
     *
     * @return completes with the granted QoS when the broker answered (or at once when not connected)
     */
    public CompletableFuture<List<Integer>> subscribe(String topicFilter, int qos) {
        return subscribe(Map.of(topicFilter, qos)).thenApply(granted -> grantedTo(topicFilter, granted));
    }

    /**
     * One filter's answer out of {@link #subscribe(Map)}'s: its granted QoS, or nothing when not connected.
     *
     * @throws CompletionException SUBSCRIPTION_REJECTED when the broker refused it
     */
    public static List<Integer> grantedTo(String topicFilter, Map<String, Integer> granted) {
        Integer qosGranted = granted.get(topicFilter);
        if (qosGranted != null && qosGranted == REJECTED) {
            throw new CompletionException(rejected(topicFilter));
        }
        return qosGranted == null ? List.of() : List.of(qosGranted);
    }

    /**
     * Adds subscriptions; when connected, sends them together: one {@code AT+QMTSUB} per
     * {@value #MAX_TOPICS_PER_SUBSCRIBE} filters instead of a round trip each (seconds apiece on a real cell).
     *
     * @return completes with each filter's granted QoS when the broker answered, {@value #REJECTED} for a filter it
     *         refused (empty at once when not connected)
     */
    public CompletableFuture<Map<String, Integer>> subscribe(Map<String, Integer> filters) {
        try {
            for (Map.Entry<String, Integer> filter : filters.entrySet()) {
                checkSubscription(filter.getKey(), filter.getValue());
            }
        } catch (MqttException e) {
            return CompletableFuture.failedFuture(e);
        }
        synchronized (subscriptions) {
            subscriptions.putAll(filters);
        }
        int current = connection.get();
        if (state.get() != MqttState.CONNECTED || filters.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Map<String, Integer>> batches = batches(filters);
        List<CompletableFuture<Map<String, Integer>>> answers = new ArrayList<>();
        for (Map<String, Integer> batch : batches) {
            answers.add(sendSubscribe(batch, current).thenApply(granted -> grantedPerFilter(batch, granted)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Integer> all = new LinkedHashMap<>();
            answers.forEach(answer -> all.putAll(answer.join()));
            return all;
        });
    }

    /** The filters in commands of at most {@value #MAX_TOPICS_PER_SUBSCRIBE}, in their order. */
    private static List<Map<String, Integer>> batches(Map<String, Integer> filters) {
        List<Map<String, Integer>> batches = new ArrayList<>();
        Map<String, Integer> batch = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> filter : filters.entrySet()) {
            if (batch.size() == MAX_TOPICS_PER_SUBSCRIBE) {
                batches.add(batch);
                batch = new LinkedHashMap<>();
            }
            batch.put(filter.getKey(), filter.getValue());
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** MQTT 3.1.1's SUBACK: one granted QoS per filter, in the order asked; 128 refuses that filter. */
    private static Map<String, Integer> grantedPerFilter(Map<String, Integer> batch, List<Integer> granted) {
        Map<String, Integer> perFilter = new LinkedHashMap<>();
        int i = 0;
        for (String filter : batch.keySet()) {
            if (i < granted.size()) {
                perFilter.put(filter, granted.get(i));
            }
            i++;
        }
        return perFilter;
    }

    /** The failure of a filter the broker refused. */
    public static MqttException rejected(String topicFilter) {
        return new MqttException(MqttException.Reason.SUBSCRIPTION_REJECTED,
                "The broker rejected the subscription to " + topicFilter, REJECTED);
    }

    /**
     * Checks that a topic filter can be subscribed (no unsendable characters, wildcards where MQTT allows them) at
     * this QoS.
     *
     * @throws MqttException INVALID_ARGUMENT with the reason
     */
    public static void checkSubscription(String topicFilter, int qos) throws MqttException {
        try {
            MqttTopics.checkTopicFilter(topicFilter);
            MqttSettings.checkQos(qos);
        } catch (IllegalArgumentException e) {
            throw new MqttException(MqttException.Reason.INVALID_ARGUMENT, String.valueOf(e.getMessage()));
        }
    }

    /** Removes a subscription; unsubscribes now when connected. */
    public CompletableFuture<Void> unsubscribe(String topicFilter) {
        return unsubscribe(List.of(topicFilter));
    }

    /** Removes subscriptions; when connected, unsubscribes them together, as {@link #subscribe(Map)} subscribes. */
    public CompletableFuture<Void> unsubscribe(Collection<String> topicFilters) {
        Map<String, Integer> known = new LinkedHashMap<>();
        synchronized (subscriptions) {
            for (String filter : topicFilters) {
                Integer qos = subscriptions.remove(filter);
                if (qos != null) {
                    known.put(filter, qos);
                }
            }
        }
        int current = connection.get();
        if (known.isEmpty() || state.get() != MqttState.CONNECTED) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (Map<String, Integer> batch : batches(known)) {
            answers.add(oneAtATime(() -> {
                int messageId = messageIds.allocate();
                StringBuilder command = new StringBuilder("AT+QMTUNS=").append(idText).append(',').append(messageId);
                for (String filter : batch.keySet()) {
                    command.append(',')
                            .append(AtText.quoted(filter, SettingField.TOPIC_FILTER, MqttTopics.MAX_TOPIC_BYTES));
                }
                return sendTwoPhase(AtCommand.of(command.toString()).withoutInfo(), resultOf("+QMTUNS:", messageId),
                        current).thenApply(line -> {
                            succeeded(line, "Unsubscribing from " + batch.keySet());
                            return (Void) null;
                        }).whenComplete((v, e) -> messageIds.release(messageId));
            }));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
    }

    /**
     * Starts a packet command (publish, subscribe, unsubscribe) once the one before it has ended, successful or not:
     * one packet of this client in flight at a time, in the order they were asked for. A BC26-compatible firmware
     * answers ERROR to a publish while another is in flight, and no capture shows a BC26 taking two. The command
     * starts on the thread that ended the one before (the engine's dispatcher), which only sends, never waits.
     */
    private <T> CompletableFuture<T> oneAtATime(Supplier<CompletableFuture<T>> packet) {
        CompletableFuture<?> before;
        CompletableFuture<@Nullable Void> ended = new CompletableFuture<>();
        synchronized (packetOrder) {
            before = lastPacket;
            lastPacket = ended;
        }
        // Started outside the lock; the previous packet's outcome does not matter, only that it ended.
        CompletableFuture<T> result = before.handle((ignored, previousFailure) -> null)
                .thenCompose(ignored -> packet.get());
        result.whenComplete((value, failure) -> ended.complete(null));
        return result;
    }

    /** The current subscriptions (filter to QoS), in the order they were added. */
    public Map<String, Integer> subscriptions() {
        synchronized (subscriptions) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
        }
    }

    /** Makes every subscription again; the future completes when all are answered, failures only logged. */
    private CompletableFuture<Void> resubscribe(int current) {
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (Map<String, Integer> batch : batches(subscriptions())) {
            List<String> filters = List.copyOf(batch.keySet());
            answers.add(sendSubscribe(batch, current).handle((granted, error) -> {
                if (error != null) {
                    logger.debug("Subscribing to {} failed: {}", filters, unwrap(error).getMessage());
                    // Lost with the connection: the next connect subscribes again. Anything else the owner hears.
                    MqttException failure = failureOf(error);
                    if (failure.getReason() != MqttException.Reason.CONNECTION_LOST
                            && failure.getReason() != MqttException.Reason.LINK_LOST) {
                        filters.forEach(filter -> listener.subscriptionFailed(filter, failure));
                    }
                    return null;
                }
                // One granted QoS per filter, in order (MQTT 3.1.1 SUBACK); 128 is a refusal of that filter.
                for (int f = 0; f < filters.size() && f < granted.size(); f++) {
                    if (granted.get(f) == REJECTED) {
                        listener.subscriptionFailed(filters.get(f), rejected(filters.get(f)));
                    }
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<List<Integer>> sendSubscribe(Map<String, Integer> batch, int current) {
        return oneAtATime(() -> startSubscribe(batch, current));
    }

    private CompletableFuture<List<Integer>> startSubscribe(Map<String, Integer> batch, int current) {
        int messageId = messageIds.allocate();
        StringBuilder command = new StringBuilder("AT+QMTSUB=").append(idText).append(',').append(messageId);
        for (Map.Entry<String, Integer> entry : batch.entrySet()) {
            command.append(',').append(AtText.quoted(entry.getKey(), SettingField.TOPIC_FILTER, MqttTopics.MAX_TOPIC_BYTES))
                    .append(',').append(entry.getValue());
        }
        List<String> topics = List.copyOf(batch.keySet());
        return sendTwoPhase(AtCommand.of(command.toString()).withoutInfo(), resultOf("+QMTSUB:", messageId), current)
                .thenApply(line -> {
            int[] fields = succeeded(line, "Subscribing to " + topics);
            List<Integer> granted = new ArrayList<>();
            for (int i = 3; i < fields.length; i++) {
                granted.add(fields[i]);
            }
            return granted;
        }).whenComplete((v, e) -> messageIds.release(messageId));
    }

    /**
     * Checks that a message can be published (topic without wildcards or unsendable characters, QoS 0-2, payload
     * within the modem's limits) and returns the form it will take.
     *
     * @throws MqttException INVALID_ARGUMENT or PAYLOAD_TOO_LARGE with the reason
     */
    public static PublishEncoding checkPublishable(String topic, byte[] payload, int qos) throws MqttException {
        return checkPublishable(topic, payload, qos, ModemDialect.of(ModemModel.BC26));
    }

    /** As {@link #checkPublishable(String, byte[], int)}, within the limits of a model's dialect. */
    public static PublishEncoding checkPublishable(String topic, byte[] payload, int qos, ModemDialect dialect)
            throws MqttException {
        try {
            MqttTopics.checkTopicName(topic);
            MqttSettings.checkQos(qos);
        } catch (IllegalArgumentException e) {
            throw new MqttException(MqttException.Reason.INVALID_ARGUMENT, String.valueOf(e.getMessage()));
        }
        return dialect.encode(payload);
    }

    /**
     * Publishes a message in the form its payload needs ({@link PublishEncoding}).
     *
     * @return completes when the broker acknowledged (QoS 1, 2) or the modem sent it (QoS 0); fails with an
     *         {@link MqttException} otherwise
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        return publish(topic, payload, qos, retain, 0);
    }

    /**
     * Publishes a message with the message id it already had, if that id is free: a QoS 1/2 message sent again after
     * a reconnect keeps its id, so a broker that still holds it (persistent session) can tell it is the same message.
     *
     * @param preferredId the message's id from an earlier attempt, or 0 for a new one (QoS 0 always uses 0)
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain, int preferredId) {
        PublishEncoding encoding;
        try {
            encoding = checkPublishable(topic, payload, qos, dialect);
        } catch (MqttException e) {
            return CompletableFuture.failedFuture(e);
        }
        int current = connection.get();
        MqttState now = state.get();
        if (now != MqttState.CONNECTED) {
            return CompletableFuture.failedFuture(new MqttException(MqttException.Reason.NOT_CONNECTED,
                    "The MQTT client is " + now.name().toLowerCase()));
        }
        if (encoding.form() == PublishEncoding.Form.HEX && !hexFormatAvailable) {
            return CompletableFuture.failedFuture(new MqttException(MqttException.Reason.INVALID_ARGUMENT,
                    "This modem firmware has no hex data format, so it cannot publish binary payloads"));
        }
        return oneAtATime(() -> startPublish(topic, payload, qos, retain, preferredId, encoding, current));
    }

    private CompletableFuture<Void> startPublish(String topic, byte[] payload, int qos, boolean retain,
            int preferredId, PublishEncoding encoding, int current) {
        int messageId = qos == 0 ? 0 : preferredId > 0 && messageIds.reserve(preferredId) ? preferredId
                : messageIds.allocate();
        String head = "AT+QMTPUB=" + idText + "," + messageId + "," + qos + "," + (retain ? 1 : 0) + ","
                + AtText.quoted(topic, SettingField.TOPIC, MqttTopics.MAX_TOPIC_BYTES);
        String wire = new String(encoding.wire(), StandardCharsets.UTF_8);
        // Hex digits go in the direct form where the model has it (BC26), within its 700 bytes.
        boolean direct = encoding.form() == PublishEncoding.Form.DIRECT
                || (encoding.form() == PublishEncoding.Form.HEX && dialect.hasDirectForm()
                        && encoding.wire().length <= PublishEncoding.MAX_DIRECT_BYTES);
        AtCommand publish;
        if (encoding.form() == PublishEncoding.Form.EXACT) {
            // The announced length ends the data: every byte after the prompt is payload, Ctrl+Z included.
            publish = AtCommand.of(head + "," + encoding.wire().length).withoutInfo()
                    .withExactPromptData(encoding.wire()).withTimeout(PROMPT_PUBLISH_TIMEOUT);
        } else if (encoding.form() == PublishEncoding.Form.LENGTH) {
            // The length ends the payload, so its quotes and commas are the payload's own.
            publish = AtCommand.of(head + "," + encoding.wire().length + ",\"" + wire + "\"").withoutInfo();
        } else if (direct) {
            publish = AtCommand.of(head + ",\"" + wire + "\"").withoutInfo();
        } else {
            publish = AtCommand.of(head).withoutInfo().withPromptData(encoding.wire())
                    .withTimeout(PROMPT_PUBLISH_TIMEOUT);
        }
        AtEngine.ResultWait result = resultOf("+QMTPUB:", messageId);
        AtEngine.TwoPhase sent;
        if (encoding.form() == PublishEncoding.Form.HEX) {
            String format = "AT+QMTCFG=\"dataformat\"," + idText + ",";
            // If the switch to hex fails, the publish is not sent and its result fails with it.
            sent = engine.sendGuarded(AtCommand.of(format + "1," + receiveFormatCode()), publish,
                    AtCommand.of(format + "0," + receiveFormatCode()), result);
        } else {
            sent = engine.send(publish, result);
        }
        return awaitBroker(sent.answer(), sent.result(), current).thenApply(line -> {
            succeeded(line, "Publishing to " + topic);
            return (Void) null;
        }).whenComplete((v, e) -> messageIds.release(messageId));
    }

    /**
     * The URC that ends the packet with this message id ({@code +QMTPUB}, {@code +QMTSUB}, {@code +QMTUNS}): result 0
     * or 2, awaited from the command's OK on (see {@link AtEngine#send(AtCommand, AtEngine.ResultWait)}). Result 1 is
     * a retransmission report, not the end (AN11).
     */
    private AtEngine.ResultWait resultOf(String prefix, int messageId) {
        return new AtEngine.ResultWait(line -> sameUrc(line, prefix, messageId) && urcFields(line).length > 2
                && urcFields(line)[2] != 1, acknowledgeTimeout());
    }

    /** The result's fields when it is 0 (sent and acknowledged); SEND_FAILED naming {@code what} otherwise. */
    private static int[] succeeded(AtLine line, String what) {
        int[] fields = urcFields(line);
        if (fields[2] != 0) {
            throw new CompletionException(new MqttException(MqttException.Reason.SEND_FAILED,
                    what + " failed: " + QmtCodes.sendResult(fields[2]), fields[2]));
        }
        return fields;
    }

    /**
     * Routes a URC: +QMTRECV becomes a message, +QMTSTAT ends the session, +QMTPUB retransmission reports are
     * logged. Lines of other connect ids are ignored.
     */
    public void handleUrc(AtLine line) {
        if (line.startsWith("+QMTRECV:")) {
            receive(line);
        } else if (line.startsWith("+QMTSTAT:") && isMine(line)) {
            int code = urcField(line, 1);
            MqttState before = endConnection();
            failAwaiting(new MqttException(MqttException.Reason.CONNECTION_LOST,
                    "The MQTT connection was closed: " + QmtCodes.statCode(code), code, line.text()));
            if (before == MqttState.CONNECTED) {
                listener.connectionLost(code, QmtCodes.statCode(code));
            } else if (before != MqttState.CLOSED) {
                // During the handshake: the connect that is running fails with this loss and its owner retries.
                logger.debug("MQTT client {} closed while {}: {}", idText, before, QmtCodes.statCode(code));
            }
        } else if (line.startsWith("+QMTPUB:") && isMine(line) && urcFields(line).length > 2
                && urcFields(line)[2] == 1) {
            logger.debug("Publish {} retransmitted ({} times so far)", urcFields(line)[1],
                    urcFields(line).length > 3 ? urcFields(line)[3] : 1);
        }
    }

    /** The link or the modem went away: the session is gone without a +QMTSTAT. */
    public void sessionLost(String reason) {
        endConnection();
        failAwaiting(new MqttException(MqttException.Reason.LINK_LOST, reason));
    }

    private void receive(AtLine line) {
        byte[] raw = line.raw();
        if (bufferedReceiveInUse && line.isComplete() && STORED_NOTICE.matcher(line.text().strip()).matches()) {
            // "+QMTRECV: <id>,<recv_id>": the modem keeps a message in that slot until it is read.
            int[] fields = urcFields(line);
            if (fields[0] == settings.connectId()) {
                readStored(fields[1]);
            }
            return;
        }
        ReceivedRecord record = ReceivedRecord.decode(raw, settings.connectId(), line.isComplete(), hexReceiveInUse,
                lengthReceiveInUse);
        MqttMessage message = record.message();
        if (message == null) {
            if (!record.dropReason().isEmpty()) {
                dropped(raw, record.dropReason());
            }
            return;
        }
        if (logger.isTraceEnabled()) {
            logger.trace("<< +QMTRECV {} ({} bytes)", AtText.printable(message.topic()), message.payload().length);
        }
        listener.messageReceived(message);
    }

    /** Reads the message the modem keeps in a slot; it arrives as a length-shown record, then OK. */
    private void readStored(int slot) {
        engine.send(AtCommand.of("AT+QMTRECV=" + idText + "," + slot).withoutInfo()).whenComplete((answer, error) -> {
            if (error != null) {
                logger.debug("Reading stored message {} failed: {}", slot, error.getMessage());
            }
        });
    }

    /**
     * Asks the modem which slots hold unread messages ({@code AT+QMTRECV?}) and reads them: after connecting, and
     * from time to time, so a message whose announcement the host missed (a stall, a lost byte) is still delivered.
     * Runs the query on the caller's thread (the session's own); nothing when the modem does not buffer.
     */
    public void pollStoredMessages() {
        if (!bufferedReceiveInUse || state.get() != MqttState.CONNECTED) {
            return;
        }
        try {
            for (String status : engine.execute(AtCommand.of("AT+QMTRECV?")
                    .withInfo(text -> STORE_STATUS.matcher(text).matches())).lines()) {
                String[] fields = status.substring(status.indexOf(':') + 1).split(",");
                if (Integer.parseInt(fields[0].trim()) != settings.connectId()) {
                    continue;
                }
                for (int slot = 0; slot + 1 < fields.length; slot++) {
                    if (fields[slot + 1].trim().equals("1")) {
                        readStored(slot);
                    }
                }
            }
        } catch (AtException e) {
            logger.debug("Asking the modem for stored messages failed: {}", e.getMessage());
        }
    }

    /** A message the modem printed but that cannot be delivered: lost data, so said at warning level. */
    private void dropped(byte[] raw, String why) {
        String topic = QmtRecvShape.topicOf(raw);
        logger.warn("Dropped a message{} from the modem: {} ({} bytes)",
                topic == null ? "" : " on topic '" + AtText.printable(topic) + "'", why, raw.length);
        listener.receiveDropped(topic == null ? "" : topic, why);
    }

    private int receiveFormatCode() {
        return hexReceiveInUse ? 1 : 0;
    }

    private void setState(MqttState newState) {
        MqttState old = state.getAndSet(newState);
        if (old != newState) {
            logger.debug("MQTT client {}: {} -> {}", idText, old, newState);
            listener.stateChanged(newState);
        }
    }

    private void failAwaiting(MqttException reason) {
        for (CompletableFuture<?> future : List.copyOf(awaitingBroker)) {
            future.completeExceptionally(reason);
        }
    }

    private void execute(AtCommand command) throws MqttException {
        try {
            engine.execute(command);
        } catch (AtException e) {
            throw toMqttException(e, command);
        }
    }

    /** Sends a command and waits for the URC that ends it. */
    private AtLine runTwoPhase(AtCommand command, AtEngine.ResultWait result, int current) throws MqttException {
        try {
            return AtEngine.await(sendTwoPhase(command, result, current), command.timeout().plus(result.timeout()));
        } catch (AtException e) {
            throw toMqttException(e, command);
        }
    }

    private CompletableFuture<AtLine> sendTwoPhase(AtCommand command, AtEngine.ResultWait result, int current) {
        AtEngine.TwoPhase sent = engine.send(command, result);
        return awaitBroker(sent.answer(), sent.result(), current);
    }

    /**
     * The URC, failed early if the command itself fails; registered for failure on session loss.
     *
     * @param current the connection count when the operation began: if the connection ended since, the URC will
     *            never come, so the wait fails at once
     */
    private CompletableFuture<AtLine> awaitBroker(CompletableFuture<?> sent, CompletableFuture<AtLine> urc,
            int current) {
        sent.whenComplete((response, error) -> {
            if (error != null) {
                urc.completeExceptionally(unwrap(error));
            }
        });
        awaitingBroker.add(urc);
        urc.whenComplete((line, error) -> awaitingBroker.remove(urc));
        if (connection.get() != current) {
            // Ended between the caller's check and this registration: failAwaiting() may have run before the add.
            urc.completeExceptionally(new MqttException(MqttException.Reason.CONNECTION_LOST,
                    "The MQTT connection closed before the answer"));
        }
        return urc.handle((line, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                throw new CompletionException(
                        cause instanceof AtException at ? toMqttException(at, null) : cause);
            }
            return line;
        });
    }

    private static MqttException toMqttException(AtException e, @Nullable AtCommand command) {
        String what = command == null ? "" : command.logText() + ": ";
        return switch (e.getKind()) {
            case TIMEOUT -> new MqttException(MqttException.Reason.TIMEOUT, what + e.getMessage(), -1,
                    command == null ? "" : command.logText());
            case ERROR, CME_ERROR, UNEXPECTED_ANSWER -> new MqttException(MqttException.Reason.MODEM_ERROR,
                    what + e.getMessage(), e.getCmeError(), e.getCmeError() >= 0 ? "+CME ERROR: " + e.getCmeError()
                            : command == null ? "ERROR" : command.logText() + " ERROR");
            case MODEM_RESTARTED -> new MqttException(MqttException.Reason.CONNECTION_LOST, what + e.getMessage());
            case LINK_LOST, CLOSED -> new MqttException(MqttException.Reason.LINK_LOST, what + e.getMessage());
        };
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException || cause instanceof ExecutionException) {
            Throwable inner = cause.getCause();
            if (inner == null) {
                break;
            }
            cause = inner;
        }
        return cause;
    }

    /** Unwraps the exception a future of this class failed with. */
    public static MqttException failureOf(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof MqttException mqtt ? mqtt
                : new MqttException(MqttException.Reason.MODEM_ERROR, String.valueOf(cause));
    }

    private Predicate<AtLine> urcOf(String prefix) {
        return line -> line.startsWith(prefix) && isMine(line);
    }

    private boolean sameUrc(AtLine line, String prefix, int messageId) {
        if (!line.startsWith(prefix) || !isMine(line)) {
            return false;
        }
        int[] fields = urcFields(line);
        return fields.length > 1 && fields[1] == messageId;
    }

    private boolean isMine(AtLine line) {
        int[] fields = urcFields(line);
        return fields.length > 0 && fields[0] == settings.connectId();
    }

    /** The integer fields of a short URC such as {@code +QMTPUB: 0,5,0}; non-numbers become -1. */
    static int[] urcFields(AtLine line) {
        String text = line.text();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new int[0];
        }
        String[] fields = Fields.split(text.substring(colon + 1));
        int[] values = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                values[i] = Integer.parseInt(fields[i].trim());
            } catch (NumberFormatException e) {
                values[i] = -1;
            }
        }
        return values;
    }

    private static int urcField(AtLine line, int index) {
        int[] fields = urcFields(line);
        return index < fields.length ? fields[index] : -1;
    }

}
