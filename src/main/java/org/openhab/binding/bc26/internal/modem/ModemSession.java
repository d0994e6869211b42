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
package org.openhab.binding.bc26.internal.modem;

import java.util.Objects;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtEventListener;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.at.AtLine;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.dialect.ModemDialect;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.dialect.NetworkSetup;
import org.openhab.binding.bc26.internal.modem.link.LinkException;
import org.openhab.binding.bc26.internal.modem.link.LinkTap;
import org.openhab.binding.bc26.internal.modem.link.ModemLinks;
import org.openhab.binding.bc26.internal.modem.link.PortNames;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.DataUsage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttClientListener;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttState;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.network.Registration;
import org.openhab.binding.bc26.internal.modem.network.SimState;
import org.openhab.binding.bc26.internal.modem.setting.InvalidSettingException;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.tls.TlsConfig;
import org.openhab.binding.bc26.internal.modem.tls.TlsInstaller;
import org.openhab.binding.bc26.internal.modem.tls.TlsMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one modem's MQTT session up: opens the port, brings the modem up (sync, echo off, identity, SIM, power
 * saving, registration), connects the MQTT client and, whenever something breaks (port unplugged, modem reboot,
 * +QMTSTAT, broker or cell gone), tries again as {@link RecoveryPolicy} says: exponential back-off, and repeated
 * failures escalate to a radio reset (AT+CFUN=0/1) and a reboot (AT+QRST=1).
 * <p>
 * All bring-up work runs as one job at a time on the given scheduler; nothing blocks the caller of
 * {@link #start()} or the link's reader thread.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ModemSession implements AtEventListener, MqttClientListener {

    /**
     * A line idle this long while online gets a bare AT, so a modem whose AT task hangs is found even when nothing is
     * published and no status is read (the bridge's status reads, at its refresh interval, find it as well).
     */
    static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(30);
    private Duration livenessInterval = LIVENESS_INTERVAL;
    private boolean stableNameAdvised;
    /**
     * With power saving allowed, a line idle this long may have let the modem sleep (BC26 keeps a 10 s lock after each
     * command): the next command is preceded by an AT that wakes it.
     */
    static final Duration SLEEP_SAFE_IDLE = Duration.ofSeconds(5);
    /** A line that brought no byte this long while the modem was asked: the adapter or the port may be stuck. */
    static final Duration DEAD_LINE = Duration.ofSeconds(10);

    private final Logger logger = LoggerFactory.getLogger(ModemSession.class);
    private final SessionOptions options;
    private final ScheduledExecutorService scheduler;
    /** The AT engines' timeouts, on {@link EngineTimer} while the session runs (never on the blocked scheduler). */
    private @Nullable ScheduledExecutorService timer;
    private final ModemSessionListener listener;
    private final String name;
    /** The thread on which the modem's events (messages, losses, answers) are handled, in order, while running. */
    private @Nullable ExecutorService events;
    private final Object lock = new Object();
    /** Orders the online/offline reports, so the last one told is the session's state at that moment. */
    private final Object reportLock = new Object();
    /** A check of a claimed loss or restart is scheduled and has not started. */
    private final AtomicBoolean claimCheckPending = new AtomicBoolean();
    private boolean reportedOnline;

    private @Nullable AtEngine engine;
    private @Nullable Bc26Modem modem;
    private @Nullable Bc26MqttClient client;
    private @Nullable ScheduledFuture<?> job;
    /** On a modem that keeps received messages: the regular look for ones whose announcement was missed. */
    private @Nullable ScheduledFuture<?> storedMessagesPoll;
    /** While running: a bare AT on a line idle for {@link #LIVENESS_INTERVAL}. */
    private @Nullable ScheduledFuture<?> livenessProbe;
    /** One bring-up at a time, even when a recovery is scheduled while the previous attempt is finishing. */
    private final java.util.concurrent.locks.ReentrantLock bringUpLock = new java.util.concurrent.locks.ReentrantLock();
    /** A bring-up is scheduled and has not started yet. */
    private boolean bringUpPending;
    private boolean stopped = true;
    private boolean online;
    /** Topic filter to QoS, in the order added: the session's, so they outlive every client and port. */
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    /** Counts losses of a connected session: a bring-up reports online only if none came while it finished. */
    private int losses;
    /** When to try again, and whether to reset the radio or reboot first; used under {@link #lock}. */
    private final RecoveryPolicy recovery;
    private boolean modemConfigured;
    /**
     * How often a modem that keeps received messages (BG95/BG96) is asked for ones the host did not hear announced:
     * short enough that a stalled host catches up within seconds, long enough that an idle line stays idle.
     */
    private static final Duration STORED_MESSAGES_POLL = Duration.ofSeconds(10);
    /** The certificates in the modem since its last start, or null for plain MQTT. */
    private volatile @Nullable TlsMaterial tlsMaterial;
    /** What differs per model; set from the modem's identity at every bring-up. */
    private volatile ModemDialect dialect = ModemDialect.of(ModemModel.BC26);
    /** Set while we reboot the modem ourselves: its banner is expected, not a failure. */
    private @Nullable CompletableFuture<@Nullable Void> ownRestart;

    private volatile @Nullable LinkTap linkTap;
    /** What this session has cost the SIM's data plan, estimated (see {@link DataUsage}). */
    private final DataUsage dataUsage;

    public ModemSession(SessionOptions options, ScheduledExecutorService scheduler, ModemSessionListener listener) {
        this(options, scheduler, listener, "OH-bc26-session");
    }

    /**
     * @param scheduler runs the bring-up, recovery and checks; a bridge gives its own thread (see {@link ModemWorker})
     * @param name names the thread on which the modem's events reach the listener: {@code <name>-events}
     */
    public ModemSession(SessionOptions options, ScheduledExecutorService scheduler, ModemSessionListener listener,
            String name) {
        this.options = options;
        this.scheduler = scheduler;
        this.listener = listener;
        this.name = name;
        this.dataUsage = new DataUsage(options.mqtt().keepAliveSeconds(), options.tls() != null);
        this.recovery = new RecoveryPolicy(options.initialBackoff(), options.maxBackoff());
    }

    /** Where the engines run their events: the session's own thread while it runs. */
    private Executor dispatcher() {
        synchronized (lock) {
            Executor current = events;
            return current != null ? current : Runnable::run;
        }
    }

    /** The timer for a new engine: the shared engine timer while running, the scheduler before the first start. */
    private ScheduledExecutorService engineTimer() {
        synchronized (lock) {
            ScheduledExecutorService current = timer;
            return current != null ? current : scheduler;
        }
    }

    /** Every byte of every link this session opens from now on goes past the tap too (the self-test's transcript). */
    public void tapLinks(LinkTap tap) {
        linkTap = tap;
    }

    /** For tests: how long an idle line waits for its liveness AT (before {@link #start()}). */
    void useLivenessInterval(Duration interval) {
        livenessInterval = interval;
    }

    /** Starts bringing the session up, at once, on the scheduler. */
    public void start() {
        synchronized (lock) {
            stopped = false;
            if (timer == null) {
                timer = EngineTimer.acquire();
            }
            if (events == null) {
                events = ModemWorker.start(name + "-events");
            }
            recovery.started();
            bringUpPending = true;
            job = scheduler.schedule(this::bringUp, 0, TimeUnit.MILLISECONDS);
            if (livenessProbe == null) {
                livenessProbe = scheduler.scheduleWithFixedDelay(this::probeLiveness, livenessInterval.toMillis(),
                        livenessInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Stops: cancels pending work, disconnects the MQTT client (AT+QMTDISC, AT+QMTCLOSE) if it is connected, closes
     * the port. Takes at most a few seconds (a dead modem fails the commands fast).
     */
    public void stop() {
        Bc26MqttClient client;
        AtEngine engine;
        synchronized (lock) {
            stopped = true;
            ScheduledFuture<?> job = this.job;
            if (job != null) {
                job.cancel(false);
            }
            ScheduledFuture<?> poll = storedMessagesPoll;
            if (poll != null) {
                poll.cancel(false);
            }
            ScheduledFuture<?> probe = livenessProbe;
            if (probe != null) {
                probe.cancel(false);
                livenessProbe = null;
            }
            client = this.client;
            engine = this.engine;
            this.engine = null;
            this.modem = null;
        }
        if (client != null && engine != null && engine.isOpen()) {
            if (engine.answersPromptly()) {
                client.disconnect();
                dataUsage.disconnected(System.nanoTime());
            } else {
                // The goodbye would wait behind a slow answer and a step check, past openHAB's 5 s for dispose; the
                // broker ends the session at its keep-alive, and the next start closes the modem's stale client.
                logger.debug("The modem is not answering promptly: closing without AT+QMTDISC");
            }
        }
        if (engine != null) {
            engine.close();
        }
        ScheduledExecutorService released;
        ExecutorService stoppedEvents;
        synchronized (lock) {
            released = timer;
            timer = null;
            stoppedEvents = events;
            events = null;
        }
        if (released != null) {
            EngineTimer.release();
        }
        if (stoppedEvents != null) {
            // Gracefully: the failures of what was pending when the port closed are still delivered.
            stoppedEvents.shutdown();
        }
        setOffline(null);
    }

    /**
     * Whether the MQTT session is connected: reported online, its client connected at this moment, and no boot banner
     * read since (a restart is known here as soon as its banner is read, before the loss is handled).
     */
    public boolean isOnline() {
        Bc26MqttClient client;
        AtEngine engine;
        synchronized (lock) {
            if (!online) {
                return false;
            }
            client = this.client;
            engine = this.engine;
        }
        return client != null && client.state() == MqttState.CONNECTED && engine != null && !engine.restartSeen();
    }

    /** Whether the modem answers promptly now (see {@link AtEngine#answersPromptly()}); false without a port. */
    public boolean answersPromptly() {
        return modem().map(m -> m.engine().answersPromptly()).orElse(false);
    }

    /** The MQTT client (keeps subscriptions across reconnects), or empty before the first start. */
    public Optional<Bc26MqttClient> mqtt() {
        synchronized (lock) {
            return Optional.ofNullable(client);
        }
    }

    /** The modem's commands while the port is open; for status queries. */
    public Optional<Bc26Modem> modem() {
        synchronized (lock) {
            return Optional.ofNullable(modem);
        }
    }

    /** Publishes through the current client; fails with NOT_CONNECTED while the session is down. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        return publish(topic, payload, qos, retain, 0);
    }

    /** Publishes with the message id the message had before (0: a new one); see {@link Bc26MqttClient}. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain, int messageId) {
        Bc26MqttClient client = mqtt().orElse(null);
        if (client == null) {
            return CompletableFuture.failedFuture(
                    new MqttException(MqttException.Reason.NOT_CONNECTED, "The modem session is not started"));
        }
        return client.publish(topic, payload, qos, retain, messageId)
                .whenComplete((done, error) -> {
                    if (error == null) {
                        dataUsage.published(topic, payload.length, qos, System.nanoTime());
                    }
                });
    }

    /** What the session has cost the SIM's data plan so far, estimated; pings of idle time counted when read. */
    public DataUsage dataUsage() {
        dataUsage.idleUntil(System.nanoTime());
        return dataUsage;
    }

    /**
     * Adds a subscription, kept across reconnects and port reopens; made at once when connected, else at the next
     * connect.
     *
     * @return completes with the granted QoS when the broker answered (or at once when not connected)
     */
    public CompletableFuture<List<Integer>> subscribe(String topicFilter, int qos) {
        return subscribe(Map.of(topicFilter, qos)).thenApply(granted -> Bc26MqttClient.grantedTo(topicFilter, granted));
    }

    /**
     * Adds subscriptions, made together ({@link Bc26MqttClient#subscribe(Map)}) at once when connected, else at the
     * next connect.
     *
     * @return each filter's granted QoS (128: refused) when the broker answered, or empty at once when not connected
     */
    public CompletableFuture<Map<String, Integer>> subscribe(Map<String, Integer> filters) {
        try {
            for (Map.Entry<String, Integer> filter : filters.entrySet()) {
                Bc26MqttClient.checkSubscription(filter.getKey(), filter.getValue());
            }
        } catch (MqttException e) {
            return CompletableFuture.failedFuture(e);
        }
        Bc26MqttClient client;
        synchronized (lock) {
            subscriptions.putAll(filters);
            client = this.client;
        }
        return client == null ? CompletableFuture.completedFuture(Map.of())
                : client.subscribe(filters).whenComplete((granted, error) -> {
                    if (granted != null && !granted.isEmpty()) {
                        dataUsage.subscribed(granted.keySet(), System.nanoTime());
                    }
                });
    }

    /** Removes subscriptions, unsubscribed together when connected. */
    public CompletableFuture<Void> unsubscribe(Collection<String> topicFilters) {
        Bc26MqttClient client;
        synchronized (lock) {
            topicFilters.forEach(subscriptions::remove);
            client = this.client;
        }
        return client == null ? CompletableFuture.completedFuture(null)
                : client.unsubscribe(topicFilters).whenComplete((done, error) -> {
                    if (error == null) {
                        dataUsage.unsubscribed(topicFilters, System.nanoTime());
                    }
                });
    }

    /** Removes a subscription. */
    public CompletableFuture<Void> unsubscribe(String topicFilter) {
        return unsubscribe(List.of(topicFilter));
    }

    private void bringUp() {
        bringUpLock.lock();
        try {
            synchronized (lock) {
                bringUpPending = false;
                if (stopped) {
                    return;
                }
            }
            attemptBringUp();
        } finally {
            bringUpLock.unlock();
        }
    }

    private void attemptBringUp() {
        try {
            Bc26Modem modem = openPort();
            RecoveryPolicy.Escalation escalation;
            int failures;
            synchronized (lock) {
                escalation = recovery.escalation();
                failures = recovery.failures();
            }
            if (escalation == RecoveryPolicy.Escalation.REBOOT) {
                logger.debug("{} failures in a row: rebooting the modem (AT+QRST=1)", failures);
                reboot(modem);
            } else if (escalation == RecoveryPolicy.Escalation.RADIO_RESET) {
                logger.debug("{} failures in a row: switching the radio off and on (AT+CFUN=0/1)", failures);
                modem.setFunctionality(0);
                modem.setFunctionality(1);
            }
            prepareModem(modem);
            awaitRegistration(modem);
            Bc26MqttClient client = clientFor(modem.engine());
            client.useTls(tlsMaterial);
            int lossesBefore;
            synchronized (lock) {
                lossesBefore = losses;
            }
            client.connect();
            synchronized (lock) {
                if (losses != lossesBefore || client.state() != MqttState.CONNECTED || stopped) {
                    // The session died again right after connecting (+QMTSTAT); its loss scheduled a new attempt.
                    throw new MqttException(MqttException.Reason.CONNECTION_LOST, "The connection closed at once");
                }
                online = true;
                long now = System.nanoTime();
                recovery.online(now);
                dataUsage.opened(now);
                dataUsage.connected(options.mqtt(), now);
                if (!subscriptions.isEmpty()) {
                    dataUsage.subscribed(subscriptions.keySet(), now);
                }
                if (dialect.buffersReceivedMessages() && storedMessagesPoll == null) {
                    storedMessagesPoll = scheduler.scheduleWithFixedDelay(this::pollStoredMessages,
                            STORED_MESSAGES_POLL.toMillis(), STORED_MESSAGES_POLL.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            reportOnlineState(null);
        } catch (SessionException e) {
            failed(e.failure);
        } catch (MqttException e) {
            failed(toFailure(e));
        } catch (AtException e) {
            failed(toFailure(e));
        } catch (RuntimeException e) {
            logger.warn("Unexpected error while bringing the modem up: {}", e.toString(), e);
            failed(new SessionFailure(SessionFailure.Kind.MODEM_ERROR, e.toString()));
        }
    }

    private Bc26Modem openPort() throws SessionException, AtException {
        synchronized (lock) {
            Bc26Modem existing = modem;
            AtEngine engine = this.engine;
            if (existing != null && engine != null && engine.isOpen()) {
                return existing;
            }
        }
        adviseStablePortName();
        AtEngine engine = new AtEngine(engineTimer(), dispatcher(), this);
        try {
            LinkTap tap = linkTap;
            engine.attach(tap == null ? ModemLinks.open(options.port(), options.serial(), engine)
                    : tap.open(options.port(), options.serial(), engine));
        } catch (LinkException e) {
            engine.close();
            throw new SessionException(new SessionFailure(switch (e.getKind()) {
                case INVALID_NAME -> SessionFailure.Kind.CONFIGURATION;
                case PORT_NOT_FOUND -> SessionFailure.Kind.PORT_NOT_FOUND;
                case PORT_IN_USE -> SessionFailure.Kind.PORT_IN_USE;
                case PERMISSION_DENIED -> SessionFailure.Kind.PERMISSION_DENIED;
                case NOT_A_SERIAL_PORT -> SessionFailure.Kind.NOT_A_SERIAL_PORT;
                case IO_ERROR -> SessionFailure.Kind.LINK_FAILED;
            }, String.valueOf(e.getMessage()), options.port()));
        }
        engine.wakeBeforeCommandsAfterIdle(options.keepAwake() ? null : SLEEP_SAFE_IDLE);
        engine.setLineRate(options.serial().baudRate());
        Bc26Modem modem = new Bc26Modem(engine);
        synchronized (lock) {
            if (stopped) {
                engine.close();
                throw new SessionException(new SessionFailure(SessionFailure.Kind.LINK_FAILED, "stopped"));
            }
            this.engine = engine;
            this.modem = modem;
            modemConfigured = false;
        }
        try {
            modem.synchronize();
        } catch (AtException e) {
            if (e.getKind() == AtException.Kind.TIMEOUT) {
                throw new SessionException(new SessionFailure(SessionFailure.Kind.NO_ANSWER,
                        "No answer to AT on " + options.port(), options.port()));
            }
            throw e;
        }
        return modem;
    }

    /** Once per session: a port named in plug order that has a stable name. */
    private void adviseStablePortName() {
        if (stableNameAdvised) {
            return;
        }
        stableNameAdvised = true;
        PortNames.stableNameFor(options.port()).ifPresent(stable -> logger.info(
                "{} is a name the system gives in plug order: after a re-plug or a reboot it may belong to another "
                        + "adapter. Configure {} instead, which always names this adapter",
                options.port(), stable));
    }

    /** Echo off, numeric errors, identity, SIM, APN and power saving: once per port open or modem restart. */
    private void prepareModem(Bc26Modem modem) throws AtException, SessionException {
        if (modemConfigured) {
            return;
        }
        modem.setEcho(false);
        modem.enableNumericErrors();
        ModemIdentity identity = modem.identity();
        listener.identified(identity);
        chooseDialect(identity);
        prepareTls(modem, identity);
        SimState sim = modem.simState();
        if (sim == SimState.PIN_REQUIRED) {
            String pin = options.pin();
            if (pin == null || pin.isBlank()) {
                throw new SessionException(
                        new SessionFailure(SessionFailure.Kind.SIM_PIN_REQUIRED, "The SIM card needs a PIN"));
            }
            try {
                modem.enterPin(pin);
            } catch (AtException e) {
                throw new SessionException(
                        new SessionFailure(SessionFailure.Kind.SIM_PIN_WRONG, "The SIM card refused the PIN"));
            }
            sim = modem.simState();
        }
        switch (sim) {
            case READY -> {
            }
            case PUK_REQUIRED -> throw new SessionException(new SessionFailure(SessionFailure.Kind.SIM_PUK_REQUIRED,
                    "The SIM card is blocked and needs its PUK", "+CPIN: SIM PUK"));
            case NOT_INSERTED -> throw new SessionException(
                    new SessionFailure(SessionFailure.Kind.SIM_MISSING, "No SIM card, or it cannot be read"));
            default -> throw new SessionException(
                    new SessionFailure(SessionFailure.Kind.SIM_PIN_REQUIRED, "The SIM card is locked (" + sim + ")",
                            sim.name()));
        }
        String apn = options.apn();
        NetworkSetup network = dialect.network();
        if (apn != null && !apn.isBlank() && !apn.equals(modem.apn(network).orElse(""))) {
            modem.setApn(apn, network);
            if (network.apnNeedsReboot()) {
                logger.debug("APN {} set; rebooting the modem so it takes effect", apn);
                reboot(modem);
                modem.setEcho(false);
                modem.enableNumericErrors();
            } else {
                logger.debug("APN {} set; used at the next connection", apn);
            }
        }
        List<Integer> bands = options.bands();
        if (!bands.isEmpty() && !bands.equals(modem.bands(network))) {
            logger.debug("Locking the modem to bands {}", bands);
            try {
                modem.setBands(bands, network);
            } catch (InvalidSettingException e) {
                throw new SessionException(SessionFailure.misconfigured(e));
            }
        }
        if (options.keepAwake()) {
            modem.keepAwake();
        }
        modem.enableRegistrationUrc(1);
        modemConfigured = true;
    }

    /**
     * AT+QRST=1 and the wait for its boot banner. The restart is ours, so it is not reported as a failure, and the
     * banner cannot cut into the next command.
     */
    private void reboot(Bc26Modem modem) throws AtException {
        CompletableFuture<@Nullable Void> restarted = new CompletableFuture<>();
        synchronized (lock) {
            ownRestart = restarted;
            modemConfigured = false;
        }
        modem.reboot();
        try {
            restarted.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            logger.debug("No boot banner within 15 s after AT+QRST=1");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(AtException.Kind.CLOSED, "Interrupted");
        } finally {
            synchronized (lock) {
                ownRestart = null;
            }
        }
        modem.synchronize();
    }

    private void awaitRegistration(Bc26Modem modem) throws AtException, SessionException {
        Registration registration = modem.registration();
        if (!registration.state().isRegistered() && registration.state() != Registration.State.DENIED) {
            CompletableFuture<AtLine> registered = modem.engine().awaitUrc(
                    line -> line.startsWith("+CEREG:") && isRegisteredOrDenied(line), options.registrationTimeout());
            // The state may have changed between the read and the wait.
            registration = modem.registration();
            if (!registration.state().isRegistered()) {
                try {
                    AtEngine.await(registered, options.registrationTimeout());
                } catch (AtException e) {
                    if (e.getKind() != AtException.Kind.TIMEOUT) {
                        throw e;
                    }
                }
                registration = modem.registration();
            } else {
                registered.cancel(false);
            }
        }
        if (registration.state() == Registration.State.DENIED) {
            throw new SessionException(new SessionFailure(SessionFailure.Kind.REGISTRATION_DENIED,
                    "The network denied the registration", "+CEREG " + registration.state()));
        }
        if (!registration.state().isRegistered()) {
            throw new SessionException(new SessionFailure(SessionFailure.Kind.NOT_REGISTERED,
                    "Not registered to the network (state " + registration.state() + ")",
                    "+CEREG " + registration.state()));
        }
    }

    private static boolean isRegisteredOrDenied(AtLine line) {
        try {
            Registration.State state = Registration.parseUrc(line.text().substring("+CEREG:".length())).state();
            return state.isRegistered() || state == Registration.State.DENIED;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The dialect of the model the user forced, else of the model the modem names; a modem the driver does not know
     * gets BC26's, whose commands every model of the family takes.
     */
    private void chooseDialect(ModemIdentity identity) throws SessionException {
        ModemModel forced = options.model();
        Optional<ModemModel> named = ModemModel.identify(identity.model());
        ModemModel model = forced != null ? forced : Objects.requireNonNullElse(named.orElse(null), ModemModel.BC26);
        if (forced == null && named.isEmpty()) {
            logger.info("The modem names itself '{}', a model this driver does not know: speaking BC26's commands",
                    identity.model());
        } else if (forced != null && named.isPresent() && named.get() != forced) {
            logger.warn("The modem names itself a {} but is set to be a {}: speaking the {}'s commands as set",
                    named.get(), forced, forced);
        }
        ModemDialect chosen = ModemDialect.of(model);
        int connectId = options.mqtt().connectId();
        if (connectId > chosen.maxConnectId()) {
            throw new SessionException(SessionFailure
                    .misconfigured(SettingError.CONNECT_ID_MODEL.with(model, chosen.maxConnectId(), connectId)));
        }
        synchronized (lock) {
            dialect = chosen;
            Bc26MqttClient existing = client;
            if (existing != null) {
                existing.useDialect(chosen);
            }
        }
        listener.dialectChosen(model, forced != null);
    }

    /**
     * Reads and checks the certificates and puts them into the modem: once per modem start (this runs at the first
     * bring-up and after every restart, not at reconnects); changed files take effect when the session is made anew
     * (the bridge initialised again). A model without TLS, a certificate that cannot be read or one the modem refuses
     * is the user's to fix.
     */
    private void prepareTls(Bc26Modem modem, ModemIdentity identity) throws SessionException {
        TlsConfig config = options.tls();
        if (config == null) {
            tlsMaterial = null;
            return;
        }
        try {
            tlsMaterial = TlsInstaller.install(config, dialect.model().name(), dialect.tls(), modem.engine(),
                    identity.imei());
        } catch (InvalidSettingException e) {
            throw new SessionException(SessionFailure.misconfigured(e));
        }
    }

    /** While online, on the session's thread: reads what the modem kept and did not announce (or was not heard). */
    private void pollStoredMessages() {
        Bc26MqttClient current;
        synchronized (lock) {
            current = online && !stopped ? client : null;
        }
        if (current != null) {
            current.pollStoredMessages();
        }
    }

    /** The dialect spoken to the modem: BC26's until the modem was identified. */
    public ModemDialect dialect() {
        return dialect;
    }

    /** The MQTT client on the current engine, made with the session's subscriptions when the port was (re)opened. */
    private Bc26MqttClient clientFor(AtEngine engine) {
        synchronized (lock) {
            Bc26MqttClient existing = client;
            if (existing != null && existing.engine() == engine) {
                return existing;
            }
            Bc26MqttClient fresh = new Bc26MqttClient(engine, options.mqtt(), this);
            fresh.useDialect(dialect);
            // Not connected yet: this only records them; the connect makes them.
            subscriptions.forEach(fresh::subscribe);
            client = fresh;
            return fresh;
        }
    }

    private void failed(SessionFailure failure) {
        Duration delay;
        AtEngine broken = null;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            AtEngine current = engine;
            if (failure.kind() == SessionFailure.Kind.LINK_FAILED || (failure.kind() == SessionFailure.Kind.NO_ANSWER
                    && (current == null || current.nanosSinceLastByte() > DEAD_LINE.toNanos()))) {
                // Reopen the port next time: a re-plugged adapter is a new device, a hung one may recover. A modem
                // that does not answer but still prints (a hung AT task, its MQTT client alive) keeps its port: what
                // it prints is still read.
                broken = current;
                engine = null;
                modem = null;
            }
            delay = recovery.failed(failure.kind());
            if (!bringUpPending) {
                bringUpPending = true;
                job = scheduler.schedule(this::bringUp, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (broken != null) {
            broken.close();
        }
        logger.debug("Modem session down ({}: {}); next attempt in {} s", failure.kind(), failure.detail(),
                delay.toSeconds());
        setOffline(failure);
    }

    private void setOffline(@Nullable SessionFailure failure) {
        synchronized (lock) {
            online = false;
        }
        reportOnlineState(failure);
    }

    /**
     * Tells the listener the session's state as it is now. Reports are made one at a time and each reads the state
     * afresh, so a loss that overtakes a bring-up's "online" is never followed by that stale "online".
     */
    private void reportOnlineState(@Nullable SessionFailure failure) {
        synchronized (reportLock) {
            boolean now;
            synchronized (lock) {
                now = online;
            }
            if (now && reportedOnline) {
                return;
            }
            reportedOnline = now;
            listener.sessionChanged(now, now ? null : failure);
        }
    }

    /**
     * Something broke while online: a session that had run for a while is brought up again at once (the cell or the
     * broker blinked); sessions that keep dying right after connecting (a broker that accepts and then drops, a
     * client id fought over) wait the back-off, growing with each one, so they do not hammer the network.
     */
    private void lost(SessionFailure failure) {
        dataUsage.lost(System.nanoTime());
        synchronized (lock) {
            if (stopped) {
                return;
            }
            losses++;
            // Counted once per session: a loss reported twice (link and +QMTSTAT) is one loss.
            Duration delay = recovery.lost(System.nanoTime(), online);
            // Even while an attempt is finishing, a loss needs its own recovery: only a pending one covers it.
            if (!bringUpPending) {
                bringUpPending = true;
                this.job = scheduler.schedule(this::bringUp, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        setOffline(failure);
    }

    /**
     * While online and the line idle: a bare AT, and two more at once if it went unanswered, so a modem whose AT task
     * hangs is reported silent (and the session lost) within seconds even when nothing else is sent.
     */
    private void probeLiveness() {
        AtEngine current;
        synchronized (lock) {
            current = online && !stopped ? engine : null;
        }
        if (current != null && current.idleNanos() >= livenessInterval.toNanos()) {
            sendLivenessAt(current, AtEngine.SILENT_AFTER);
        }
    }

    private void sendLivenessAt(AtEngine current, int left) {
        current.send(AtCommand.of("AT")).whenComplete((answer, error) -> {
            if (error instanceof AtException at && at.getKind() == AtException.Kind.TIMEOUT && left > 1) {
                sendLivenessAt(current, left - 1);
            }
        });
    }

    /**
     * The engine saw no answer to several commands in a row: the modem's AT task hangs, although its MQTT client may
     * live on and print no +QMTSTAT. Online, that ends the session (publishes go back to the outbox) and the recovery
     * runs: step checks, then the bring-up, and the port opened anew if the line is dead as well. The port stays open
     * while the modem still prints: the messages its MQTT client receives meanwhile are still read and delivered.
     * During a bring-up the failing command ends the attempt by itself.
     */
    @Override
    public void modemSilent(String reason) {
        Bc26MqttClient client;
        synchronized (lock) {
            if (stopped || !online) {
                return;
            }
            client = this.client;
        }
        logger.debug("{}; ending the session", reason);
        if (client != null) {
            client.sessionLost(reason);
        }
        lost(new SessionFailure(SessionFailure.Kind.NO_ANSWER, reason));
    }

    // AtEventListener: called on the link's reader thread.

    @Override
    public void urc(AtLine line) {
        Bc26MqttClient client;
        boolean connected;
        synchronized (lock) {
            client = this.client;
            connected = online && client != null && client.state() == MqttState.CONNECTED;
        }
        if (client != null && line.startsWith("+QMT")) {
            client.handleUrc(line);
        } else {
            listener.networkEvent(line);
            if (connected && isStartupSign(line)) {
                // A watchdog reset prints no boot ROM lines, only what the modem says when it starts: ask it.
                claimToVerify(line);
            }
        }
    }

    /**
     * Lines a modem prints as it starts (+CPIN: READY, +CFUN: 1, +IP: when its PDN comes up): while the MQTT session is
     * up they mean the modem may have restarted without a banner, or only that the cell came back. The modem is asked.
     */
    static boolean isStartupSign(AtLine line) {
        String text = line.text().strip();
        return text.equalsIgnoreCase("+CPIN: READY") || text.replace(" ", "").equalsIgnoreCase("+CFUN:1")
                || line.startsWith("+IP:");
    }

    @Override
    public void modemRestarted() {
        synchronized (lock) {
            modemConfigured = false;
            CompletableFuture<@Nullable Void> own = ownRestart;
            if (own != null) {
                own.complete(null);
                return;
            }
        }
        Bc26MqttClient client = mqtt().orElse(null);
        if (client != null) {
            client.sessionLost("The modem restarted");
        }
        lost(new SessionFailure(SessionFailure.Kind.MODEM_RESTARTED, "The modem restarted"));
    }

    /**
     * A +QMTSTAT or boot banner that may have been payload text (it came inside or right after a text-format
     * +QMTRECV record). The modem is asked before the session is torn down: a client it still reports connected
     * (AT+QMTCONN? state 3) means the line was a publisher's text; anything else (another state, no answer as after a
     * real reboot) is the loss it claimed. The question is sent without waiting for it, and the answer handled on the
     * events thread: the bridge's own thread may be waiting for a publish result that only this loss would end.
     */
    @Override
    public void claimToVerify(AtLine line) {
        Bc26MqttClient client;
        synchronized (lock) {
            client = this.client;
            if (stopped || client == null || client.state() == MqttState.CLOSED) {
                return;
            }
        }
        // One check answers every claim of a burst (a banner is seven lines).
        if (!claimCheckPending.compareAndSet(false, true)) {
            logger.debug("'{}' is covered by the check already under way", AtText.printable(line.text()));
            return;
        }
        client.queryConnectionStateAsync().whenComplete((modemState, error) -> {
            claimCheckPending.set(false);
            verified(client, line, error == null ? modemState : -1);
        });
    }

    private void verified(Bc26MqttClient client, AtLine line, int modemState) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
        }
        boolean restart = !line.startsWith("+QMTSTAT:");
        if (modemState == 3) {
            if (line.trust() == AtLine.Trust.MODEM) {
                logger.debug("'{}' was no restart: the modem still reports the MQTT client connected",
                        AtText.printable(line.text()));
            } else {
                logger.warn("Ignored '{}' that came with a received message: the modem still reports the MQTT client "
                        + "connected, so it was text a publisher wrote", AtText.printable(line.text()));
            }
            return;
        }
        logger.debug("'{}' verified (AT+QMTCONN? state {})", AtText.printable(line.text()), modemState);
        if (restart) {
            modemRestarted();
        } else {
            client.handleUrc(line);
        }
    }

    @Override
    public void linkLost(String reason) {
        Bc26MqttClient client = mqtt().orElse(null);
        if (client != null) {
            client.sessionLost(reason);
        }
        lost(new SessionFailure(SessionFailure.Kind.LINK_FAILED, reason));
    }

    // MqttClientListener

    @Override
    public void stateChanged(MqttState state) {
        logger.trace("MQTT state {}", state);
    }

    @Override
    public void messageReceived(MqttMessage message) {
        dataUsage.received(message.topic(), message.payload().length, message.messageId(), System.nanoTime());
        listener.messageReceived(message);
    }

    @Override
    public void receiveDropped(String topic, String reason) {
        listener.messageDropped(topic, reason);
    }

    @Override
    public void subscriptionFailed(String filter, MqttException failure) {
        listener.subscriptionFailed(filter, failure);
    }

    @Override
    public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
        listener.receiveFormatChosen(format, asConfigured);
    }

    @Override
    public void connectionLost(int code, String reason) {
        lost(new SessionFailure(SessionFailure.Kind.CONNECTION_LOST, reason,
                "+QMTSTAT: " + options.mqtt().connectId() + "," + code));
    }

    static SessionFailure toFailure(MqttException e) {
        SessionFailure.Kind kind = switch (e.getReason()) {
            case NOT_CONNECTED, CONNECTION_LOST -> SessionFailure.Kind.CONNECTION_LOST;
            case INVALID_ARGUMENT, PAYLOAD_TOO_LARGE, WRONG_PARAMETER -> SessionFailure.Kind.CONFIGURATION;
            case NETWORK_FAILED, IDENTIFIER_OCCUPIED -> SessionFailure.Kind.BROKER_UNREACHABLE;
            case PDP_ACTIVATION_FAILED -> SessionFailure.Kind.PDP_ACTIVATION_FAILED;
            case DNS_FAILED -> SessionFailure.Kind.DNS_FAILED;
            case CONNECT_FAILED, TIMEOUT, SEND_FAILED -> SessionFailure.Kind.CONNECT_FAILED;
            case CONNECTION_REFUSED -> SessionFailure.Kind.CONNECTION_REFUSED;
            case SUBSCRIPTION_REJECTED -> SessionFailure.Kind.SUBSCRIPTION_REJECTED;
            case MODEM_ERROR -> SessionFailure.Kind.MODEM_ERROR;
            case LINK_LOST -> SessionFailure.Kind.LINK_FAILED;
        };
        return new SessionFailure(kind, String.valueOf(e.getMessage()), e.getEvidence());
    }

    static SessionFailure toFailure(AtException e) {
        return switch (e.getKind()) {
            case LINK_LOST, CLOSED -> new SessionFailure(SessionFailure.Kind.LINK_FAILED, String.valueOf(e.getMessage()));
            case TIMEOUT -> new SessionFailure(SessionFailure.Kind.NO_ANSWER, String.valueOf(e.getMessage()));
            case MODEM_RESTARTED -> new SessionFailure(SessionFailure.Kind.MODEM_RESTARTED,
                    String.valueOf(e.getMessage()));
            default -> new SessionFailure(SessionFailure.Kind.MODEM_ERROR, String.valueOf(e.getMessage()),
                    e.getCmeError() >= 0 ? "+CME ERROR: " + e.getCmeError() : "");
        };
    }

    /**
     * Final results (OK, ERROR) the modem printed while no command was in flight, on the open port: late answers to
     * timed-out commands, or the trace of a command completed by a line that was not its answer.
     */
    public long strayFinalResults() {
        return modem().map(m -> m.engine().strayFinalResults()).orElse(0L);
    }

    /** A bring-up step failed with a decoded reason. */
    private static final class SessionException extends Exception {
        private static final long serialVersionUID = 1L;
        final SessionFailure failure;

        SessionException(SessionFailure failure) {
            super(failure.detail());
            this.failure = failure;
        }
    }
}
