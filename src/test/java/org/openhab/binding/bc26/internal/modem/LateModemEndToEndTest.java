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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.internal.modem.testing.SessionRecorder;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * The driver against a modem that is neither on time nor silent, as an NB-IoT modem is while its radio is busy: an
 * answer just past the host's timeout, an answer split around URCs, an AT task that hangs while the MQTT client inside
 * the modem lives on, a restart that prints no boot banner, light sleep and PSM that swallow the first line, and the
 * refusals a modem gives while asleep or while it reads its SIM. Each test fails on a driver that takes the next answer
 * for the current command's. Real parts: jSerialComm on a pseudo-terminal, the simulator, mosquitto.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class LateModemEndToEndTest {

    private static final Duration ONLINE = Duration.ofSeconds(30);
    /** Just past the host's timeout of the command it delays (600 ms), as seen with AT+QENG=0 on a real cell. */
    private static final Duration JUST_LATE = Duration.ofMillis(650);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    /** Closed in reverse order: session, observer, modem, broker, then the scheduler. */
    private final Resources resources = new Resources();
    private final SessionRecorder recorder = new SessionRecorder();
    private @Nullable SimTransport modem;
    private @Nullable Observer observer;
    /** How long an idle line waits for the session's liveness AT: short, so a hang is found in a test's time. */
    private Duration liveness = Duration.ofSeconds(1);

    @AfterEach
    void stop() throws Exception {
        resources.close();
    }

    private ModemSession start(Consumer<Bc26Simulator.Options> options, Consumer<Bc26Simulator> prepare,
            boolean keepAwake) throws Exception {
        resources.add(scheduler::shutdownNow);
        Mosquitto broker = resources.add(Mosquitto.start(dir));
        Bc26Simulator.Options simOptions = new Bc26Simulator.Options();
        simOptions.timeScale = 0.02;
        options.accept(simOptions);
        SimTransport modem = resources.add(SimTransport.onPseudoTerminal(simOptions, dir.resolve("ttyBC26")));
        this.modem = modem;
        prepare.accept(modem.simulator());
        Observer observer = resources.add(new Observer(broker.uri(), "observer", null, null));
        observer.subscribe("from/modem/#", 1);
        this.observer = observer;
        MqttSettings mqtt = MqttSettings.of(0, "127.0.0.1", broker.port(), "bc26-late");
        ModemSession session = new ModemSession(SessionOptions.of(modem.portName(), mqtt).withKeepAwake(keepAwake)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)), scheduler, recorder);
        resources.add(session::stop);
        session.useLivenessInterval(liveness);
        session.start();
        Await.until("session online", ONLINE, session::isOnline);
        return session;
    }

    private ModemSession startOnline() throws Exception {
        return start(o -> {
        }, sim -> {
        }, true);
    }

    private Bc26Simulator sim() {
        SimTransport modem = this.modem;
        assertNotNull(modem);
        return modem.simulator();
    }

    private AtEngine engine(ModemSession session) {
        return session.modem().orElseThrow().engine();
    }

    /** Publishes at QoS 1 and waits for the modem's result. */
    private static void publish(ModemSession session, String topic, String payload) throws Exception {
        session.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false).get(30, TimeUnit.SECONDS);
    }

    private Observer.Received nextAtBroker() throws InterruptedException {
        Observer observer = this.observer;
        assertNotNull(observer);
        return observer.next(20);
    }

    private static void assertTimesOut(AtEngine engine, AtCommand command) {
        AtException e = assertThrows(AtException.class, () -> engine.execute(command));
        assertEquals(AtException.Kind.TIMEOUT, e.getKind(), String.valueOf(e.getMessage()));
    }

    @Test
    void aLateAnswerAheadOfAPromptPublishNeitherEndsItsPromptNorLeavesTheModemInDataMode() throws Exception {
        ModemSession session = startOnline();
        sim().answerFaults().answerLate("AT+QENG", JUST_LATE, 1);
        // A JSON payload: its quotes send it through the > prompt on a BC26.
        String json = "{\"state\":\"ON\",\"level\":42}";
        CompletableFuture<Void> sent = new CompletableFuture<>();
        engine(session).send(AtCommand.of("AT+QENG=0").withTimeout(AtCommand.DEFAULT_TIMEOUT))
                .whenComplete((answer, error) -> session
                        .publish("from/modem/json", json.getBytes(StandardCharsets.UTF_8), 1, false)
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                sent.completeExceptionally(e);
                            } else {
                                sent.complete(null);
                            }
                        }));
        sent.get(30, TimeUnit.SECONDS);
        Observer.Received first = nextAtBroker();
        assertEquals("from/modem/json", first.topic());
        assertEquals(json, first.payload());
        // The modem is in command mode: the next publish is a message of its own, not data of the first.
        publish(session, "from/modem/after", "after");
        Observer.Received second = nextAtBroker();
        assertEquals("after", second.payload());
        assertTrue(sim().answerFaults().allUsed());
        assertTrue(sim().receivedCommands().stream().anyMatch(c -> c.startsWith("AT+QMTCFG=\"keepalive\",1,")),
                "a step check ran before the publish: " + sim().receivedCommands());
    }

    @Test
    void theLateResultOfATimedOutQos0PublishDoesNotCompleteTheNextOne() throws Exception {
        ModemSession session = startOnline();
        // The first publish's OK and its "+QMTPUB: 0,0,0" come just past its timeout; the second is refused.
        sim().answerFaults().answerLate("AT+QMTPUB", JUST_LATE, 1);
        sim().answerFaults().refuse("AT+QMTPUB", "ERROR", 1);
        CompletableFuture<Void> first = session.publish("from/modem/q0", "one".getBytes(StandardCharsets.UTF_8), 0,
                false);
        CompletableFuture<Void> second = session.publish("from/modem/q0", "two".getBytes(StandardCharsets.UTF_8), 0,
                false);
        assertThrows(Exception.class, () -> first.get(30, TimeUnit.SECONDS), "the first timed out");
        Exception refused = assertThrows(Exception.class, () -> second.get(30, TimeUnit.SECONDS),
                "the second succeeded on the first one's result, although the modem refused it");
        assertTrue(String.valueOf(refused.getMessage()).contains("ERROR"), String.valueOf(refused.getMessage()));
        assertTrue(sim().answerFaults().allUsed());
        // Both results are accounted for: the next publish is answered by its own.
        publish(session, "from/modem/q1", "three");
        Observer.Received received = nextAtBroker();
        if (received.payload().equals("one")) {
            // The modem did send the first one (its answer was only late).
            received = nextAtBroker();
        }
        assertEquals("three", received.payload());
    }

    @Test
    void aLateRegistrationReadIsDroppedNotTakenForAUrc() throws Exception {
        ModemSession session = startOnline();
        AtEngine engine = engine(session);
        sim().answerFaults().answerLate("AT+CEREG?", JUST_LATE, 1);
        assertTimesOut(engine, AtCommand.of("AT+CEREG?").withTimeout(AtCommand.DEFAULT_TIMEOUT));
        // Answered in step: every late line has arrived before this answer.
        assertTrue(session.modem().orElseThrow().registration().state().isRegistered());
        assertEquals(1, engine.strayReadAnswers());
        assertFalse(recorder.networkEvents.stream().anyMatch(e -> e.replace(" ", "").startsWith("+CEREG:1,")),
                "a read answer reached the listener as an event: " + recorder.networkEvents);
        assertTrue(session.isOnline());
    }

    @Test
    void aSlowFirstOkAtStartShiftsNoAnswerOfTheBringUp() throws Exception {
        ModemSession session = start(o -> {
        }, sim -> sim.answerFaults().answerLate("AT", Duration.ofMillis(700), 1), true);
        assertTrue(session.isOnline());
        assertTrue(recorder.failures.isEmpty(), "the bring-up failed: " + recorder.failures);
        ModemIdentity identity = recorder.identities.poll(1, TimeUnit.SECONDS);
        assertNotNull(identity);
        assertEquals("Quectel_BC26", identity.model());
        assertEquals(15, identity.imei().length(), identity.imei());
    }

    @Test
    void anAnswerSplitAroundUrcsKeepsTheUrcsEventsAndTheAnswerWhole() throws Exception {
        ModemSession session = startOnline();
        sim().answerFaults().splitNextAnswer("AT+CSQ", "+CSCON: 1", "+CEREG: 1", "+CSCON: 0");
        assertEquals(Integer.valueOf(-73), session.modem().orElseThrow().signal().rssiDbm());
        Await.until("the URCs between the answer's lines", Duration.ofSeconds(5),
                () -> recorder.networkEvents.containsAll(List.of("+CSCON: 1", "+CEREG: 1", "+CSCON: 0")));
        assertTrue(session.isOnline());
    }

    @Test
    void aHungAtTaskTakesTheSessionOfflineAndItComesBackWhenTheModemAnswersAgain() throws Exception {
        ModemSession session = startOnline();
        long hung = System.nanoTime();
        sim().answerFaults().hang();
        // Idle: the liveness AT finds the hang; the modem's MQTT client is still connected to the broker.
        SessionFailure failure = recorder.failures.poll(30, TimeUnit.SECONDS);
        long offline = System.nanoTime();
        assertNotNull(failure, "the session stayed online on a modem that answers nothing");
        assertEquals(SessionFailure.Kind.NO_ANSWER, failure.kind());
        assertTrue(failure.detail().contains("AT task hangs"), failure.detail());
        assertTrue(sim().isConnected(0), "the modem's own MQTT session lived on");
        assertTrue(sim().answerFaults().commandsIgnoredWhileHung() > 0, "the liveness AT reached the hung modem");
        assertFalse(session.isOnline());
        sim().answerFaults().resume();
        long resumed = System.nanoTime();
        Await.until("online again", ONLINE, session::isOnline);
        long online = System.nanoTime();
        System.out.printf("Hung AT task: OFFLINE %d ms after the hang, ONLINE %d ms after it answered again%n",
                (offline - hung) / 1_000_000, (online - resumed) / 1_000_000);
        publish(session, "from/modem/back", "back");
        assertEquals("back", nextAtBroker().payload());
    }

    @Test
    void aHangFoundByPublishesEndsTheSessionAndThePublishesFail() throws Exception {
        ModemSession session = startOnline();
        sim().answerFaults().hang();
        for (int i = 0; i < AtEngine.SILENT_AFTER && recorder.failures.isEmpty(); i++) {
            CompletableFuture<Void> publish = session.publish("from/modem/lost", new byte[] { 'x' }, 1, false);
            assertThrows(Exception.class, () -> publish.get(30, TimeUnit.SECONDS));
        }
        SessionFailure failure = recorder.failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.NO_ANSWER, failure.kind(), failure.detail());
        sim().answerFaults().resume();
        Await.until("online again", ONLINE, session::isOnline);
    }

    /** What a restart without boot banner prints: what a starting modem says, or bytes at another line rate. */
    @ParameterizedTest
    @ValueSource(strings = { "\r\n+CPIN: READY\r\n", "\u0000\u00ff\u00fe\u0013\u0011\r\n" })
    void aRestartThatPrintsNoBannerIsNoticed(String printed) throws Exception {
        ModemSession session = startOnline();
        sim().restartQuietly(printed);
        SessionFailure failure = recorder.failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure, "a restart without a banner went unnoticed");
        assertEquals(SessionFailure.Kind.MODEM_RESTARTED, failure.kind());
        Await.until("online again", ONLINE, session::isOnline);
        publish(session, "from/modem/restarted", "restarted");
        assertEquals("restarted", nextAtBroker().payload());
    }

    @Test
    void aCellThatComesBackPrintsIpAndTheSessionStaysUp() throws Exception {
        ModemSession session = startOnline();
        int commands = sim().receivedCommands().size();
        sim().sendRaw("\r\n+IP: 10.170.235.216\r\n".getBytes(StandardCharsets.US_ASCII));
        // The modem is asked (AT+QMTCONN?), answers "connected", and nothing is torn down.
        Await.until("the modem asked", Duration.ofSeconds(10), () -> {
            List<String> all = sim().receivedCommands();
            return all.subList(commands, all.size()).contains("AT+QMTCONN?");
        });
        publish(session, "from/modem/still", "still");
        assertEquals("still", nextAtBroker().payload());
        assertTrue(recorder.failures.isEmpty(), String.valueOf(recorder.failures));
        assertTrue(session.isOnline());
    }

    @Test
    void withPowerSavingTheFirstCommandAfterAQuietSpellIsNotLost() throws Exception {
        liveness = Duration.ofSeconds(30);
        ModemSession session = start(o -> {
            o.sleepMode = 1;
            o.sleepAfter = Duration.ofSeconds(6);
        }, sim -> {
        }, false);
        AtEngine engine = engine(session);
        Await.until("a quiet spell long enough to sleep", Duration.ofSeconds(20),
                () -> engine.idleNanos() > Duration.ofMillis(6_500).toNanos());
        publish(session, "from/modem/awake", "awake");
        assertEquals("awake", nextAtBroker().payload());
        assertTrue(recorder.failures.isEmpty(), String.valueOf(recorder.failures));
    }

    @Test
    void afterEnterPsmTheNextCommandIsPrecededByAWakeUp() throws Exception {
        ModemSession session = startOnline();
        sim().enterPsm();
        Await.until("the PSM event", Duration.ofSeconds(5),
                () -> recorder.networkEvents.contains("+QNBIOTEVENT: \"ENTER PSM\""));
        publish(session, "from/modem/psm", "psm");
        assertEquals("psm", nextAtBroker().payload());
        assertTrue(recorder.failures.isEmpty(), String.valueOf(recorder.failures));
    }

    @Test
    void aCommandRefusedInPsmIsSentAgainAfterAWakeUp() throws Exception {
        ModemSession session = startOnline();
        sim().answerFaults().refuse("AT+QMTPUB", "+CME ERROR: 846", 1);
        publish(session, "from/modem/refused", "refused once");
        assertEquals("refused once", nextAtBroker().payload());
        assertTrue(sim().answerFaults().allUsed());
    }

    @Test
    void aBusySimAfterStartIsAskedAgainInsteadOfFailingTheBringUp() throws Exception {
        ModemSession session = start(o -> {
        }, sim -> sim.answerFaults().refuse("AT+CPIN?", "+CME ERROR: 14", 2), true);
        assertTrue(session.isOnline());
        assertTrue(recorder.failures.isEmpty(), "the bring-up failed: " + recorder.failures);
        assertTrue(sim().answerFaults().allUsed());
    }
}
