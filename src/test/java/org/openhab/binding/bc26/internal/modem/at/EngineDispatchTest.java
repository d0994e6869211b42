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
package org.openhab.binding.bc26.internal.modem.at;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.ModemWorker;
import org.openhab.binding.bc26.internal.modem.link.ModemLinks;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.ScriptedModem;

/**
 * Everything that follows from the modem's output or a timeout runs on the engine's dispatcher, in order: listeners
 * hear URCs one at a time in the order the modem printed them, and what waits on an answer or a timeout continues
 * there, never on the link's reader thread, the shared timer or the caller's thread.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class EngineDispatchTest {

    private static final String DISPATCHER = "OH-bc26-test-events";
    private static final String TIMER = "OH-bc26-test-timer";

    private final ScheduledExecutorService timer = ModemWorker.start(TIMER);
    private final ExecutorService dispatcher = ModemWorker.start(DISPATCHER);
    /** Each event as "thread: line". */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private @NonNullByDefault({}) ScriptedModem modem;
    private @NonNullByDefault({}) AtEngine engine;

    @BeforeEach
    void start() throws Exception {
        modem = ScriptedModem.start();
        engine = new AtEngine(timer, dispatcher, new AtEventListener() {
            @Override
            public void urc(AtLine line) {
                events.add(Thread.currentThread().getName() + ": " + line.text());
            }

            @Override
            public void modemRestarted() {
                events.add(Thread.currentThread().getName() + ": restarted");
            }

            @Override
            public void claimToVerify(AtLine line) {
            }

            @Override
            public void linkLost(String reason) {
                events.add(Thread.currentThread().getName() + ": link lost");
            }
        });
        engine.attach(ModemLinks.open(modem.port(), SerialSettings.DEFAULT, engine));
    }

    @AfterEach
    void stop() {
        engine.close();
        modem.close();
        timer.shutdownNow();
        dispatcher.shutdownNow();
    }

    /** Keeps the dispatcher busy until the returned latch is counted down. */
    private CountDownLatch holdDispatcher() {
        CountDownLatch release = new CountDownLatch(1);
        dispatcher.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    @Test
    void urcsAnswersAndTimeoutsAllContinueOnTheDispatcherInOrder() throws Exception {
        modem.on("AT\\+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        List<String> expected = new ArrayList<>();
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            // The URC form of AT+CEREG=2 (its area code quoted second): "+CEREG: <n>,<stat>" is a read answer.
            String urc = "+CEREG: " + (i % 6) + ",\"" + Integer.toHexString(0x1000 + i) + "\",\"0000ABCD\",9";
            burst.append("\r\n").append(urc).append("\r\n");
            expected.add(DISPATCHER + ": " + urc);
        }
        // A command nobody answers times out on the timer while the URCs arrive. The dispatcher is held until the
        // continuations are attached: one attached to a future already done would run on the attaching thread.
        CountDownLatch attached = holdDispatcher();
        CompletableFuture<String> timedOut = engine.send(AtCommand.of("AT+QSILENT").withTimeout(Duration.ofMillis(500)))
                .handle((response, error) -> Thread.currentThread().getName());
        CompletableFuture<String> awaited = engine.awaitUrc(line -> false, Duration.ofMillis(800))
                .handle((line, error) -> Thread.currentThread().getName());
        modem.send(burst.toString());
        CompletableFuture<String> answered = engine.send(AtCommand.of("AT+CSQ"))
                .thenApply(response -> Thread.currentThread().getName());
        attached.countDown();

        assertEquals(DISPATCHER, timedOut.get(10, TimeUnit.SECONDS), "a command timeout continues on the dispatcher");
        assertEquals(DISPATCHER, awaited.get(10, TimeUnit.SECONDS), "a URC wait's timeout continues on the dispatcher");
        assertEquals(DISPATCHER, answered.get(10, TimeUnit.SECONDS), "an answer continues on the dispatcher");
        Await.until("every URC heard", Duration.ofSeconds(10), () -> events.size() >= expected.size());
        assertEquals(expected, events, "on the dispatcher, in the order the modem printed them");
    }

    @Test
    void aLostLinkIsToldOnTheDispatcherAfterThePendingCommandsFailed() throws Exception {
        CountDownLatch attached = holdDispatcher();
        CompletableFuture<String> pending = engine.send(AtCommand.of("AT+QSILENT").withTimeout(Duration.ofSeconds(30)))
                .handle((response, error) -> Thread.currentThread().getName() + " " + (error != null));
        attached.countDown();
        modem.close();
        assertEquals(DISPATCHER + " true", pending.get(10, TimeUnit.SECONDS));
        Await.until("link lost heard", Duration.ofSeconds(10), () -> events.contains(DISPATCHER + ": link lost"));
    }
}
