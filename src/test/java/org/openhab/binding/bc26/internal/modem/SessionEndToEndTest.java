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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * The whole driver (jSerialComm on a pseudo-terminal, AT engine, MQTT client, session supervision) against the BC26
 * simulator, whose MQTT side talks to a real mosquitto; a second MQTT client checks what the broker saw. Covers
 * bring-up, credentials, subscribe and receive, publish at QoS 0/1/2, retained messages, and recovery after each
 * injected fault.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SessionEndToEndTest {

    private static final Duration ONLINE = Duration.ofSeconds(30);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final BlockingQueue<MqttMessage> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<SessionFailure> failures = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> receiveFormats = new LinkedBlockingQueue<>();
    private @Nullable Mosquitto broker;
    private @Nullable SimTransport modem;
    private @Nullable ModemSession session;
    private @Nullable Observer observer;
    /** The receive format of the next {@link #start}: hex unless a test asks for text. */
    private boolean hexReceive = true;

    @AfterEach
    void stop() {
        if (session != null) {
            session.stop();
        }
        if (observer != null) {
            observer.close();
        }
        if (modem != null) {
            modem.close();
        }
        if (broker != null) {
            broker.close();
        }
        scheduler.shutdownNow();
    }

    /** Records failures and messages of a session. */
    private ModemSessionListener recording() {
        return new ModemSessionListener() {
            @Override
            public void sessionChanged(boolean online, @Nullable SessionFailure failure) {
                if (failure != null) {
                    failures.add(failure);
                }
            }

            @Override
            public void messageReceived(MqttMessage message) {
                messages.add(message);
            }

            @Override
            public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
                receiveFormats.add(format.word() + (asConfigured ? "" : " (fallback)"));
            }
        };
    }

    private ModemSession start(@Nullable String user, @Nullable String password,
            java.util.function.Consumer<Bc26Simulator> prepare) throws Exception {
        Mosquitto broker = Mosquitto.start(dir, user, password);
        this.broker = broker;
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        SimTransport modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26"));
        this.modem = modem;
        prepare.accept(modem.simulator());
        MqttSettings mqtt = MqttSettings.of(0, "127.0.0.1", broker.port(), "bc26-test").withCredentials(user,
                password).withHexReceive(hexReceive);
        ModemSession session = new ModemSession(SessionOptions.of(modem.portName(), mqtt)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)), scheduler, recording());
        this.session = session;
        observer = new Observer(broker.uri(), "observer", user, password);
        return session;
    }

    private ModemSession startOnline() throws Exception {
        ModemSession session = start(null, null, sim -> {
        });
        session.subscribe("to/modem/#", 1);
        session.start();
        Await.until("session online", ONLINE, session::isOnline);
        return session;
    }

    private void assertRoundTrip(ModemSession session, String tag) throws Exception {
        Observer observer = this.observer;
        assertNotNull(observer);
        observer.subscribe("from/modem/#", 2);
        // Subscriptions are remade asynchronously after a reconnect; retry the downlink until it arrives.
        Await.until("downlink " + tag + " arrives", ONLINE, () -> {
            try {
                observer.publish("to/modem/" + tag, "down " + tag, 1, false);
                MqttMessage m = messages.poll(300, TimeUnit.MILLISECONDS);
                return m != null && m.payloadAsString().equals("down " + tag);
            } catch (Exception e) {
                return false;
            }
        });
        session.publish("from/modem/" + tag, ("up " + tag).getBytes(StandardCharsets.UTF_8), 1, false).get(30,
                TimeUnit.SECONDS);
        Observer.Received up = observer.next(30);
        assertEquals("from/modem/" + tag, up.topic());
        assertEquals("up " + tag, up.payload());
        messages.clear();
    }

    @Test
    void publishesSubscribesAndUnsubscribesAskedForAtOnceGoOutOneAtATime() throws Exception {
        ModemSession session = startOnline();
        Observer observer = this.observer;
        assertNotNull(observer);
        observer.subscribe("from/modem/#", 1);
        List<CompletableFuture<?>> packets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            packets.add(session.publish("from/modem/p", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false));
            packets.add(i % 2 == 0 ? session.subscribe("extra/" + i, 1) : session.unsubscribe("extra/" + (i - 1)));
        }
        for (CompletableFuture<?> packet : packets) {
            packet.get(60, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 8; i++) {
            assertEquals("m" + i, observer.next(30).payload(), "in the order asked for");
        }
        SimTransport modem = this.modem;
        assertNotNull(modem);
        assertEquals(0, modem.simulator().refusedWhileBusy(),
                "no packet command reached the modem while another was in flight");
    }

    @Test
    void bringsTheModemUpAndCarriesMessagesBothWays() throws Exception {
        ModemSession session = startOnline();
        assertRoundTrip(session, "first");
        assertTrue(modem.simulator().receivedCommands().contains("AT+QSCLK=0"), "sleep disabled");
        assertTrue(modem.simulator().receivedCommands().contains("AT+CPSMS=0"), "PSM disabled");
    }

    @Test
    void publishesAtEveryQosWithTheirFlagsAndPayloadsIntact() throws Exception {
        ModemSession session = startOnline();
        Observer observer = this.observer;
        assertNotNull(observer);
        observer.subscribe("q/#", 2);
        String[] payloads = { "plain", "{\"json\": \"with, commas\"}", "two\r\nlines" };
        for (int qos = 0; qos <= 2; qos++) {
            session.publish("q/" + qos, payloads[qos].getBytes(StandardCharsets.UTF_8), qos, false).get(30,
                    TimeUnit.SECONDS);
            Observer.Received received = observer.next(30);
            assertEquals("q/" + qos, received.topic());
            assertEquals(payloads[qos], received.payload());
            assertEquals(qos, received.qos());
        }
        session.publish("bin/x", new byte[] { 0, 0x1A, 0x1B, (byte) 0xFF }, 1, false).get(30, TimeUnit.SECONDS);
    }

    @Test
    void retainedMessagesReachTheModemWhenItSubscribes() throws Exception {
        ModemSession session = start(null, null, sim -> {
        });
        Observer observer = this.observer;
        assertNotNull(observer);
        observer.publish("state/pump", "ON", 1, true);
        session.subscribe("state/#", 1);
        session.start();
        MqttMessage retained = messages.poll(30, TimeUnit.SECONDS);
        assertNotNull(retained, "retained value delivered after subscribe");
        assertEquals("state/pump", retained.topic());
        assertEquals("ON", retained.payloadAsString());
        session.publish("state/valve", "OPEN".getBytes(StandardCharsets.UTF_8), 1, true).get(30, TimeUnit.SECONDS);
        try (Observer late = new Observer(broker.uri())) {
            late.subscribe("state/valve", 1);
            Observer.Received r = late.next(30);
            assertTrue(r.retained(), "the broker kept the modem's retained message");
            assertEquals("OPEN", r.payload());
        }
    }

    @Test
    void credentialsAreSentAndWrongOnesAreDecoded() throws Exception {
        ModemSession session = start("farm", "s3cret", sim -> {
        });
        session.start();
        Await.until("online with credentials", ONLINE, session::isOnline);
        session.stop();
        ModemSession wrong = new ModemSession(
                SessionOptions.of(modem.portName(),
                        MqttSettings.of(0, "127.0.0.1", broker.port(), "bc26-wrong").withCredentials("farm", "nope"))
                        .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
                scheduler, recording());
        failures.clear();
        wrong.start();
        try {
            SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
            assertNotNull(failure);
            assertEquals(SessionFailure.Kind.CONNECTION_REFUSED, failure.kind(), failure.detail());
        } finally {
            wrong.stop();
        }
    }

    @Test
    void sessionsThatDieAtOnceWaitAGrowingBackoffAndAStableOnesLossReconnectsAtOnce() throws Exception {
        ModemSession session = start(null, null, sim -> {
        });
        session.stop();
        SimTransport modem = this.modem;
        Mosquitto broker = this.broker;
        assertNotNull(modem);
        assertNotNull(broker);
        ModemSession backingOff = new ModemSession(SessionOptions
                .of(modem.portName(), MqttSettings.of(0, "127.0.0.1", broker.port(), "bc26-backoff"))
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)), scheduler, recording());
        this.session = backingOff;
        backingOff.start();
        Await.until("online", ONLINE, backingOff::isOnline);
        // Three sessions in a row end right after connecting: each waits longer (1 s, 2 s, 4 s) before reopening.
        for (long expected : new long[] { 1000, 2000, 4000 }) {
            long gap = millisFromLossToReopen(modem, backingOff);
            assertTrue(gap >= expected, "a quick loss waited " + gap + " ms, expected at least " + expected);
        }
        // A session that ran 10 s was healthy: its loss is recovered at once, not after the 8 s the next quick loss
        // would wait.
        long stableAt = System.nanoTime() + RecoveryPolicy.STABLE_SESSION.plusSeconds(1).toNanos();
        Await.until("session stable", Duration.ofSeconds(30), () -> System.nanoTime() >= stableAt);
        long gap = millisFromLossToReopen(modem, backingOff);
        assertTrue(gap < 4000, "the loss of a stable session waited " + gap + " ms");
    }

    /** Ends the session with +QMTSTAT and returns the milliseconds until the driver opened the connection again. */
    private static long millisFromLossToReopen(SimTransport modem, ModemSession session) {
        long lost = System.nanoTime();
        modem.simulator().injectQmtStat(0, 1);
        Await.until("online again", ONLINE, () -> session.isOnline() && modem.simulator().receivedTimeline().stream()
                .anyMatch(r -> r.nanos() > lost && r.command().startsWith("AT+QMTOPEN=")));
        long reopened = modem.simulator().receivedTimeline().stream()
                .filter(r -> r.nanos() > lost && r.command().startsWith("AT+QMTOPEN=")).findFirst().orElseThrow()
                .nanos();
        return (reopened - lost) / 1_000_000;
    }

    @Test
    void recoversFromEveryQmtstatCode() throws Exception {
        ModemSession session = startOnline();
        for (int code = 1; code <= 7; code++) {
            failures.clear();
            modem.simulator().injectQmtStat(0, code);
            SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
            assertNotNull(failure, "code " + code);
            assertEquals(SessionFailure.Kind.CONNECTION_LOST, failure.kind());
            Await.until("online after +QMTSTAT " + code, ONLINE, session::isOnline);
            assertRoundTrip(session, "stat" + code);
        }
    }

    /**
     * A broker that accepts and drops at once (+QMTCONN: 0,0,0 and +QMTSTAT: 0,1 in one write) is a loss the session
     * recovers from; before the fix the client stayed CONNECTED on the dead connection and nothing went through.
     */
    @Test
    void aConnectionDroppedRightAfterItsConnackIsRecoveredAndNeverReportedOnlineWhileDead() throws Exception {
        ModemSession session = startOnline();
        assertEquals("hex", receiveFormats.poll(10, TimeUnit.SECONDS), "hex unless asked otherwise");
        int connectsBefore = commandsStartingWith("AT+QMTCONN=");
        modem.simulator().acceptThenDropNextConnect();
        failures.clear();
        modem.simulator().injectQmtStat(0, 1);
        Await.until("two connects after the fault: the dropped one and the next", ONLINE,
                () -> commandsStartingWith("AT+QMTCONN=") >= connectsBefore + 2);
        Await.until("online again", ONLINE, session::isOnline);
        assertRoundTrip(session, "after-drop");
        assertTrue(failures.stream().anyMatch(f -> f.kind() == SessionFailure.Kind.CONNECT_FAILED
                || f.kind() == SessionFailure.Kind.CONNECTION_LOST), failures.toString());
    }

    @Test
    void firmwareWithoutTheHexFormatFallsBackToTextAndStillCarriesMessages() throws Exception {
        ModemSession session = start(null, null, sim -> sim.options().firmwareV10 = true);
        session.subscribe("to/modem/#", 1);
        session.start();
        Await.until("session online", ONLINE, session::isOnline);
        assertEquals("text (fallback)", receiveFormats.poll(10, TimeUnit.SECONDS));
        assertRoundTrip(session, "v10");
    }

    /**
     * In the text format a +QMTSTAT in the same burst as a message may be payload, so it is verified: when the modem
     * confirms the loss (AT+QMTCONN? no longer lists the client connected), the session ends and comes back.
     */
    @Test
    void aRealQmtstatRightAfterATextMessageIsVerifiedAndEndsTheSession() throws Exception {
        hexReceive = false;
        ModemSession session = startOnline();
        assertEquals("text", receiveFormats.poll(10, TimeUnit.SECONDS));
        int readsBefore = commandsStartingWith("AT+QMTCONN?");
        failures.clear();
        modem.simulator().sendRaw("\r\n+QMTRECV: 0,0,\"to/modem/x\",\"last words\"\r\n".getBytes(StandardCharsets.UTF_8));
        modem.simulator().injectQmtStat(0, 1);
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure, "the verified loss ends the session");
        assertEquals(SessionFailure.Kind.CONNECTION_LOST, failure.kind());
        assertTrue(commandsStartingWith("AT+QMTCONN?") > readsBefore, "verified with AT+QMTCONN? first");
        Await.until("online again", ONLINE, session::isOnline);
        assertRoundTrip(session, "after-verified-loss");
    }

    private int commandsStartingWith(String prefix) {
        SimTransport modem = this.modem;
        assertNotNull(modem);
        return (int) modem.simulator().receivedCommands().stream().filter(c -> c.startsWith(prefix)).count();
    }

    @Test
    void recoversFromABrokerRestart() throws Exception {
        ModemSession session = startOnline();
        observer.close();
        broker.stop();
        Await.until("offline", ONLINE, () -> !session.isOnline());
        broker.restart();
        Await.until("online after the broker restart", ONLINE, session::isOnline);
        observer = new Observer(broker.uri());
        assertRoundTrip(session, "restart");
    }

    @Test
    void recoversFromAModemReboot() throws Exception {
        ModemSession session = startOnline();
        modem.simulator().reboot();
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.MODEM_RESTARTED, failure.kind());
        Await.until("online after reboot", ONLINE, session::isOnline);
        assertRoundTrip(session, "reboot");
    }

    @Test
    void recoversWhenTheAdapterIsUnpluggedAndPluggedBack() throws Exception {
        ModemSession session = startOnline();
        modem.cutLink();
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.LINK_FAILED, failure.kind());
        Await.until("still offline while unplugged", ONLINE, () -> failures.stream()
                .anyMatch(f -> f.kind() == SessionFailure.Kind.PORT_NOT_FOUND || f.kind() == SessionFailure.Kind.LINK_FAILED));
        modem.restoreLink();
        Await.until("online after re-plug", ONLINE, session::isOnline);
        assertRoundTrip(session, "replug");
    }

    @Test
    void anAdapterUnpluggedForManyAttemptsGetsNoRadioResetOrRebootOnceBack() throws Exception {
        ModemSession session = startOnline();
        int commandsBefore = modem.simulator().receivedCommands().size();
        modem.cutLink();
        // Six failed attempts: past both the radio reset (3) and the reboot (5) for a modem that answers.
        Await.until("six failed attempts while unplugged", ONLINE, () -> failures.size() >= 6);
        modem.restoreLink();
        Await.until("online after re-plug", ONLINE, session::isOnline);
        List<String> after = modem.simulator().receivedCommands();
        after = after.subList(Math.min(commandsBefore, after.size()), after.size());
        assertFalse(after.contains("AT+QRST=1"), "no reboot: " + after);
        assertFalse(after.contains("AT+CFUN=0"), "no radio reset: " + after);
        assertRoundTrip(session, "replugged late");
    }

    @Test
    void closesAStaleClientLeftByAnEarlierRun() throws Exception {
        ModemSession session = start(null, null, sim -> sim.leaveStaleClient(0));
        session.start();
        Await.until("online despite the stale client", ONLINE, session::isOnline);
        assertTrue(modem.simulator().receivedCommands().contains("AT+QMTCLOSE=0"));
    }

    @Test
    void recoversWhenTheCellComesBack() throws Exception {
        ModemSession session = startOnline();
        modem.simulator().loseRegistration();
        Await.until("offline without cell", ONLINE, () -> !session.isOnline());
        modem.simulator().regainRegistration();
        Await.until("online with the cell back", ONLINE, session::isOnline);
        assertRoundTrip(session, "cell");
    }

    @Test
    void everyOpenFailureIsDecodedAndRecovered() throws Exception {
        ModemSession session = startOnline();
        int[] results = { -1, 3, 4, 5 };
        SessionFailure.Kind[] kinds = { SessionFailure.Kind.BROKER_UNREACHABLE,
                SessionFailure.Kind.PDP_ACTIVATION_FAILED, SessionFailure.Kind.DNS_FAILED,
                SessionFailure.Kind.BROKER_UNREACHABLE };
        for (int i = 0; i < results.length; i++) {
            modem.simulator().failNextOpen(results[i]);
            failures.clear();
            modem.simulator().injectQmtStat(0, 1);
            assertEquals(SessionFailure.Kind.CONNECTION_LOST, failures.poll(30, TimeUnit.SECONDS).kind());
            SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
            assertNotNull(failure, "open result " + results[i]);
            assertEquals(kinds[i], failure.kind(), failure.detail());
            Await.until("online after open result " + results[i], ONLINE, session::isOnline);
        }
    }

    @Test
    void everyConnackRefusalIsDecodedAndRecovered() throws Exception {
        ModemSession session = startOnline();
        for (int code = 1; code <= 5; code++) {
            modem.simulator().refuseNextConnect(code);
            failures.clear();
            modem.simulator().injectQmtStat(0, 7);
            assertEquals(SessionFailure.Kind.CONNECTION_LOST, failures.poll(30, TimeUnit.SECONDS).kind());
            SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
            assertNotNull(failure);
            assertEquals(SessionFailure.Kind.CONNECTION_REFUSED, failure.kind());
            assertTrue(failure.detail().contains(org.openhab.binding.bc26.internal.modem.mqtt.QmtCodes.connackCode(code)),
                    failure.detail());
            Await.until("online after CONNACK " + code, ONLINE, session::isOnline);
        }
    }

    @Test
    void garbageHalfLinesAndUrcBurstsDoNotDisturbTheSession() throws Exception {
        ModemSession session = startOnline();
        modem.simulator().sendRaw("\u0000\u00ff\r\nnoise without end".getBytes(StandardCharsets.ISO_8859_1));
        modem.simulator().sendRaw("\r\n\r\n+QMTRECV: 0,1,\"to/modem/x\",\"cut by".getBytes(StandardCharsets.UTF_8));
        modem.simulator().urcBurst(500);
        assertRoundTrip(session, "noise");
        assertTrue(session.isOnline());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aModemTooSlowToAnswerIsNoAnswerAndRecoversWhenItSpeedsUp() throws Exception {
        ModemSession session = startOnline();
        modem.simulator().slowAnswers(Duration.ofSeconds(60));
        modem.simulator().injectQmtStat(0, 2);
        Await.until("a NO_ANSWER failure", ONLINE, () -> failures.stream()
                .anyMatch(f -> f.kind() == SessionFailure.Kind.NO_ANSWER || f.kind() == SessionFailure.Kind.CONNECT_FAILED));
        modem.simulator().slowAnswers(Duration.ZERO);
        Await.until("online once the modem answers in time", Duration.ofSeconds(60), session::isOnline);
        assertRoundTrip(session, "slow");
    }

    @Test
    void manyQos1And2MessagesArriveOnceEach() throws Exception {
        ModemSession session = startOnline();
        Observer observer = this.observer;
        assertNotNull(observer);
        observer.subscribe("count/#", 2);
        int count = 200;
        java.util.List<java.util.concurrent.CompletableFuture<Void>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(session.publish("count/" + (i % 2 + 1), ("m" + i).getBytes(StandardCharsets.UTF_8), i % 2 + 1,
                    false));
        }
        for (java.util.concurrent.CompletableFuture<Void> future : sent) {
            future.get(60, TimeUnit.SECONDS);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            assertTrue(seen.add(observer.next(30).payload()), "no duplicate");
        }
        assertNull(observer.queue().poll(500, TimeUnit.MILLISECONDS), "nothing more than was sent");
        assertEquals(count, seen.size());
    }

    @Test
    void aLongOutageEscalatesToRadioResetAndOneRebootThenRecoversWithoutARebootLoop() throws Exception {
        ModemSession session = startOnline();
        observer.close();
        broker.stop();
        Await.until("radio reset and reboot", Duration.ofSeconds(60), () -> {
            java.util.List<String> commands = modem.simulator().receivedCommands();
            return commands.contains("AT+CFUN=0") && commands.contains("AT+QRST=1");
        });
        broker.restart();
        observer = new Observer(broker.uri());
        Await.until("online after the outage", ONLINE, session::isOnline);
        long reboots = modem.simulator().receivedCommands().stream().filter("AT+QRST=1"::equals).count();
        assertRoundTrip(session, "escalation");
        assertEquals(reboots, modem.simulator().receivedCommands().stream().filter("AT+QRST=1"::equals).count(),
                "no further reboot once the session is back");
        assertTrue(reboots <= 2, "one reboot per round of five failures, not a loop: " + reboots);
    }

    @Test
    void aMissingSimIsDecoded() throws Exception {
        ModemSession session = start(null, null, sim -> sim.setSimInserted(false));
        session.start();
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.SIM_MISSING, failure.kind());
    }

    @Test
    void aMissingPortIsDecoded() throws Exception {
        ModemSession session = new ModemSession(SessionOptions.of(dir.resolve("nope").toString(),
                MqttSettings.of(0, "127.0.0.1", 1883, "x")), scheduler, recording());
        this.session = session;
        session.start();
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.PORT_NOT_FOUND, failure.kind());
    }
}
