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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.common.ThreadPoolManager;

/**
 * Each bridge owns its modem through a thread of its own: while one bridge waits minutes for a cell that is gone and
 * another drains a backlog, no thread of openHAB's shared {@code thingHandler} pool (five threads for every binding)
 * is inside the binding, a task on that pool runs, and both bridges are disposed within openHAB's 5 s.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class BridgeThreadsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();

    @AfterEach
    void stop() throws Exception {
        resources.close();
    }

    private SimTransport modem(String name) throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.05;
        SimTransport modem = SimTransport.onPseudoTerminal(options, dir.resolve("tty" + name));
        resources.add(modem);
        return modem;
    }

    @Test
    void aBridgeInALongOutageAndOneDrainingABacklogHoldNoThreadOfOpenHabsPool() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        Mosquitto broker = Mosquitto.start(dir);
        resources.add(broker);

        // No cell for the first bridge: its bring-up waits for registration (two minutes at a time).
        SimTransport outageModem = modem("Outage");
        outageModem.simulator().loseRegistration();
        BridgeRig outage = new BridgeRig("outage", BridgeRig.configFor(outageModem, broker));
        outage.handler().initialize();

        // The second bridge builds a backlog while its cell is gone, then drains it when the cell comes back.
        SimTransport drainModem = modem("Drain");
        BridgeRig drain = new BridgeRig("drain", BridgeRig.configFor(drainModem, broker));
        drain.handler().initialize();
        assertTrue(drain.awaitOnline(WAIT), "the draining bridge came up");
        drainModem.simulator().loseRegistration();
        Await.until("the draining bridge offline", WAIT, () -> !drain.handler().isSessionOnline());
        for (int i = 0; i < 150; i++) {
            drain.actions().publish("backlog/" + i, "m" + i, 1, false);
        }
        assertEquals(150, drain.handler().outboxSize(), "the backlog waits in the outbox");
        drainModem.simulator().regainRegistration();
        Await.until("the drain started", WAIT, () -> drain.handler().outboxSize() < 150);

        ScheduledExecutorService pool = ThreadPoolManager.getScheduledPool("thingHandler");
        int samples = 0;
        List<String> inBinding = new ArrayList<>();
        while (drain.handler().outboxSize() > 0 && samples < 100_000) {
            samples++;
            inBinding.addAll(poolThreadsInBinding());
            assertTrue(pool.submit(() -> true).get(10, TimeUnit.SECONDS), "a task on openHAB's pool runs");
        }
        assertEquals(0, drain.handler().outboxSize(), "the backlog drained");
        assertFalse(outage.handler().isSessionOnline(), "the other bridge was still in its outage throughout");
        assertTrue(samples > 5, "sampled while the drain ran: " + samples);
        assertEquals(List.of(), inBinding, "threads of openHAB's pool found inside the binding");

        for (BridgeRig rig : List.of(outage, drain)) {
            long start = System.nanoTime();
            rig.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5000, rig.bridge().getUID() + " disposed in " + millis + " ms");
        }
        Await.until("no bridge thread left", WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("OH-bc26-outage") || t.getName().equals("OH-bc26-drain")));
    }

    /** A fault a bridge may be in when openHAB disposes it. */
    private record Fault(String name, BiConsumer<SimTransport, Mosquitto> inject) {
    }

    /**
     * Whatever state the modem is in, dispose() returns within openHAB's 5 s (openHAB warns past that) and leaves no
     * thread behind.
     */
    @Test
    void disposeReturnsWithinFiveSecondsWhateverTheModemIsDoing() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        Mosquitto broker = Mosquitto.start(dir);
        resources.add(broker);
        List<Fault> faults = List.of(new Fault("online, nothing wrong", (m, b) -> {
        }), new Fault("answers slower than every timeout", (m, b) -> m.simulator().slowAnswers(Duration.ofSeconds(60))),
                new Fault("modem without power", (m, b) -> m.simulator().powerOff()),
                new Fault("serial line cut", (m, b) -> m.cutLink()), new Fault("broker gone", (m, b) -> b.stop()),
                new Fault("cell gone", (m, b) -> m.simulator().loseRegistration()),
                new Fault("modem rebooting", (m, b) -> m.simulator().reboot()));
        List<String> slow = new ArrayList<>();
        int n = 0;
        for (Fault fault : faults) {
            SimTransport modem = modem("Dispose" + (++n));
            Map<String, Object> config = BridgeRig.configFor(modem, broker);
            config.put("shutdownTopic", "site/status");
            config.put("shutdownMessage", "bye");
            BridgeRig rig = new BridgeRig("dispose" + n, config);
            rig.handler().initialize();
            assertTrue(rig.awaitOnline(WAIT), fault.name() + ": ONLINE first");
            fault.inject().accept(modem, broker);
            long start = System.nanoTime();
            rig.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("dispose, " + fault.name() + ": " + millis + " ms");
            if (millis >= 5000) {
                slow.add(fault.name() + " " + millis + " ms");
            }
            if (fault.name().equals("broker gone")) {
                broker.restart();
            }
            String thread = "OH-bc26-dispose" + n;
            Await.until("no thread of " + thread + " left", WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith(thread)));
        }
        assertEquals(List.of(), slow, "disposed in 5 s or more");
    }

    /** Names and top binding frame of thingHandler pool threads that are running the binding's code right now. */
    private static List<String> poolThreadsInBinding() {
        List<String> found = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!thread.getName().startsWith("OH-thingHandler")) {
                return;
            }
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("org.openhab.binding.bc26")) {
                    found.add(thread.getName() + " in " + frame);
                    return;
                }
            }
        });
        return found;
    }
}
