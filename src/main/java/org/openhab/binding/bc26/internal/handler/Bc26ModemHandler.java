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
package org.openhab.binding.bc26.internal.handler;

import static org.openhab.binding.bc26.internal.Bc26BindingConstants.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.action.Bc26Actions;
import org.openhab.binding.bc26.internal.config.Bc26ModemConfiguration;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.ModemSessionListener;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.network.Registration;
import org.openhab.binding.bc26.internal.modem.network.SignalQuality;
import org.openhab.binding.bc26.internal.outbox.Outbox;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bc26:modem} bridge: owns the serial port and the MQTT session inside the modem (through a
 * {@link ModemSession}, which does the AT work and the recovery), maps the session to the thing status, keeps the
 * modem's properties and status channels, fires the {@code publish-trigger} channels and publishes for rule actions,
 * with an outbox for messages published while the session is down.
 * <p>
 * {@code initialize()} only validates and starts; all modem I/O runs on the scheduler, never under this handler's
 * monitor.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class Bc26ModemHandler extends BaseBridgeHandler implements ModemSessionListener {

    private static final ChannelTypeUID PUBLISH_TRIGGER = new ChannelTypeUID(BINDING_ID, CHANNEL_TYPE_PUBLISH_TRIGGER);

    private final Logger logger = LoggerFactory.getLogger(Bc26ModemHandler.class);
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong messagesDropped = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    /** Topic filter to the child handlers listening on it. */
    private final Map<String, List<Consumer<MqttMessage>>> topicListeners = new ConcurrentHashMap<>();

    private volatile @Nullable ModemSession session;
    private volatile @Nullable Outbox outbox;
    private volatile @Nullable ScheduledFuture<?> refreshJob;
    private volatile Bc26ModemConfiguration config = new Bc26ModemConfiguration();
    private volatile Duration publishTimeout = Duration.ofSeconds(45);
    private volatile boolean disposed;

    public Bc26ModemHandler(Bridge bridge) {
        super(bridge);
    }

    @Override
    public void initialize() {
        disposed = false;
        Bc26ModemConfiguration config = getConfigAs(Bc26ModemConfiguration.class);
        this.config = config;
        if (config.serialPort.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.serial-port-missing");
            return;
        }
        if (config.brokerHost.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.broker-host-missing");
            return;
        }
        if (config.clientId.isBlank()) {
            config.clientId = "openhab-bc26-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            org.openhab.core.config.core.Configuration configuration = editConfiguration();
            configuration.put("clientId", config.clientId);
            updateConfiguration(configuration);
        }
        SessionOptions options;
        try {
            options = sessionOptions(config);
        } catch (IllegalArgumentException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.invalid [\"" + String.valueOf(e.getMessage()).replace('"', '\'') + "\"]");
            return;
        }
        publishTimeout = Duration.ofSeconds((long) options.mqtt().packetTimeoutSeconds()
                * (options.mqtt().retries() + 1) + 5);
        outbox = new Outbox(config.outboxSize, outboxFile());
        updateStatus(ThingStatus.UNKNOWN);
        ModemSession session = new ModemSession(options, scheduler, this);
        this.session = session;
        for (Channel channel : getThing().getChannels()) {
            subscribeTrigger(session, channel);
        }
        topicListeners.forEach((filter, listeners) -> session.subscribe(filter, 1));
        session.start();
        // Every connect refreshes at once (afterConnect), so the first periodic read waits a whole interval.
        int interval = Math.max(10, config.refreshInterval);
        refreshJob = scheduler.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.SECONDS);
        updateState(CHANNEL_OUTBOX_SIZE, new DecimalType(outboxSize()));
        updateState(CHANNEL_MESSAGES_DROPPED, new DecimalType(messagesDropped.get()));
    }

    private SessionOptions sessionOptions(Bc26ModemConfiguration config) {
        MqttSettings.Will will = config.willTopic.isBlank() ? null
                : new MqttSettings.Will(config.willTopic, config.willMessage, config.willQos, config.willRetain);
        if (!"3.1".equals(config.mqttVersion) && !"3.1.1".equals(config.mqttVersion)) {
            throw new IllegalArgumentException("MQTT version must be 3.1 or 3.1.1, not " + config.mqttVersion);
        }
        MqttSettings.checkQos(config.defaultQos);
        MqttSettings mqtt = new MqttSettings(config.connectId, config.brokerHost.trim(), config.brokerPort,
                config.clientId, config.username.isEmpty() ? null : config.username,
                config.password.isEmpty() ? null : config.password, config.keepAlive, config.cleanSession,
                "3.1".equals(config.mqttVersion) ? 3 : 4, 10, 3, will, "hex".equals(config.receiveFormat));
        if (!config.birthTopic.isBlank()) {
            MqttTopics.checkTopicName(config.birthTopic);
        }
        if (!config.shutdownTopic.isBlank()) {
            MqttTopics.checkTopicName(config.shutdownTopic);
        }
        if (!config.simPin.isBlank()) {
            Bc26Modem.checkPin(config.simPin.trim());
        }
        if (!config.apn.isBlank()) {
            Bc26Modem.checkApn(config.apn.trim());
        }
        if (!"text".equals(config.receiveFormat) && !"hex".equals(config.receiveFormat)) {
            throw new IllegalArgumentException("The receive format must be text or hex, not " + config.receiveFormat);
        }
        if (config.outboxSize < 1) {
            throw new IllegalArgumentException("The outbox must hold at least 1 message, not " + config.outboxSize);
        }
        if (config.reconnectInitialSeconds < 1 || config.reconnectMaxSeconds < config.reconnectInitialSeconds) {
            throw new IllegalArgumentException("Reconnect delays must be at least 1 s, the maximum not below the first");
        }
        return new SessionOptions(config.serialPort.trim(), SerialSettings.DEFAULT.withBaudRate(config.baudRate),
                config.simPin.isBlank() ? null : config.simPin.trim(), config.apn.isBlank() ? null : config.apn.trim(),
                bands(config.bands), !config.powerSaving, mqtt, Duration.ofSeconds(config.reconnectInitialSeconds),
                Duration.ofSeconds(config.reconnectMaxSeconds), Duration.ofSeconds(120));
    }

    private static List<Integer> bands(String text) {
        List<Integer> bands = new ArrayList<>();
        for (String band : text.split(",")) {
            if (!band.isBlank()) {
                try {
                    bands.add(Integer.parseInt(band.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Bands are numbers separated by commas, not '" + text + "'");
                }
            }
        }
        if (!bands.isEmpty() && !List.of(1, 3, 5, 8, 20).containsAll(bands)) {
            throw new IllegalArgumentException("BC26 supports bands 1, 3, 5, 8 and 20, not " + text);
        }
        return bands;
    }

    /** Unsent QoS 1/2 messages live under openHAB's userdata folder (the OpenHAB class reads the same property). */
    private Path outboxFile() {
        String userdata = System.getProperty("openhab.userdata");
        Path base = userdata != null ? Path.of(userdata) : Path.of(System.getProperty("java.io.tmpdir"), "openhab");
        return base.resolve("bc26").resolve(getThing().getUID().getAsString().replace(':', '_') + ".outbox");
    }

    @Override
    public void dispose() {
        disposed = true;
        ScheduledFuture<?> job = refreshJob;
        if (job != null) {
            job.cancel(true);
            refreshJob = null;
        }
        ModemSession session = this.session;
        this.session = null;
        if (session != null) {
            if (session.isOnline() && !config.shutdownTopic.isBlank()) {
                try {
                    session.publish(config.shutdownTopic, config.shutdownMessage.getBytes(StandardCharsets.UTF_8), 0,
                            false).get(2, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    logger.debug("Shutdown message not sent: {}", e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            session.stop();
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (command instanceof RefreshType) {
            scheduler.execute(this::refresh);
        }
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(Bc26Actions.class);
    }

    // ---- session events ----

    @Override
    public void sessionChanged(boolean online, @Nullable SessionFailure failure) {
        if (disposed) {
            return;
        }
        if (online) {
            updateStatus(ThingStatus.ONLINE);
            updateState(CHANNEL_CONNECTION, new StringType("CONNECTED"));
            scheduler.execute(this::afterConnect);
        } else {
            updateState(CHANNEL_CONNECTION, new StringType("DISCONNECTED"));
            if (failure != null) {
                updateStatus(ThingStatus.OFFLINE, FailureStatus.detail(failure), FailureStatus.description(failure));
                updateState(CHANNEL_LAST_ERROR, new StringType(failure.kind() + ": " + failure.detail()));
            }
        }
    }

    private void afterConnect() {
        ModemSession session = this.session;
        if (session == null) {
            return;
        }
        if (!config.birthTopic.isBlank()) {
            session.publish(config.birthTopic, config.birthMessage.getBytes(StandardCharsets.UTF_8), 1, true);
        }
        drainOutbox();
        refresh();
    }

    @Override
    public void messageReceived(MqttMessage message) {
        updateState(CHANNEL_MESSAGES_RECEIVED, new DecimalType(messagesReceived.incrementAndGet()));
        topicListeners.forEach((filter, listeners) -> {
            if (MqttTopics.matches(filter, message.topic())) {
                listeners.forEach(listener -> listener.accept(message));
            }
        });
        String payload = message.payloadAsString();
        for (Channel channel : getThing().getChannels()) {
            if (!PUBLISH_TRIGGER.equals(channel.getChannelTypeUID())) {
                continue;
            }
            TriggerChannelConfig trigger = channel.getConfiguration().as(TriggerChannelConfig.class);
            if (MqttTopics.matches(trigger.stateTopic, message.topic())
                    && (trigger.payload.isEmpty() || trigger.payload.equals(payload))) {
                triggerChannel(channel.getUID(),
                        trigger.separator.isEmpty() ? payload : message.topic() + trigger.separator + payload);
            }
        }
    }

    @Override
    public void messageDropped(String topic, String reason) {
        // The driver logged it at warning level; here it becomes visible in the UI.
        updateState(CHANNEL_MESSAGES_DROPPED, new DecimalType(messagesDropped.incrementAndGet()));
        updateState(CHANNEL_LAST_ERROR, new StringType("Dropped a message"
                + (topic.isEmpty() ? "" : " on '" + AtText.printable(topic) + "'") + ": " + reason));
    }

    @Override
    public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
        String refused = " (the modem firmware refused " + config.receiveFormat + ")";
        updateProperty(PROPERTY_RECEIVE_FORMAT, asConfigured ? format.word() : format.word() + refused);
    }

    @Override
    public void identified(ModemIdentity identity) {
        Map<String, String> properties = new HashMap<>();
        properties.put(Thing.PROPERTY_VENDOR, identity.manufacturer());
        properties.put(Thing.PROPERTY_MODEL_ID, identity.model());
        properties.put(Thing.PROPERTY_FIRMWARE_VERSION, identity.revision());
        properties.put(PROPERTY_IMEI, identity.imei());
        String imsi = identity.imsi();
        if (imsi != null) {
            properties.put(PROPERTY_IMSI, imsi);
        }
        String iccid = identity.iccid();
        if (iccid != null) {
            properties.put(PROPERTY_ICCID, iccid);
        }
        updateProperties(properties);
    }

    // ---- subscriptions of child things ----

    /**
     * Subscribes a child thing to a topic filter; the bridge keeps it across reconnects and modem restarts.
     * {@code rejected} hears when the broker refuses the subscription (granted QoS 128).
     *
     * @throws IllegalArgumentException for an invalid filter or QoS
     */
    public void subscribe(String filter, int qos, Consumer<MqttMessage> listener,
            Consumer<MqttException> rejected) {
        MqttTopics.checkTopicFilter(filter);
        MqttSettings.checkQos(qos);
        topicListeners.computeIfAbsent(filter, f -> new CopyOnWriteArrayList<>()).add(listener);
        ModemSession session = this.session;
        if (session != null) {
            watchSubscription(session.subscribe(filter, qos), filter, rejected);
        }
    }

    /** Logs a failed subscription, shows it in last-error, and tells {@code rejected} if the broker refused it. */
    private void watchSubscription(CompletableFuture<List<Integer>> subscription, String filter,
            Consumer<MqttException> rejected) {
        subscription.whenComplete((granted, error) -> {
            if (error != null) {
                MqttException failure = Bc26MqttClient.failureOf(error);
                logger.warn("Cannot subscribe to '{}': {}", AtText.printable(filter), failure.getMessage());
                updateState(CHANNEL_LAST_ERROR, new StringType(failure.getReason() + ": " + failure.getMessage()));
                if (failure.getReason() == MqttException.Reason.SUBSCRIPTION_REJECTED) {
                    rejected.accept(failure);
                }
            }
        });
    }

    /** Removes a child's listener; the modem unsubscribes when nobody listens to the filter any more. */
    public void unsubscribe(String filter, Consumer<MqttMessage> listener) {
        List<Consumer<MqttMessage>> listeners = topicListeners.get(filter);
        if (listeners == null) {
            return;
        }
        listeners.remove(listener);
        if (listeners.isEmpty()) {
            topicListeners.remove(filter);
            ModemSession session = this.session;
            if (session != null && !isTriggerFilter(filter)) {
                session.unsubscribe(filter);
            }
        }
    }

    private boolean isTriggerFilter(String filter) {
        return getThing().getChannels().stream().filter(c -> PUBLISH_TRIGGER.equals(c.getChannelTypeUID()))
                .anyMatch(c -> filter.equals(c.getConfiguration().as(TriggerChannelConfig.class).stateTopic));
    }

    /** The running modem session, while initialized (for diagnostics: the console and tests). */
    public Optional<ModemSession> session() {
        return Optional.ofNullable(session);
    }

        /** Whether the MQTT session is up. */
    public boolean isSessionOnline() {
        ModemSession session = this.session;
        return session != null && session.isOnline();
    }

    // ---- trigger channels ----

    private void subscribeTrigger(ModemSession session, Channel channel) {
        if (PUBLISH_TRIGGER.equals(channel.getChannelTypeUID())) {
            TriggerChannelConfig trigger = channel.getConfiguration().as(TriggerChannelConfig.class);
            watchSubscription(session.subscribe(trigger.stateTopic, trigger.qos), trigger.stateTopic, failure -> {
            });
        }
    }

    // ---- publishing ----

    /**
     * Publishes a message. While the session is down, or older messages wait, the message goes to the outbox and
     * this returns false; QoS 0 messages may be dropped from a full outbox, QoS 1/2 never.
     *
     * @return true when the broker acknowledged the message (QoS 1/2) or the modem sent it (QoS 0)
     */
    public boolean publish(String topic, byte[] payload, int qos, boolean retain) {
        try {
            // Refused here, so an unsendable message never waits in the outbox.
            Bc26MqttClient.checkPublishable(topic, payload, qos);
        } catch (MqttException e) {
            logger.warn("Not publishing to '{}': {}", AtText.printable(topic), e.getMessage());
            updateState(CHANNEL_LAST_ERROR, new StringType(e.getMessage()));
            return false;
        }
        Outbox outbox = this.outbox;
        ModemSession session = this.session;
        Outbox.Entry entry = new Outbox.Entry(topic, payload, qos, retain);
        if (session == null || outbox == null || !session.isOnline() || outbox.size() > 0) {
            enqueue(entry);
            return false;
        }
        try {
            session.publish(topic, payload, qos, retain).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            updateState(CHANNEL_MESSAGES_SENT, new DecimalType(messagesSent.incrementAndGet()));
            return true;
        } catch (ExecutionException | TimeoutException e) {
            MqttException failure = Bc26MqttClient.failureOf(e);
            logger.debug("Publishing to '{}' failed: {}", AtText.printable(topic), failure.getMessage());
            updateState(CHANNEL_LAST_ERROR, new StringType(failure.getReason() + ": " + failure.getMessage()));
            if (isRetryable(failure)) {
                enqueue(entry);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The default QoS of the bridge configuration. */
    public int defaultQos() {
        return config.defaultQos;
    }

    private static boolean isRetryable(MqttException failure) {
        return switch (failure.getReason()) {
            case INVALID_ARGUMENT, PAYLOAD_TOO_LARGE -> false;
            default -> true;
        };
    }

    private void enqueue(Outbox.Entry entry) {
        Outbox outbox = this.outbox;
        if (outbox == null) {
            return;
        }
        Outbox.Entry dropped = outbox.add(entry);
        if (dropped != null) {
            logger.warn("Outbox full: dropped a QoS 0 message to '{}'", AtText.printable(dropped.topic()));
        }
        updateState(CHANNEL_OUTBOX_SIZE, new DecimalType(outbox.size()));
        ModemSession session = this.session;
        if (session != null && session.isOnline()) {
            scheduler.execute(this::drainOutbox);
        }
    }

    /**
     * Sends queued messages in order, one at a time, until the outbox is empty or the session fails. A request that
     * arrives while a drain runs makes that drain go round again, so no request is lost between the two.
     */
    private void drainOutbox() {
        drainRequested.set(true);
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (drainRequested.getAndSet(false)) {
                if (!drainOnce()) {
                    ModemSession session = this.session;
                    if (session != null && session.isOnline() && !disposed) {
                        // A transient failure while online (a publish timed out): try again shortly.
                        scheduler.schedule(this::drainOutbox, 1, TimeUnit.SECONDS);
                    }
                    return;
                }
            }
        } finally {
            draining.set(false);
            Outbox outbox = this.outbox;
            if (outbox != null && !disposed) {
                updateState(CHANNEL_OUTBOX_SIZE, new DecimalType(outbox.size()));
            }
        }
    }

    /** One pass over the outbox; false when a retryable failure stopped it. */
    private boolean drainOnce() {
        Outbox outbox;
        Outbox.Entry entry;
        while ((outbox = this.outbox) != null && (entry = outbox.peek()) != null) {
            ModemSession session = this.session;
            if (session == null || !session.isOnline() || disposed) {
                return true;
            }
            try {
                session.publish(entry.topic(), entry.payload(), entry.qos(), entry.retain())
                        .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
                outbox.removeHead(entry);
                updateState(CHANNEL_MESSAGES_SENT, new DecimalType(messagesSent.incrementAndGet()));
            } catch (ExecutionException | TimeoutException e) {
                MqttException failure = Bc26MqttClient.failureOf(e);
                if (isRetryable(failure)) {
                    logger.debug("Outbox paused: {}", failure.getMessage());
                    return false;
                }
                logger.warn("Dropping an unsendable message to '{}': {}", AtText.printable(entry.topic()),
                        failure.getMessage());
                outbox.removeHead(entry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            updateState(CHANNEL_OUTBOX_SIZE, new DecimalType(outbox.size()));
        }
        return true;
    }

    /** Messages waiting in the outbox. */
    public int outboxSize() {
        Outbox outbox = this.outbox;
        return outbox == null ? 0 : outbox.size();
    }

    // ---- status channels ----

    private void refresh() {
        ModemSession session = this.session;
        Optional<Bc26Modem> modem = session == null ? Optional.empty() : session.modem();
        if (modem.isEmpty() || disposed || !session.isOnline()) {
            return;
        }
        try {
            Bc26Modem bc26 = modem.get();
            SignalQuality signal = bc26.signal();
            Integer rssi = signal.rssiDbm();
            updateState(CHANNEL_RSSI, rssi == null ? UnDefType.UNDEF : new QuantityType<>(rssi, Units.DECIBEL_MILLIWATTS));
            updateState(CHANNEL_SIGNAL_STRENGTH,
                    rssi == null ? UnDefType.UNDEF : new DecimalType(SignalQuality.bars(rssi)));
            Integer rsrp = signal.rsrpDbm();
            updateState(CHANNEL_RSRP, rsrp == null ? UnDefType.UNDEF : new QuantityType<>(rsrp, Units.DECIBEL_MILLIWATTS));
            Double rsrq = signal.rsrqDb();
            updateState(CHANNEL_RSRQ, rsrq == null ? UnDefType.UNDEF : new DecimalType(rsrq));
            bc26.servingCell().ifPresent(cell -> {
                Integer sinr = cell.sinrDb();
                updateState(CHANNEL_SINR, sinr == null ? UnDefType.UNDEF : new DecimalType(sinr));
                updateState(CHANNEL_CELL_ID, new StringType(cell.cellId()));
            });
            Registration registration = bc26.registration();
            updateState(CHANNEL_REGISTRATION, new StringType(registration.state().name()));
            String operator = bc26.operator().operator();
            updateState(CHANNEL_OPERATOR, operator == null ? UnDefType.UNDEF : new StringType(operator));
            updateState(CHANNEL_NETWORK_TIME, new DateTimeType(bc26.networkTime().toZonedDateTime()));
        } catch (AtException e) {
            logger.debug("Status refresh failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            logger.debug("Status refresh failed: {}", e.toString());
        }
    }
}
