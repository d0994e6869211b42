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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.action.Bc26Actions;
import org.openhab.binding.bc26.internal.config.Bc26ModemConfiguration;
import org.openhab.binding.bc26.internal.config.BridgeSettings;
import org.openhab.binding.bc26.internal.config.MqttBrokerNames;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.ModemSessionListener;
import org.openhab.binding.bc26.internal.modem.ModemWorker;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.DataUsage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.outbox.Outbox;
import org.openhab.binding.bc26.internal.outbox.PublishPath;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.StringType;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bc26:modem} bridge: owns the serial port and the MQTT session inside the modem (through a
 * {@link ModemSession}, which does the AT work and the recovery), maps the session to the thing status, keeps the
 * modem's properties and status channels, fires the {@code publish-trigger} channels and publishes for rule actions,
 * with an outbox for messages published while the session is down.
 * <p>
 * {@code initialize()} only validates and starts. All modem work runs on the bridge's own thread
 * ({@code OH-bc26-<thing id>}, see {@link ModemWorker}), never on openHAB's shared scheduler and never under this
 * handler's monitor; publishing goes through one ordered {@link PublishPath}, subscriptions through the
 * {@link SubscriptionRegistry}, status reads through the {@link StatusPoller}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26ModemHandler extends BaseBridgeHandler implements ModemSessionListener {

    private static final ChannelTypeUID PUBLISH_TRIGGER = new ChannelTypeUID(BINDING_ID, CHANNEL_TYPE_PUBLISH_TRIGGER);

    private final Logger logger = LoggerFactory.getLogger(Bc26ModemHandler.class);
    private static final Duration RECEIVED_COUNT_INTERVAL = Duration.ofSeconds(1);
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong messagesDropped = new AtomicLong();
    /**
     * Whether an update of the messages-received channel is due: at the full line rate messages come hundreds a
     * second, and a state update for each would flood openHAB's event bus; the counter is shown once a second.
     */
    private final AtomicBoolean receivedCountDue = new AtomicBoolean();
    /** Who listens to which topic filter: child things (kept across re-initialisations) and trigger channels. */
    private final SubscriptionRegistry subscriptions = new SubscriptionRegistry();
    private final StatusPoller statusPoller = new StatusPoller(this::updateState);
    /** The trigger channels' listeners of this initialisation (filter and listener), removed at dispose. */
    private final List<Map.Entry<String, Consumer<MqttMessage>>> triggerListeners = new CopyOnWriteArrayList<>();

    private volatile @Nullable ModemSession session;
    /** The bridge's own thread: all modem work, in order; openHAB's shared scheduler never waits on the modem. */
    private volatile @Nullable ScheduledExecutorService worker;
    private volatile String workerName = "";
    private volatile @Nullable PublishPath publishPath;
    private volatile @Nullable ScheduledFuture<?> refreshJob;
    private volatile Bc26ModemConfiguration config = new Bc26ModemConfiguration();
    private volatile Duration publishTimeout = Duration.ofSeconds(45);
    private volatile boolean disposed;
    private final PortClaims portClaims;
    /** The port this bridge holds in {@link #portClaims}, released at dispose; empty while it holds none. */
    private volatile String claimedPort = "";
    /** The bytes this bridge cost the SIM's data plan in the current period; made at initialize(). */
    private volatile @Nullable DataPlanCounter dataPlan;
    /** The session's last failure since initialize(), kept after it came back: what the console reports. */
    private volatile @Nullable SessionFailure lastFailure;

    /**
     * @param portClaims the binding's record of which bridge owns which port (shared by all bridges of the binding)
     */
    public Bc26ModemHandler(Bridge bridge, PortClaims portClaims) {
        super(bridge);
        this.portClaims = portClaims;
    }

    private void configurationError(RuntimeException e) {
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, FailureStatus.configuration(e));
    }

    @Override
    public void initialize() {
        disposed = false;
        Bc26ModemConfiguration config = getConfigAs(Bc26ModemConfiguration.class);
        this.config = config;
        try {
            List<String> mqttNames = MqttBrokerNames.apply(getThing().getConfiguration().getProperties(), config);
            if (!mqttNames.isEmpty()) {
                logger.info("Bridge {}: the parameters {} are now named as on the MQTT binding's broker thing; please"
                        + " rename them (see README, Coming from the MQTT Binding)", getThing().getUID(), mqttNames);
            }
        } catch (IllegalArgumentException e) {
            configurationError(e);
            return;
        }
        if (config.serialPort.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.serial-port-missing");
            return;
        }
        if (config.host.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.broker-host-missing");
            return;
        }
        if (config.clientID.isBlank()) {
            // Never written into the configuration (a .things file cannot keep it): the same every start, so a
            // persistent session (cleanSession=false) is found again by the broker.
            config.clientID = BridgeSettings.stableClientId(getThing().getUID().getId());
        }
        SessionOptions options;
        try {
            options = BridgeSettings.sessionOptions(config, dataFile(".tls-uploaded"));
        } catch (IllegalArgumentException e) {
            configurationError(e);
            return;
        }
        publishTimeout = Duration.ofSeconds((long) options.mqtt().packetTimeoutSeconds()
                * (options.mqtt().retries() + 1) + 5);
        String owner = getThing().getUID().getAsString();
        Optional<String> holder = portClaims.claim(config.serialPort, owner);
        if (holder.isPresent()) {
            // Opening it would take the line from the running bridge (its answers would come here).
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.config.port-taken", List.of(config.serialPort, holder.get())));
            return;
        }
        claimedPort = config.serialPort;
        updateStatus(ThingStatus.UNKNOWN);
        workerName = "OH-bc26-" + getThing().getUID().getId();
        ScheduledExecutorService worker = ModemWorker.start(workerName);
        this.worker = worker;
        Outbox outbox;
        try {
            outbox = new Outbox(config.outboxSize, outboxFile());
        } catch (IllegalStateException e) {
            worker.shutdownNow();
            configurationError(e);
            return;
        }
        publishPath = new PublishPath(outbox, worker, publishLink(), publishTimeout, publishEvents());
        DataPlanCounter counter = new DataPlanCounter(dataFile(".data"),
                DataPlanCounter.Reset.of(config.dataCounterReset), config.dataCounterResetDay, Clock.systemDefaultZone());
        dataPlan = counter;
        ModemSession session = new ModemSession(options, worker, this, workerName);
        this.session = session;
        registerTriggerChannels();
        // Every filter with the QoS its listeners asked for, made at the connect; refusals reach them all.
        session.subscribe(subscriptions.all());
        session.start();
        // Every connect refreshes at once (afterConnect), so the first periodic read waits a whole interval.
        int interval = Math.max(10, config.refreshInterval);
        refreshJob = worker.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.SECONDS);
        updateState(CHANNEL_OUTBOX_SIZE, new DecimalType(outboxSize()));
        updateState(CHANNEL_MESSAGES_DROPPED, new DecimalType(messagesDropped.get()));
    }

    /** Unsent QoS 1/2 messages live under openHAB's userdata folder (the OpenHAB class reads the same property). */
    private Path outboxFile() {
        return dataFile(".outbox");
    }

    /** Where the bridge keeps a file of its own: {@code <userdata>/bc26/<thing uid>.<suffix>}. */
    private Path dataFile(String suffix) {
        String userdata = System.getProperty("openhab.userdata");
        Path base = userdata != null ? Path.of(userdata) : Path.of(System.getProperty("java.io.tmpdir"), "openhab");
        return base.resolve("bc26").resolve(getThing().getUID().getAsString().replace(':', '_') + suffix);
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
        ScheduledExecutorService worker = this.worker;
        this.worker = null;
        PublishPath path = this.publishPath;
        this.publishPath = null;
        if (path != null) {
            path.close();
        }
        // The trigger channels are read again at the next initialisation; child things keep their listeners.
        triggerListeners.forEach(entry -> subscriptions.remove(entry.getKey(), entry.getValue()));
        triggerListeners.clear();
        if (session != null) {
            if (session.isOnline() && session.answersPromptly() && !config.shutdownTopic.isBlank()) {
                try {
                    // Within openHAB's 5 s for dispose, with the disconnect after it.
                    session.publish(config.shutdownTopic, config.shutdownMessage.getBytes(StandardCharsets.UTF_8), 0,
                            config.shutdownRetain).get(1, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    logger.debug("Shutdown message not sent: {}", e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            session.stop();
            updateDataChannels(session);
        }
        if (worker != null) {
            // Ends a bring-up still waiting for the modem (the port is closed, so it fails at once).
            worker.shutdownNow();
        }
        if (!claimedPort.isEmpty()) {
            portClaims.release(claimedPort, getThing().getUID().getAsString());
            claimedPort = "";
        }
    }

    /** The bridge is removed: its unsent messages go with it (the outbox file is deleted). */
    @Override
    public void handleRemoval() {
        PublishPath path = this.publishPath;
        if (path != null) {
            path.delete();
        } else {
            Outbox.deleteFile(outboxFile());
        }
        try {
            Files.deleteIfExists(dataFile(".data"));
            Files.deleteIfExists(dataFile(".tls-uploaded"));
        } catch (IOException e) {
            logger.debug("Cannot delete the note of certificates put into the modem: {}", e.getMessage());
        }
        super.handleRemoval();
    }

    /** Runs modem work on the bridge's own thread, in order; nothing once disposed. */
    /** The messages-received channel at most once a second: now and then for the messages of that second. */
    private void showReceivedCountSoon() {
        ScheduledExecutorService worker = this.worker;
        if (worker == null || !receivedCountDue.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.schedule(() -> {
                receivedCountDue.set(false);
                updateState(CHANNEL_MESSAGES_RECEIVED, new DecimalType(messagesReceived.get()));
            }, RECEIVED_COUNT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            receivedCountDue.set(false);
        }
    }

    private void onWorker(Runnable task) {
        ScheduledExecutorService worker = this.worker;
        if (worker == null) {
            return;
        }
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            logger.debug("The bridge is stopping; modem work not run");
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (command instanceof RefreshType) {
            onWorker(this::refresh);
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
            onWorker(this::afterConnect);
        } else {
            updateState(CHANNEL_CONNECTION, new StringType("DISCONNECTED"));
            PublishPath path = this.publishPath;
            if (path != null) {
                // Rules waiting for queued messages hear false now, not when their wait runs out.
                path.sessionDown();
            }
            if (failure != null) {
                lastFailure = failure;
                updateStatus(ThingStatus.OFFLINE, FailureStatus.detail(failure), FailureStatus.description(failure, config.serialPort));
                updateState(CHANNEL_LAST_ERROR, new StringType(failure.kind() + ": " + failure.detail()));
            }
        }
    }

    /** On the bridge's thread after every connect: the outbox, the birth message, the status channels. */
    private void afterConnect() {
        PublishPath path = this.publishPath;
        if (path == null) {
            return;
        }
        path.drain();
        if (!config.birthTopic.isBlank()) {
            // Through the one ordered path like every message: after the backlog, never two publishes in flight.
            path.submit(new Outbox.Entry(config.birthTopic, config.birthMessage.getBytes(StandardCharsets.UTF_8), 1,
                    config.birthRetain));
        }
        refresh();
    }

    @Override
    public void messageReceived(MqttMessage message) {
        messagesReceived.incrementAndGet();
        showReceivedCountSoon();
        subscriptions.deliver(message);
    }

    @Override
    public void subscriptionFailed(String filter, MqttException failure) {
        subscriptionFailure(filter, failure);
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
    public void dialectChosen(ModemModel model, boolean forced) {
        updateProperty(PROPERTY_DIALECT, forced ? model + " (set in the bridge configuration)" : model.name());
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

    // ---- subscriptions of child things and trigger channels ----

    /**
     * Subscribes a child thing to a topic filter; the bridge keeps it across reconnects, modem restarts and its own
     * re-initialisation. {@code rejected} hears when the broker refuses the subscription (granted QoS 128), also when
     * it is made again after a reconnect.
     *
     * @throws IllegalArgumentException for an invalid filter or QoS
     */
    public void subscribe(String filter, int qos, Consumer<MqttMessage> listener,
            Consumer<MqttException> rejected) {
        subscribe(List.of(new SubscriptionRequest(filter, qos, listener, rejected)));
    }

    /** One subscription a child thing asks for: its filter, QoS, listener, and who hears a refusal. */
    public record SubscriptionRequest(String filter, int qos, Consumer<MqttMessage> listener,
            Consumer<MqttException> rejected) {
    }

    /**
     * Subscribes a child thing to all its filters at once: what the modem does not hold yet goes out together
     * (one {@code AT+QMTSUB} per four filters), so a thing with eight channels waits two round trips, not eight.
     *
     * @return completes when the broker has answered for every filter (each refusal told to its request), at once
     *         when nothing had to be sent or the bridge is not connected (the connect then subscribes before ONLINE)
     * @throws IllegalArgumentException for an invalid filter or QoS, before anything is subscribed
     */
    public CompletableFuture<@Nullable Void> subscribe(List<SubscriptionRequest> requests) {
        for (SubscriptionRequest request : requests) {
            MqttTopics.checkTopicFilter(request.filter());
            MqttSettings.checkQos(request.qos());
        }
        Map<String, Integer> toModem = new LinkedHashMap<>();
        for (SubscriptionRequest request : requests) {
            int subscribeQos = subscriptions.add(request.filter(), request.qos(),
                    new SubscriptionRegistry.Subscriber(request.listener(), request.rejected()));
            if (subscribeQos >= 0) {
                toModem.merge(request.filter(), subscribeQos, Math::max);
            }
        }
        ModemSession session = this.session;
        if (session == null || toModem.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return session.subscribe(toModem).handle((granted, error) -> {
            if (error != null) {
                MqttException failure = Bc26MqttClient.failureOf(error);
                toModem.keySet().forEach(filter -> subscriptionFailure(filter, failure));
            } else {
                granted.forEach((filter, qos) -> {
                    if (qos == Bc26MqttClient.REJECTED) {
                        subscriptionFailure(filter, Bc26MqttClient.rejected(filter));
                    }
                });
            }
            return null;
        });
    }

    /** Removes a child's listener; the modem unsubscribes when nobody listens to the filter any more. */
    public void unsubscribe(String filter, Consumer<MqttMessage> listener) {
        unsubscribe(List.of(Map.entry(filter, listener)));
    }

    /** Removes a child's listeners; the filters nobody listens to any more are unsubscribed together. */
    public void unsubscribe(List<Map.Entry<String, Consumer<MqttMessage>>> listeners) {
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, Consumer<MqttMessage>> entry : listeners) {
            if (subscriptions.remove(entry.getKey(), entry.getValue())) {
                unused.add(entry.getKey());
            }
        }
        ModemSession session = this.session;
        if (session != null && !unused.isEmpty()) {
            session.unsubscribe(unused);
        }
    }

    /** Logs a failed subscription, shows it in last-error, and tells the filter's listeners if the broker refused it. */
    private void subscriptionFailure(String filter, MqttException failure) {
        logger.warn("Cannot subscribe to '{}': {}", AtText.printable(filter), failure.getMessage());
        updateState(CHANNEL_LAST_ERROR, new StringType(failure.getReason() + ": " + failure.getMessage()));
        if (failure.getReason() == MqttException.Reason.SUBSCRIPTION_REJECTED) {
            subscriptions.refused(filter, failure);
        }
    }

    /** The bridge's {@code publish-trigger} channels, read once per initialisation, as listeners of their filters. */
    private void registerTriggerChannels() {
        for (Channel channel : getThing().getChannels()) {
            if (!PUBLISH_TRIGGER.equals(channel.getChannelTypeUID())) {
                continue;
            }
            TriggerChannelConfig trigger = channel.getConfiguration().as(TriggerChannelConfig.class);
            try {
                MqttTopics.checkTopicFilter(trigger.stateTopic);
                MqttSettings.checkQos(trigger.qos);
            } catch (IllegalArgumentException e) {
                logger.warn("Trigger channel {} is not subscribed: {}", channel.getUID(), e.getMessage());
                updateState(CHANNEL_LAST_ERROR, new StringType(channel.getUID().getId() + ": " + e.getMessage()));
                continue;
            }
            ChannelUID uid = channel.getUID();
            Consumer<MqttMessage> fire = message -> {
                String payload = message.payloadAsString();
                if (trigger.payload.isEmpty() || trigger.payload.equals(payload)) {
                    triggerChannel(uid,
                            trigger.separator.isEmpty() ? payload : message.topic() + trigger.separator + payload);
                }
            };
            // A refusal is logged and shown in last-error (subscriptionFailure); the bridge has no status for it.
            subscriptions.add(trigger.stateTopic, trigger.qos, new SubscriptionRegistry.Subscriber(fire, failure -> {
            }));
            triggerListeners.add(Map.entry(trigger.stateTopic, fire));
        }
    }

    /** The running modem session, while initialized (for diagnostics: the console and tests). */
    public Optional<ModemSession> session() {
        return Optional.ofNullable(session);
    }

    /** The session's last failure since the bridge was initialised, also after the session came back. */
    public Optional<SessionFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Work on the open modem, run by {@link #withModem}. */
    @FunctionalInterface
    public interface ModemTask<T> {
        T run(Bc26Modem modem) throws AtException;
    }

    /**
     * Runs a task on the modem on the bridge's own thread, in order with its other work, without taking the port
     * away from the session (the console's raw AT command and modem details).
     *
     * @return the task's result; fails with {@link AtException.Kind#CLOSED} while the port is not open
     */
    public <T> CompletableFuture<T> withModem(ModemTask<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        ScheduledExecutorService worker = this.worker;
        if (worker == null) {
            result.completeExceptionally(new AtException(AtException.Kind.CLOSED, "The bridge is not running"));
            return result;
        }
        try {
            worker.execute(() -> {
                ModemSession session = this.session;
                Optional<Bc26Modem> modem = session == null ? Optional.empty() : session.modem();
                if (modem.isEmpty()) {
                    result.completeExceptionally(new AtException(AtException.Kind.CLOSED, "The port is not open"));
                    return;
                }
                try {
                    result.complete(task.run(modem.get()));
                } catch (AtException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new AtException(AtException.Kind.CLOSED, "The bridge is stopping"));
        }
        return result;
    }

    /** Whether the MQTT session is up. */
    public boolean isSessionOnline() {
        ModemSession session = this.session;
        return session != null && session.isOnline();
    }

    // ---- publishing ----

    /**
     * Publishes a message and waits for its result (bounded; the message stays on its way if the wait ends first).
     * While the session is down, or older messages wait, the message goes to the outbox and this returns false; QoS 0
     * messages may be dropped from a full outbox, QoS 1/2 never.
     *
     * @return true when the broker acknowledged the message (QoS 1/2) or the modem sent it (QoS 0)
     */
    public boolean publish(String topic, byte[] payload, int qos, boolean retain) {
        PublishPath path = this.publishPath;
        return path != null && path.publish(new Outbox.Entry(topic, payload, qos, retain));
    }

    /**
     * Publishes a message without waiting: it is sent on the bridge's thread after every message handed over before
     * it, one at a time, so commands reach the broker in the order they were given.
     *
     * @return completes with true when the broker acknowledged the message (QoS 1/2) or the modem sent it (QoS 0),
     *         false when it was refused or went to the outbox while the session was down
     */
    public CompletableFuture<Boolean> publishAsync(String topic, byte[] payload, int qos, boolean retain) {
        PublishPath path = this.publishPath;
        return path == null ? CompletableFuture.completedFuture(false)
                : path.submit(new Outbox.Entry(topic, payload, qos, retain));
    }

    /**
     * Queues a message and returns: it goes into the outbox (kept on disk for QoS 1 and 2) and is sent on the bridge's
     * thread in its turn, after every message handed over before it.
     *
     * @return false when it was refused (a topic or payload the modem cannot send) or the bridge is not running
     */
    public boolean queue(String topic, byte[] payload, int qos, boolean retain) {
        PublishPath path = this.publishPath;
        return path != null && path.queue(new Outbox.Entry(topic, payload, qos, retain));
    }

    /** The default QoS of the bridge configuration. */
    public int defaultQos() {
        return config.qos;
    }

    /** Messages waiting in the outbox. */
    public int outboxSize() {
        PublishPath path = this.publishPath;
        return path == null ? 0 : path.queued();
    }

    /** The publish path's counters and failures, shown in the bridge's channels. */
    private PublishPath.Events publishEvents() {
        return new PublishPath.Events() {
            @Override
            public void sent() {
                updateState(CHANNEL_MESSAGES_SENT, new DecimalType(messagesSent.incrementAndGet()));
            }

            @Override
            public void queued(int size) {
                if (!disposed) {
                    updateState(CHANNEL_OUTBOX_SIZE, new DecimalType(size));
                }
            }

            @Override
            public void failed(String topic, MqttException failure) {
                updateState(CHANNEL_LAST_ERROR, new StringType(failure.getReason() == MqttException.Reason.INVALID_ARGUMENT
                        || failure.getReason() == MqttException.Reason.PAYLOAD_TOO_LARGE ? failure.getMessage()
                                : failure.getReason() + ": " + failure.getMessage()));
            }
        };
    }

    /** The session as the publish path sees it. */
    private PublishPath.Link publishLink() {
        return new PublishPath.Link() {
            @Override
            public boolean isOnline() {
                return isSessionOnline();
            }

            @Override
            public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain,
                    int messageId) {
                ModemSession session = Bc26ModemHandler.this.session;
                return session == null ? CompletableFuture.failedFuture(
                        new MqttException(MqttException.Reason.NOT_CONNECTED, "The bridge is not running"))
                        : session.publish(topic, payload, qos, retain, messageId);
            }
        };
    }

    // ---- status channels ----

    /** Reads the status channels, on the bridge's thread, while the session is up. */
    private void refresh() {
        ModemSession session = this.session;
        Optional<Bc26Modem> modem = session == null ? Optional.empty() : session.modem();
        if (modem.isPresent() && !disposed && session.isOnline()) {
            statusPoller.poll(modem.get(), () -> !disposed && session.isOnline());
        }
        if (session != null) {
            updateDataChannels(session);
        }
    }

    /** The data plan channels from the session's estimate, and the period's totals saved for the next start. */
    private void updateDataChannels(ModemSession session) {
        DataPlanCounter counter = dataPlan;
        if (counter == null) {
            return;
        }
        DataUsage usage = session.dataUsage();
        long[] totals = counter.update(usage.sent(), usage.received());
        updateState(CHANNEL_DATA_SENT, new DecimalType(totals[0]));
        updateState(CHANNEL_DATA_RECEIVED, new DecimalType(totals[1]));
        try {
            counter.save();
        } catch (IOException e) {
            logger.debug("Cannot save the data plan counters: {}", e.getMessage());
        }
    }
}
