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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * More sessions than the scheduler has threads, as with several bridges (or busy other bindings) on openHAB's
 * five-thread {@code thingHandler} pool: every bring-up blocks a pool thread and ends by a timeout (BC26's auto-baud
 * swallows the first AT), so the timeouts must not need a pool thread. All sessions come up, and the shared engine
 * timer thread ends with the last session.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SharedSchedulerTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    @Test
    void moreSessionsThanSchedulerThreadsAllComeUpAndTheTimerThreadEndsWithThem() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        List<SimTransport> modems = new ArrayList<>();
        List<ModemSession> sessions = new ArrayList<>();
        try (Mosquitto broker = Mosquitto.start(dir)) {
            for (int i = 0; i < 4; i++) {
                Bc26Simulator.Options options = new Bc26Simulator.Options();
                options.timeScale = 0.02;
                SimTransport modem = SimTransport.onPseudoTerminal(options, dir.resolve("tty" + i));
                modems.add(modem);
                sessions.add(new ModemSession(
                        SessionOptions.of(modem.portName(), MqttSettings.of(0, "127.0.0.1", broker.port(), "pool" + i)),
                        scheduler, new ModemSessionListener() {
                            @Override
                            public void sessionChanged(boolean online, @Nullable SessionFailure failure) {
                            }

                            @Override
                            public void messageReceived(MqttMessage message) {
                            }
                        }));
            }
            sessions.forEach(ModemSession::start);
            Await.until("all four sessions online on a two-thread scheduler", Duration.ofSeconds(30),
                    () -> sessions.stream().allMatch(ModemSession::isOnline));
            sessions.forEach(ModemSession::stop);
            Await.until("the engine timer thread ended with the last session", Duration.ofSeconds(10),
                    () -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(t -> t.getName().equals("OH-bc26-timer")));
        } finally {
            sessions.forEach(ModemSession::stop);
            modems.forEach(SimTransport::close);
            scheduler.shutdownNow();
        }
    }
}
