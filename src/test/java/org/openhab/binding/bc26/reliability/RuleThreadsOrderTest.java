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
package org.openhab.binding.bc26.reliability;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * Four rule threads publish at once through one bridge whose modem, like a BC26-compatible firmware, answers
 * {@code ERROR} to a publish while another is in flight: every message arrives, each thread's messages in the order
 * the thread sent them, and the modem never had to refuse one (the bridge keeps one publish in flight).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class RuleThreadsOrderTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 25;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();

    @AfterEach
    void stop() throws Exception {
        resources.close();
    }

    @Test
    void fourRuleThreadsThroughAModemThatRefusesASecondPublishLoseNothingAndKeepTheirOrder() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        Mosquitto broker = Mosquitto.start(dir);
        resources.add(broker);
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        assertEquals(Bc26Simulator.Profile.STRICT, options.profile, "the tests' modem is the strict one");
        SimTransport modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26"));
        resources.add(modem);
        Observer observer = new Observer(broker.uri());
        resources.add(observer);
        observer.subscribe("rules/#", 1);
        Map<String, Object> config = new HashMap<>(BridgeRig.configFor(modem, broker));
        config.put("reconnectInitialSeconds", 1);
        BridgeRig rig = new BridgeRig("rules", config);
        resources.add(rig);
        rig.handler().initialize();
        assertTrue(rig.awaitOnline(WAIT), "bridge ONLINE");

        ExecutorService rules = Executors.newFixedThreadPool(THREADS);
        resources.add(rules::shutdownNow);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(rules.submit(() -> {
                int delivered = 0;
                for (int i = 0; i < PER_THREAD; i++) {
                    if (rig.actions().publish("rules/" + thread, thread + ":" + i, 1, false)) {
                        delivered++;
                    }
                }
                return delivered;
            }));
        }
        for (Future<Integer> result : results) {
            assertEquals(PER_THREAD, result.get(WAIT.toSeconds(), TimeUnit.SECONDS),
                    "every rule action reports its message delivered");
        }

        Map<String, List<Integer>> seen = new HashMap<>();
        for (int n = 0; n < THREADS * PER_THREAD; n++) {
            Observer.Received message = observer.next(30);
            String[] parts = message.payload().split(":");
            assertEquals("rules/" + parts[0], message.topic());
            seen.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        List<Integer> inOrder = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
            inOrder.add(i);
        }
        for (int t = 0; t < THREADS; t++) {
            assertEquals(inOrder, seen.get(Integer.toString(t)), "thread " + t + ": all, once, in its order");
        }
        assertEquals(0, modem.simulator().refusedWhileBusy(), "the bridge never had two publishes in flight");
    }
}
