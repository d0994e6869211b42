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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Heap;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * Hours of a site's traffic compressed: rules publish QoS 0/1/2 from four threads while a broker-side client
 * publishes QoS 1 to the modem, and a random fault hits every few hundred messages. Samples heap (after GC), threads
 * and open file descriptors; at the end counts what was lost or duplicated. The short version runs in the test suite
 * ({@code SoakTest}); {@link #main} runs the long one and writes its section of doc/reliability.md.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Soak {

    /** What a run found. */
    public record Result(long uplinkSent, long uplinkQos12Lost, long uplinkQos2Duplicated, long uplinkQos0Lost,
            long downlinkSent, long downlinkLost, Map<String, Integer> faults, List<Sample> samples, double seconds,
            int outboxLeft, Map<String, String> qos2DuplicatesByCause) {
    }

    /** One sample of the process. */
    public record Sample(double seconds, long messages, double heapMb, int threads, int fileDescriptors) {
    }

    /**
     * Which numbered messages were sent (with their QoS) and how often each arrived, in fixed arrays allocated up
     * front, so the harness's own bookkeeping does not grow the heap the soak samples.
     */
    private static final class Tally {
        private final byte[] qos;
        private final java.util.concurrent.atomic.AtomicIntegerArray arrivals;
        private final AtomicLong distinct = new AtomicLong();
        private final AtomicLong sent = new AtomicLong();

        Tally(long size) {
            qos = new byte[(int) size + 1];
            java.util.Arrays.fill(qos, (byte) -1);
            arrivals = new java.util.concurrent.atomic.AtomicIntegerArray((int) size + 1);
        }

        void sent(long n, int q) {
            qos[(int) n] = (byte) q;
            sent.incrementAndGet();
        }

        /** An arrival of message {@code id} ("u12", "d7"); ids of other runs are ignored. */
        void arrived(String id) {
            try {
                int n = Integer.parseInt(id.substring(1));
                if (n > 0 && n < qos.length && arrivals.getAndIncrement(n) == 0) {
                    distinct.incrementAndGet();
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // not one of ours
            }
        }

        long distinctArrivals() {
            return distinct.get();
        }

        long sent() {
            return sent.get();
        }

        /** Sent messages of a QoS (or any QoS above 0 when {@code q} is -1) that never arrived. */
        long missing(int q) {
            long count = 0;
            for (int n = 1; n < qos.length; n++) {
                if (qos[n] >= 0 && (q < 0 ? qos[n] > 0 : qos[n] == q) && arrivals.get(n) == 0) {
                    count++;
                }
            }
            return count;
        }

        /** How often message {@code n} arrived. */
        int arrivals(long n) {
            return n > 0 && n < qos.length ? arrivals.get((int) n) : 0;
        }

        long duplicated(int q) {
            long count = 0;
            for (int n = 1; n < qos.length; n++) {
                if (qos[n] == q && arrivals.get(n) > 1) {
                    count++;
                }
            }
            return count;
        }
    }

    private static final int UPLINK_THREADS = 4;
    private static final Duration RULE_INTERVAL = Duration.ofMillis(8);
    private static final int BACKLOG = 300;

    private Soak() {
    }

    /** The faults of the soak; link cuts are in the fault matrix (a cut serial line loses downlink by nature). */
    private static final List<String> FAULTS = List.of("+QMTSTAT", "QMTOPEN failure", "CONNACK refused",
            "modem reboot", "garbage", "URC burst", "slow answers", "registration lost", "broker restart",
            "QoS 2 connection cut");

    /**
     * Runs until {@code messagesEachWay} went up and down.
     *
     * @param faultEvery a fault comes after a random number of delivered uplink messages between half and 1.5 times
     *            this
     */
    public static Result run(Path dir, long messagesEachWay, int faultEvery, long seed) throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        Random random = new Random(seed);
        try (Mosquitto broker = Mosquitto.start(dir)) {
            Bc26Simulator.Options options = new Bc26Simulator.Options();
            options.timeScale = 0.0;
            options.sleepMode = 0;
            try (SimTransport modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttySoak"))) {
                Map<String, Object> config = BridgeRig.configFor(modem, broker);
                config.put("cleanSession", false);
                config.put("reconnectInitialSeconds", 1);
                config.put("reconnectMaxSeconds", 2);
                config.put("outboxSize", 100_000);
                config.put("refreshInterval", 10);
                Tally down = new Tally(messagesEachWay);
                try (BridgeRig rig = new BridgeRig("soak", config)) {
                    rig.onDownlink(down::arrived);
                    rig.handler().initialize();
                    require(rig.awaitOnline(Duration.ofSeconds(60)), "bridge ONLINE");
                    return drive(rig, modem, broker, messagesEachWay, faultEvery, random, down);
                }
            }
        }
    }

    private static Result drive(BridgeRig rig, SimTransport modem, Mosquitto broker, long messagesEachWay,
            int faultEvery, Random random, Tally down) throws Exception {
        Tally up = new Tally(messagesEachWay);
        MqttClient observer = observer(broker, up);
        AtomicLong upCount = new AtomicLong();
        AtomicLong downCount = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < UPLINK_THREADS; t++) {
            int lane = t;
            threads.add(new Thread(() -> {
                long n;
                while (running.get() && (n = upCount.incrementAndGet()) <= messagesEachWay) {
                    // Rules produce at a rate the modem sustains: an outage builds a backlog of a few hundred, not
                    // of everything the rules would publish while it lasts (that would measure only the drain).
                    while (running.get() && rig.handler().outboxSize() > BACKLOG) {
                        LockSupport.parkNanos(RULE_INTERVAL.toNanos());
                    }
                    int qos = (int) (n % 3);
                    String id = "u" + n;
                    up.sent(n, qos);
                    rig.actions().publish("up/" + lane + "/" + qos, id, qos, false);
                    // A rule fires again a little later (at most about 500 messages/s from four rules); without
                    // this, rules would fill the outbox in a moment during every outage and the soak would only
                    // measure draining it.
                    LockSupport.parkNanos(RULE_INTERVAL.toNanos());
                }
            }, "soak-uplink-" + t));
        }
        threads.add(new Thread(() -> {
            long n = 0;
            while (running.get() && n < messagesEachWay) {
                String id = "d" + (n + 1);
                try {
                    observer.publish("down/x", id.getBytes(), 1, false);
                    down.sent(n + 1, 1);
                    n++;
                    downCount.set(n);
                    // Keep the downlink near the uplink's pace so both directions overlap for the whole run.
                    while (running.get() && n > upCount.get() + 2000) {
                        LockSupport.parkNanos(1_000_000);
                    }
                } catch (MqttException e) {
                    reconnect(observer);
                }
            }
        }, "soak-downlink"));
        long started = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(started, 0));
        threads.forEach(Thread::start);
        Map<String, Integer> faults = new TreeMap<>();
        long nextFault = faultEvery / 2 + random.nextInt(faultEvery + 1);
        long nextSample = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (upCount.get() < messagesEachWay || downCount.get() < messagesEachWay) {
            // The fault clock counts delivered messages, so faults do not pile up while the bridge is still down.
            if (up.distinctArrivals() >= nextFault) {
                String fault = FAULTS.get(random.nextInt(FAULTS.size()));
                faults.merge(fault, 1, Integer::sum);
                inject(fault, modem, broker, random);
                if (!observer.isConnected()) {
                    reconnect(observer);
                }
                nextFault = up.distinctArrivals() + faultEvery / 2 + random.nextInt(faultEvery + 1);
            }
            if (System.nanoTime() >= nextSample) {
                samples.add(sample(started, upCount.get() + downCount.get()));
                System.out.println("Soak: " + samples.get(samples.size() - 1) + ", outbox "
                        + rig.handler().outboxSize() + ", bridge " + rig.status());
                nextSample = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            LockSupport.parkNanos(2_000_000);
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf(Locale.ROOT, "Soak: traffic done after %.0f s, %s, outbox %d, bridge %s%n",
                (System.nanoTime() - started) / 1e9, faults, rig.handler().outboxSize(), rig.status());
        rig.awaitOnline(Duration.ofSeconds(60));
        try {
            Await.until("outbox drained", Duration.ofSeconds(120), () -> rig.handler().outboxSize() == 0);
            Await.until("uplink settled", Duration.ofSeconds(30), () -> up.missing(-1) == 0);
            Await.until("downlink settled", Duration.ofSeconds(30),
                    () -> down.missing(1) == 0);
        } catch (AssertionError e) {
            // counted below
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        samples.add(sample(started, upCount.get() + downCount.get()));
        try {
            observer.disconnect();
            observer.close();
        } catch (MqttException e) {
            // closing anyway
        }
        return new Result(up.sent(), up.missing(-1), up.duplicated(2), up.missing(0), down.sent(), down.missing(1),
                faults, samples, seconds, rig.handler().outboxSize(),
                duplicatesByCause(modem.simulator().cuts(), up));
    }

    /**
     * QoS 2 duplicates by cause: for each step of the QoS 2 handshake, how many of the messages cut there arrived
     * twice, of how many cut; the rest came from the other faults.
     */
    private static Map<String, String> duplicatesByCause(List<Bc26Simulator.Qos2Cut> cuts, Tally up) {
        Map<String, String> byCause = new java.util.LinkedHashMap<>();
        long attributed = 0;
        for (Bc26Simulator.Qos2Step step : Bc26Simulator.Qos2Step.values()) {
            List<Bc26Simulator.Qos2Cut> atStep = cuts.stream().filter(c -> c.step() == step).toList();
            long duplicated = atStep.stream().filter(c -> c.payload().startsWith("u"))
                    .filter(c -> up.arrivals(Long.parseLong(c.payload().substring(1))) > 1).count();
            attributed += duplicated;
            byCause.put(FaultMatrix.qos2CutName(step), duplicated + " of " + atStep.size() + " cut");
        }
        byCause.put("other faults", Long.toString(Math.max(0, up.duplicated(2) - attributed)));
        return byCause;
    }

    private static void inject(String fault, SimTransport modem, Mosquitto broker, Random random) throws Exception {
        Bc26Simulator simulator = modem.simulator();
        switch (fault) {
            case "+QMTSTAT" -> simulator.injectQmtStat(0, 1 + random.nextInt(7));
            case "QMTOPEN failure" -> {
                simulator.failNextOpen(new int[] { -1, 3, 4, 5 }[random.nextInt(4)]);
                simulator.injectQmtStat(0, 1);
            }
            case "CONNACK refused" -> {
                simulator.refuseNextConnect(1 + random.nextInt(5));
                simulator.injectQmtStat(0, 1);
            }
            case "modem reboot" -> simulator.reboot();
            case "QoS 2 connection cut" -> simulator
                    .cutConnectionAt(Bc26Simulator.Qos2Step.values()[random.nextInt(Bc26Simulator.Qos2Step.values().length)]);
            case "garbage" -> simulator.sendRaw("\u0000\u00ff\r\nnoise\r\n+QMTRECV: 0,1,\"down/x\",\"cut"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            case "URC burst" -> simulator.urcBurst(500);
            case "slow answers" -> {
                simulator.slowAnswers(Duration.ofSeconds(60));
                simulator.injectQmtStat(0, 2);
                pause(Duration.ofSeconds(2));
                simulator.slowAnswers(Duration.ZERO);
            }
            case "registration lost" -> {
                simulator.loseRegistration();
                pause(Duration.ofSeconds(2));
                simulator.regainRegistration();
            }
            case "broker restart" -> {
                broker.stop();
                pause(Duration.ofMillis(500));
                broker.restart();
            }
            default -> throw new IllegalArgumentException(fault);
        }
    }

    /** An outage lasts this long on purpose: the fault is the time, not a wait for something. */
    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private static MqttClient observer(Mosquitto broker, Tally up) throws MqttException {
        MqttClient observer = new MqttClient(broker.uri(), "soak-observer", new MemoryPersistence());
        observer.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(@Nullable Throwable cause) {
            }

            @Override
            public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                if (message != null) {
                    up.arrived(new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }

            @Override
            public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
            }
        });
        connect(observer);
        return observer;
    }

    private static void connect(MqttClient observer) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setMaxInflight(65535);
        options.setSocketFactory(org.openhab.binding.bc26.internal.modem.testing.NoDelaySockets.INSTANCE);
        observer.connect(options);
        observer.subscribe("up/#", 2);
    }

    private static synchronized void reconnect(MqttClient observer) {
        try {
            Await.until("observer connected", Duration.ofSeconds(30), () -> {
                if (observer.isConnected()) {
                    return true;
                }
                try {
                    connect(observer);
                    return true;
                } catch (MqttException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            // the broker stays away; the next publish tries again
        }
    }

    private static Sample sample(long started, long messages) {
        double heap = Heap.usedAfterGcMb();
        File[] fds = new File("/proc/self/fd").listFiles();
        return new Sample((System.nanoTime() - started) / 1e9, messages, heap, Thread.activeCount(),
                fds == null ? -1 : fds.length);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Soak step failed: " + what);
        }
    }

    /** The report section. */
    public static String report(Result result, String command) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                ## Soak

                Four rule threads publish QoS 0/1/2 through the bridge's rule actions while a broker-side client \
                publishes QoS 1 to the modem (persistent session), through jSerialComm on a pseudo-terminal, the \
                simulator answering at once (time scale 0) and a real persistent mosquitto; a random fault every \
                few hundred uplink messages (faults: %s). Samples every 10 s: heap used after a full GC, live \
                threads, open file descriptors of the process (the simulator and the broker-side clients run in it \
                too).

                | measure | value |
                |---|---|
                | duration | %.0f s |
                | uplink messages (rule actions) | %d |
                | uplink QoS 1/2 lost | **%d** |
                | uplink QoS 2 duplicated | **%d** (%s) |
                | uplink QoS 0 not delivered (allowed) | %d |
                | downlink QoS 1 messages | %d |
                | downlink lost | **%d** |
                | faults injected | %d: %s |
                | outbox left at the end | %d |
                """, String.join(", ", FAULTS), result.seconds(), result.uplinkSent(), result.uplinkQos12Lost(),
                result.uplinkQos2Duplicated(), result.qos2DuplicatesByCause().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining("; ")),
                result.uplinkQos0Lost(), result.downlinkSent(), result.downlinkLost(),
                result.faults().values().stream().mapToInt(Integer::intValue).sum(), result.faults(),
                result.outboxLeft()));
        List<Sample> samples = result.samples();
        Sample first = samples.get(Math.min(1, samples.size() - 1));
        Sample last = samples.get(samples.size() - 1);
        text.append(String.format(Locale.ROOT, """

                | sample | time (s) | messages | heap after GC (MB) | threads | open FDs |
                |---|---|---|---|---|---|
                | before traffic | %.0f | %d | %.1f | %d | %d |
                | first under load | %.0f | %d | %.1f | %d | %d |
                | largest heap | %s |
                | last (after the run settled) | %.0f | %d | %.1f | %d | %d |

                Produced by `%s` on %s, %d cores.
                """, samples.get(0).seconds(), samples.get(0).messages(), samples.get(0).heapMb(),
                samples.get(0).threads(), samples.get(0).fileDescriptors(), first.seconds(), first.messages(),
                first.heapMb(), first.threads(), first.fileDescriptors(),
                samples.stream().max(java.util.Comparator.comparingDouble(Sample::heapMb))
                        .map(s -> String.format(Locale.ROOT, "%.0f | %d | %.1f | %d | %d", s.seconds(), s.messages(),
                                s.heapMb(), s.threads(), s.fileDescriptors()))
                        .orElse("-"),
                last.seconds(), last.messages(), last.heapMb(), last.threads(), last.fileDescriptors(), command,
                LocalDate.now(), Runtime.getRuntime().availableProcessors()));
        return text.toString();
    }

    /** The long soak: {@code [messages each way] [fault every N]}; writes its section of doc/reliability.md. */
    public static void main(String[] args) throws Exception {
        long messages = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int faultEvery = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Files.createTempDirectory("bc26-soak");
        Result result = run(dir, messages, faultEvery, 26);
        String report = report(result, "./mvnw -q -B -ntp test-compile exec:java -Dexec.mainClass=org.openhab.binding."
                + "bc26.reliability.Soak -Dexec.args=\"" + messages + " " + faultEvery + "\"");
        DocSection.write(Path.of("doc/reliability.md"), "soak", report);
        System.out.println(report);
        for (Sample sample : result.samples()) {
            System.out.println(sample);
        }
        System.exit(0);
    }
}
