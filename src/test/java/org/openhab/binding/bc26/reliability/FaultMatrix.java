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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openhab.binding.bc26.internal.action.Bc26Actions;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;

/**
 * Runs every fault the simulator can inject against the real bridge handler while QoS 0/1/2 traffic flows both ways,
 * and records per fault: recovered or not, time back ONLINE after the fault cleared, QoS 1/2 messages lost, QoS 2
 * messages duplicated. Uplink: rule actions every 40 ms rotating QoS 0/1/2. Downlink: a broker-side client
 * publishing QoS 1 every 60 ms to a trigger channel; the bridge uses a persistent session (cleanSession=false) so the
 * broker keeps downlink messages while the modem is away. Writes the table to {@code doc/reliability.md}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class FaultMatrix implements AutoCloseable {

    /** One fault: how to start it, how to clear it, and how long it lasts. */
    public record Fault(String name, Injection start, Injection clear, Duration duration) {
    }

    /** A step of a fault. */
    public interface Injection {
        void run(FaultMatrix matrix) throws Exception;
    }

    /** What happened around one fault. */
    public record Row(String fault, boolean recovered, boolean wentOffline, double secondsToOffline,
            double secondsBackOnline, int uplinkSent, int uplinkLost, int uplinkDuplicatedQos2, int downlinkSent,
            int downlinkLost, int outboxLeft) {
    }

    /** The one fault that loses downlink by nature: the modem prints to a serial line nobody reads. */
    public static final String SERIAL_LINE_CUT = "serial line cut and restored (modem keeps power)";

    private static final Duration ONLINE_WAIT = Duration.ofSeconds(60);

    private final Path dir;
    private final Mosquitto broker;
    private final SimTransport modem;
    private final BridgeRig rig;
    private final Bridge bridge;
    private final Bc26ModemHandler handler;
    private final Bc26Actions actions;
    private final List<BridgeRig.Transition> transitions;
    private final MqttClient observer;
    private final Map<String, Integer> uplinkReceived = new ConcurrentHashMap<>();
    private final Map<String, Integer> downlinkReceived = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Set while the handler itself is away (openHAB restart): rules cannot publish through a disposed bridge. */
    private final AtomicBoolean uplinkPaused = new AtomicBoolean();

    public FaultMatrix(Path dir) throws Exception {
        this(dir, Bc26Simulator.Model.BC26);
    }

    /** The matrix against a simulated modem of another model of the family (its dialect, its receive path). */
    public FaultMatrix(Path dir, Bc26Simulator.Model model) throws Exception {
        this.dir = dir;
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        broker = Mosquitto.start(dir);
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        options.model = model;
        modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26"));
        Map<String, Object> config = BridgeRig.configFor(modem, broker);
        config.put("clientID", "matrix-modem");
        config.put("cleanSession", false);
        config.put("reconnectInitialSeconds", 1);
        config.put("reconnectMaxSeconds", 2);
        config.put("outboxSize", 10000);
        rig = new BridgeRig("matrix", config);
        rig.onDownlink(event -> downlinkReceived.merge(event, 1, Integer::sum));
        handler = rig.handler();
        actions = rig.actions();
        bridge = rig.bridge();
        transitions = rig.transitions();
        observer = new MqttClient(broker.uri(), "matrix-observer", new MemoryPersistence());
        observer.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(@Nullable Throwable cause) {
            }

            @Override
            public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                if (message != null) {
                    uplinkReceived.merge(new String(message.getPayload()), 1, Integer::sum);
                }
            }

            @Override
            public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
            }
        });
        connectObserver();
        handler.initialize();
        awaitOnline();
    }

    private void connectObserver() throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setMaxInflight(10000);
        observer.connect(options);
        observer.subscribe("up/#", 2);
    }

    public Bc26Simulator simulator() {
        return modem.simulator();
    }

    public SimTransport transport() {
        return modem;
    }

    public Mosquitto broker() {
        return broker;
    }

    private boolean awaitOnline() {
        return rig.awaitOnline(ONLINE_WAIT);
    }

    /** Runs one fault with traffic around it. */
    public Row run(Fault fault) throws Exception {
        uplinkReceived.clear();
        downlinkReceived.clear();
        Map<String, Integer> uplinkQos = new ConcurrentHashMap<>();
        List<String> downlinkSent = new ArrayList<>();
        AtomicBoolean traffic = new AtomicBoolean(true);
        Thread uplink = new Thread(() -> {
            while (traffic.get()) {
                if (uplinkPaused.get()) {
                    LockSupport.parkNanos(Duration.ofMillis(40).toNanos());
                    continue;
                }
                int n = sequence.incrementAndGet();
                int qos = n % 3;
                String id = "u" + n;
                uplinkQos.put(id, qos);
                actions.publish("up/" + qos, id, qos, false);
                LockSupport.parkNanos(Duration.ofMillis(40).toNanos());
            }
        }, "matrix-uplink");
        Thread downlink = new Thread(() -> {
            while (traffic.get()) {
                String id = "d" + sequence.incrementAndGet();
                try {
                    if (observer.isConnected()) {
                        observer.publish("down/x", id.getBytes(), 1, false);
                        synchronized (downlinkSent) {
                            downlinkSent.add(id);
                        }
                    }
                } catch (MqttException e) {
                    // broker away: nothing was sent
                }
                LockSupport.parkNanos(Duration.ofMillis(60).toNanos());
            }
        }, "matrix-downlink");
        uplink.start();
        downlink.start();
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        long started = System.nanoTime();
        fault.start().run(this);
        LockSupport.parkNanos(fault.duration().toNanos());
        fault.clear().run(this);
        long cleared = System.nanoTime();
        if (!observer.isConnected()) {
            Await.until("observer back", ONLINE_WAIT, () -> {
                try {
                    connectObserver();
                    return true;
                } catch (MqttException e) {
                    return false;
                }
            });
        }
        // A fault that takes the bridge down does so within seconds; wait for that before timing the way back.
        try {
            Await.until("bridge OFFLINE after " + fault.name(), Duration.ofSeconds(10),
                    () -> transitions.stream().anyMatch(t -> t.nanos() >= started && t.status() == ThingStatus.OFFLINE));
        } catch (AssertionError e) {
            // this fault did not take the bridge down
        }
        boolean recovered = awaitOnline();
        boolean wentOffline = transitions.stream()
                .anyMatch(t -> t.nanos() >= started && t.status() == ThingStatus.OFFLINE);
        long lastOffline = transitions.stream().filter(t -> t.nanos() >= started && t.status() == ThingStatus.OFFLINE)
                .mapToLong(BridgeRig.Transition::nanos).max().orElse(cleared);
        long online = transitions.stream()
                .filter(t -> t.nanos() >= Math.max(lastOffline, started) && t.status() == ThingStatus.ONLINE)
                .mapToLong(BridgeRig.Transition::nanos).min().orElse(cleared);
        double back = wentOffline ? Math.max(0, online - cleared) / 1e9 : 0;
        double toOffline = transitions.stream().filter(t -> t.nanos() >= started && t.status() == ThingStatus.OFFLINE)
                .mapToLong(BridgeRig.Transition::nanos).min().stream().mapToDouble(n -> (n - started) / 1e9)
                .findFirst().orElse(0);
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        traffic.set(false);
        uplink.join();
        downlink.join();
        // Let the outbox drain and in-flight messages land.
        try {
            // A long outage leaves a long backlog, sent one message per modem round trip: allow for it.
            Duration drain = ONLINE_WAIT.plusMillis(100L * handler.outboxSize());
            Await.until("outbox drained", drain, () -> handler.outboxSize() == 0);
        } catch (AssertionError e) {
            List<String> commands = simulator().receivedCommands();
            System.err.println("Outbox not drained after " + fault.name() + ": " + handler.outboxSize()
                    + " left; bridge " + bridge.getStatusInfo() + "; last modem commands "
                    + commands.subList(Math.max(0, commands.size() - 8), commands.size()));
        }
        int outboxLeft = handler.outboxSize();
        try {
            Await.until("uplink settled", Duration.ofSeconds(20), () -> uplinkQos.entrySet().stream()
                    .filter(e -> e.getValue() > 0).allMatch(e -> uplinkReceived.containsKey(e.getKey())));
        } catch (AssertionError e) {
            // counted below as lost
        }
        List<String> down;
        synchronized (downlinkSent) {
            down = List.copyOf(downlinkSent);
        }
        try {
            Await.until("downlink settled", Duration.ofSeconds(20),
                    () -> down.stream().allMatch(downlinkReceived::containsKey));
        } catch (AssertionError e) {
            // counted below as lost
        }
        int lost = (int) uplinkQos.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !uplinkReceived.containsKey(e.getKey())).count();
        int duplicated = (int) uplinkQos.entrySet().stream()
                .filter(e -> e.getValue() == 2 && uplinkReceived.getOrDefault(e.getKey(), 0) > 1).count();
        List<String> downMissing = down.stream().filter(id -> !downlinkReceived.containsKey(id)).toList();
        int downLost = downMissing.size();
        if (downLost > 0) {
            System.err.println(fault.name() + ": downlink not received " + downMissing + " of " + down);
        }
        return new Row(fault.name(), recovered, wentOffline, toOffline, back, uplinkQos.size(), lost, duplicated,
                down.size(), downLost, outboxLeft);
    }

    /** The faults; {@code outage} is how long the long-lasting ones last. */
    public static List<Fault> faults(Duration outage, boolean allCodes) {
        List<Fault> faults = new ArrayList<>();
        Injection nothing = m -> {
        };
        for (int code = 1; code <= 7; code++) {
            if (allCodes || code == 1 || code == 2) {
                int c = code;
                faults.add(new Fault("+QMTSTAT: 0," + c, m -> m.simulator().injectQmtStat(0, c), nothing,
                        Duration.ZERO));
            }
        }
        for (int result : new int[] { -1, 3, 4, 5 }) {
            if (allCodes || result == 3) {
                faults.add(new Fault("+QMTOPEN: 0," + result, m -> {
                    m.simulator().failNextOpen(result);
                    m.simulator().injectQmtStat(0, 1);
                }, nothing, Duration.ZERO));
            }
        }
        for (int code = 1; code <= 5; code++) {
            if (allCodes || code == 4) {
                int c = code;
                faults.add(new Fault("CONNACK refused " + c, m -> {
                    m.simulator().refuseNextConnect(c);
                    m.simulator().injectQmtStat(0, 1);
                }, nothing, Duration.ZERO));
            }
        }
        faults.add(new Fault("broker accepts, then drops at once (+QMTCONN and +QMTSTAT in one write)", m -> {
            m.simulator().acceptThenDropNextConnect();
            m.simulator().injectQmtStat(0, 1);
        }, nothing, Duration.ZERO));
        if (allCodes) {
            for (Bc26Simulator.Qos2Step step : Bc26Simulator.Qos2Step.values()) {
                faults.add(new Fault(qos2CutName(step), m -> m.simulator().cutConnectionAt(step), nothing,
                        Duration.ZERO));
            }
        }
        faults.add(new Fault("broker restart", m -> m.broker().stop(), m -> m.broker().restart(), outage));
        faults.add(new Fault("modem reboot", m -> m.simulator().reboot(), nothing, Duration.ZERO));
        faults.add(new Fault(SERIAL_LINE_CUT, m -> m.transport().cutLink(),
                m -> m.transport().restoreLink(), outage));
        faults.add(new Fault("USB adapter unplugged and replugged (board powered by it)", m -> {
            m.simulator().powerOff();
            m.transport().cutLink();
        }, m -> {
            m.transport().restoreLink();
            m.simulator().reboot();
        }, outage));
        faults.add(new Fault("openHAB restarted, modem kept its session (stale client)", m -> {
            m.uplinkPaused.set(true);
            m.handler.dispose();
            m.simulator().leaveStaleClient(0);
            m.handler.initialize();
            m.uplinkPaused.set(false);
        }, nothing, Duration.ZERO));
        faults.add(new Fault("garbage and half lines", m -> m.simulator().sendRaw(
                "\u0000\u00ff\r\nnoise\r\n+QMTRECV: 0,1,\"down/x\",\"cut".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                nothing, Duration.ZERO));
        faults.add(new Fault("URC burst (2000)", m -> m.simulator().urcBurst(2000), nothing, Duration.ZERO));
        faults.add(new Fault("answers slower than the timeouts", m -> {
            m.simulator().slowAnswers(Duration.ofSeconds(60));
            m.simulator().injectQmtStat(0, 2);
        }, m -> m.simulator().slowAnswers(Duration.ZERO), outage));
        faults.addAll(lateModemFaults(outage));
        faults.add(new Fault("SIM removed", m -> m.simulator().setSimInserted(false),
                m -> m.simulator().setSimInserted(true), outage));
        faults.add(new Fault("registration lost", m -> m.simulator().loseRegistration(),
                m -> m.simulator().regainRegistration(), outage));
        if (allCodes) {
            faults.add(new Fault("registration lost for 3 minutes", m -> m.simulator().loseRegistration(),
                    m -> m.simulator().regainRegistration(), Duration.ofMinutes(3)));
        }
        return faults;
    }

    /** The prefix of the rows of a modem that is late rather than silent. */
    public static final String LATE_MODEM = "late modem: ";

    /**
     * A modem that is neither on time nor silent: answers just past the host's timeout, answers split around URCs, an
     * AT task that hangs while the MQTT session inside lives on, a restart that prints no banner, PSM that swallows the
     * next line.
     */
    static List<Fault> lateModemFaults(Duration outage) {
        Injection nothing = m -> {
        };
        return List.of(
                new Fault(LATE_MODEM + "three publishes answered 650 ms late (timeout 600 ms)",
                        m -> m.simulator().answerFaults().answerLate("AT+QMTPUB", Duration.ofMillis(650), 3), nothing,
                        Duration.ZERO),
                new Fault(LATE_MODEM + "a publish's OK split from it by URCs",
                        m -> m.simulator().answerFaults().splitNextAnswer("AT+QMTPUB", "+CSCON: 1", "+CEREG: 1",
                                "+QNBIOTEVENT: \"EXIT PSM\""),
                        nothing, Duration.ZERO),
                new Fault(LATE_MODEM + "AT task hangs, its MQTT session lives on",
                        m -> m.simulator().answerFaults().hang(), m -> m.simulator().answerFaults().resume(), outage),
                new Fault(LATE_MODEM + "restart printing only +CPIN: READY (no boot banner)",
                        m -> m.simulator().restartQuietly("\r\n+CPIN: READY\r\n"), nothing, Duration.ZERO),
                new Fault(LATE_MODEM + "PSM entered: the next line only wakes the modem",
                        m -> m.simulator().enterPsm(), nothing, Duration.ZERO));
    }

    /** The row of a connection cut at one step of a QoS 2 publish. */
    public static String qos2CutName(Bc26Simulator.Qos2Step step) {
        return "connection cut during a QoS 2 publish, " + switch (step) {
            case AFTER_PUBLISH -> "PUBLISH sent, PUBREC not received";
            case AFTER_PUBREC -> "PUBREC received, PUBREL not sent";
            case AFTER_PUBREL -> "PUBREL sent, PUBCOMP not received";
        };
    }

    /** Writes the table. */
    public static String table(List<Row> rows, String command) {
        StringBuilder text = new StringBuilder();
        text.append("| fault | bridge went OFFLINE | OFFLINE after the fault began (s) | recovered "
                + "| back ONLINE after the fault cleared (s) | uplink sent "
                + "| uplink QoS 1/2 lost | uplink QoS 2 duplicated | downlink QoS 1 sent | downlink lost "
                + "| outbox left after the drain wait |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %d | %d | %d | %d | %d |%n",
                    row.fault(), row.wentOffline() ? "yes" : "no",
                    row.wentOffline() ? String.format(Locale.ROOT, "%.1f", row.secondsToOffline()) : "-",
                    row.recovered() ? "yes" : "**no**",
                    row.wentOffline() ? String.format(Locale.ROOT, "%.1f", row.secondsBackOnline()) : "-",
                    row.uplinkSent(), row.uplinkLost(), row.uplinkDuplicatedQos2(), row.downlinkSent(),
                    row.downlinkLost(), row.outboxLeft()));
        }
        text.append("\nProduced by `").append(command).append("` on ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n");
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        rig.close();
        try {
            observer.disconnect();
            observer.close();
        } catch (MqttException e) {
            // closing anyway
        }
        modem.close();
        broker.close();
    }

    /**
     * The long version: every code, outages of 20 s; writes doc/reliability.md. With a second argument {@code late}
     * only the late-modem rows run, into their own section.
     */
    public static void main(String[] args) throws Exception {
        Duration outage = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
        boolean lateOnly = args.length > 1 && args[1].equals("late");
        if (lateOnly) {
            mainLate(outage);
            return;
        }
        Path dir = Files.createTempDirectory("bc26-matrix");
        List<Row> rows = new ArrayList<>();
        try (FaultMatrix matrix = new FaultMatrix(dir)) {
            for (Fault fault : faults(outage, true)) {
                Row row = matrix.run(fault);
                System.out.println(row);
                rows.add(row);
            }
        }
        String report = "## Fault matrix\n\n"
                + "Every fault the simulator injects, against the real bridge handler through jSerialComm on a "
                + "pseudo-terminal, the simulator (delays scaled by 0.02, strict profile: one packet in flight, its "
                + "MQTT side putting the host's message ids on the wire) and a real mosquitto (persistent), while rule "
                + "actions publish QoS 0/1/2 every 40 ms and a broker-side client publishes QoS 1 to the modem every "
                + "60 ms (the bridge keeps a persistent session, cleanSession=false). Outages last "
                + outage.toSeconds() + " s unless the name says otherwise. \"Lost\" counts QoS 1/2 messages never "
                + "delivered after the outbox drained; QoS 0 messages may be dropped by design and are not counted.\n\n"
                + table(rows, "./mvnw -q -B -ntp test-compile exec:java -Dexec.mainClass=org.openhab.binding.bc26."
                        + "reliability.FaultMatrix -Dexec.args=" + outage.toSeconds());
        DocSection.write(Path.of("doc/reliability.md"), "fault-matrix", report);
        System.out.println(report);
        System.exit(0);
    }

    private static void mainLate(Duration outage) throws Exception {
        Path dir = Files.createTempDirectory("bc26-matrix");
        List<Row> rows = new ArrayList<>();
        try (FaultMatrix matrix = new FaultMatrix(dir)) {
            for (Fault fault : lateModemFaults(outage)) {
                Row row = matrix.run(fault);
                System.out.println(row);
                rows.add(row);
            }
        }
        String report = table(rows, "./mvnw -q -B -ntp test-compile exec:java -Dexec.mainClass=org.openhab.binding.bc26."
                + "reliability.FaultMatrix -Dexec.args=\"" + outage.toSeconds() + " late\"");
        DocSection.write(Path.of("doc/reliability.md"), "late-modem", report);
        System.out.println(report);
        System.exit(0);
    }
}
