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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * Input built to break the binding, fed through the real bridge handler, jSerialComm on a pseudo-terminal, the
 * simulator and a real mosquitto with a password: publish topics, payloads, subscription filters, configuration
 * values and modem output. Every case must end in a clear error or in correct handling (the broker receives exactly
 * the bytes), must not inject an AT command (the modem never sees {@code AT+QRST} or {@code AT+QPOWD}, never
 * reboots), and must leave the bridge working (a probe message goes through after it). The password never appears in
 * a status description or in the log (checked by the test against the log file).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class BadInputCorpus implements AutoCloseable {

    /** One case and how it ended. */
    public record Outcome(String category, String input, String expected, boolean passed, String detail) {
    }

    /** The broker password: it must never show in a log or a status. */
    public static final String SECRET = "Pa55-s3cr3t-w0rd";
    private static final String USER = "site";
    /** What an injection would try to make the modem do. */
    private static final String INJECTED = "AT+QRST=1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private final Mosquitto broker;
    private final SimTransport modem;
    private final BridgeRig rig;
    private final MqttClient observer;
    private final Map<String, byte[]> atBroker = new ConcurrentHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private int probes;

    public BadInputCorpus(Path dir) throws Exception {
        this.dir = dir;
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        broker = Mosquitto.start(dir, USER, SECRET);
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.0;
        modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyCorpus"));
        rig = new BridgeRig("corpus", config(Map.of()));
        observer = new MqttClient(broker.uri(), "corpus-observer", new MemoryPersistence());
        observer.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(@Nullable Throwable cause) {
            }

            @Override
            public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                if (topic != null && message != null) {
                    atBroker.put(topic, message.getPayload());
                }
            }

            @Override
            public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setUserName(USER);
        connect.setPassword(SECRET.toCharArray());
        observer.connect(connect);
        observer.subscribe("#", 1);
        rig.handler().initialize();
        if (!rig.awaitOnline(WAIT)) {
            throw new IllegalStateException("The corpus bridge did not come ONLINE: " + rig.bridge().getStatusInfo());
        }
    }

    private Map<String, Object> config(Map<String, Object> overrides) {
        Map<String, Object> config = BridgeRig.configFor(modem, broker);
        config.put("username", USER);
        config.put("password", SECRET);
        config.put("reconnectInitialSeconds", 1);
        config.putAll(overrides);
        return config;
    }

    /** Runs every case; the outcomes in order. */
    public List<Outcome> run() throws Exception {
        publishTopics();
        payloads();
        subscriptionFilters();
        modemOutput();
        configurationValues();
        return List.copyOf(outcomes);
    }

    // ---- publish topics ----

    private void publishTopics() throws Exception {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("quote", "site/\"pump");
        topics.put("CR LF and a command", "site/pump\r\n" + INJECTED + "\r\n");
        topics.put("LF alone", "site/pump\nx");
        topics.put("Ctrl+Z and a command", "site/pump\u001a" + INJECTED);
        topics.put("ESC and a command", "site/pump\u001b" + INJECTED);
        topics.put("NUL", "site/\u0000pump");
        topics.put("wildcard +", "site/+/pump");
        topics.put("wildcard #", "site/#");
        topics.put("empty", "");
        topics.put("over-long (300 bytes)", "t/" + "x".repeat(298));
        topics.put("invalid UTF-16 (lone surrogate)", "site/\ud800pump");
        for (Map.Entry<String, String> topic : topics.entrySet()) {
            check("publish topic", topic.getKey(), "refused with a clear error, not queued", () -> {
                int queued = rig.handler().outboxSize();
                boolean sent = rig.actions().publish(topic.getValue(), "1", 1, false);
                String error = rig.lastError();
                return verdict(!sent && rig.handler().outboxSize() == queued && !error.isBlank(), error);
            });
        }
    }

    // ---- payloads ----

    private void payloads() throws Exception {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        payloads.put("quotes", "{\"t\": \"21.5\", \"say\": \"\\\"hi\\\"\"}".getBytes(StandardCharsets.UTF_8));
        payloads.put("CR LF and a command", ("a\r\n" + INJECTED + "\r\nb").getBytes(StandardCharsets.UTF_8));
        payloads.put("Ctrl+Z and a command", ("a\u001a" + INJECTED + "\r\n").getBytes(StandardCharsets.UTF_8));
        payloads.put("ESC and a command", ("a\u001b" + INJECTED + "\r\n").getBytes(StandardCharsets.UTF_8));
        payloads.put("NUL bytes", new byte[] { 'a', 0, 'b', 0 });
        payloads.put("invalid UTF-8", new byte[] { (byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, 'x' });
        payloads.put("empty", new byte[0]);
        payloads.put("1024 bytes with quotes", ("\"" + "x".repeat(1022) + "\"").getBytes(StandardCharsets.UTF_8));
        payloads.put("2 KB", "y".repeat(2048).getBytes(StandardCharsets.UTF_8));
        payloads.put("100 KB", "z".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        payloads.put("600 bytes binary", binary(600));
        for (Map.Entry<String, byte[]> payload : payloads.entrySet()) {
            String topic = "corpus/payload/" + (++probes);
            byte[] bytes = payload.getValue();
            check("payload", payload.getKey(), "delivered byte for byte, or refused as too large", () -> {
                boolean sent = rig.actions().publishBytes(topic, bytes, 1, false);
                if (sent) {
                    Await.until("at the broker", WAIT, () -> atBroker.containsKey(topic));
                    return verdict(Arrays.equals(bytes, atBroker.get(topic)), "delivered " + bytes.length + " bytes");
                }
                String error = rig.lastError();
                return verdict(bytes.length > 512 && error.contains("at most"), error);
            });
        }
    }

    private static byte[] binary(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    // ---- subscription filters ----

    private void subscriptionFilters() throws Exception {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("quote", "site/\"#");
        filters.put("CR LF and a command", "site/#\r\n" + INJECTED);
        filters.put("Ctrl+Z", "site/\u001a#");
        filters.put("NUL", "site/\u0000");
        filters.put("# not last", "site/#/x");
        filters.put("+ inside a level", "site/a+/x");
        filters.put("empty", "");
        filters.put("over-long (300 bytes)", "t/" + "x".repeat(298));
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            check("subscription filter", filter.getKey(), "refused with a clear error", () -> {
                try {
                    rig.handler().subscribe(filter.getValue(), 1, message -> {
                    }, rejected -> {
                    });
                    return verdict(false, "accepted");
                } catch (IllegalArgumentException e) {
                    return verdict(e.getMessage() != null && !e.getMessage().isBlank(), e.getMessage());
                }
            });
        }
    }

    // ---- modem output ----

    private void modemOutput() throws Exception {
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        outputs.put("100 KB line", ("\r\n" + "A".repeat(100_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        outputs.put("100 KB +QMTRECV payload",
                ("\r\n+QMTRECV: 0,1,\"down/big\",\"" + "b".repeat(100_000) + "\"\r\n").getBytes(StandardCharsets.US_ASCII));
        outputs.put("NUL bytes", "\r\n\u0000\u0000OK\u0000\r\n".getBytes(StandardCharsets.ISO_8859_1));
        outputs.put("invalid UTF-8", new byte[] { '\r', '\n', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\r', '\n' });
        outputs.put("cut +QMTRECV", "\r\n+QMTRECV: 0,1\r\n".getBytes(StandardCharsets.US_ASCII));
        outputs.put("+QMTRECV of an unknown client", "\r\n+QMTRECV: 9,1,\"x\",\"y\"\r\n".getBytes(StandardCharsets.US_ASCII));
        outputs.put("+QMTSTAT with a huge code", "\r\n+QMTSTAT: 0,99999999999999\r\n".getBytes(StandardCharsets.US_ASCII));
        outputs.put("+QMTPUB with a huge message id", "\r\n+QMTPUB: 0,99999999999,0\r\n".getBytes(StandardCharsets.US_ASCII));
        outputs.put("negative numbers", "\r\n+QMTPUB: 0,-5,-1\r\n+CEREG: -3\r\n+CSQ: -9,-9\r\n".getBytes(StandardCharsets.US_ASCII));
        outputs.put("letters for numbers", "\r\n+CEREG: x\r\n+QMTSTAT: a,b\r\n".getBytes(StandardCharsets.US_ASCII));
        outputs.put("stray OK, ERROR and prompt", "\r\nOK\r\n\r\nERROR\r\n\r\n> ".getBytes(StandardCharsets.US_ASCII));
        outputs.put("Ctrl+Z and ESC", "\u001a\u001b\r\n\u001a\r\n".getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
            check("modem output", output.getKey(), "ignored or handled; the bridge keeps working", () -> {
                modem.simulator().sendRaw(output.getValue());
                // Whatever the output did (a lost session is allowed), the bridge must work again afterwards.
                return verdict(true, "bridge " + rig.status());
            });
        }
    }

    // ---- configuration values ----

    private void configurationValues() throws Exception {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        configs.put("client id with a quote", Map.of("clientID", "pump\"1"));
        configs.put("client id with CR LF and a command", Map.of("clientID", "pump\r\n" + INJECTED));
        configs.put("user name with Ctrl+Z", Map.of("username", "site\u001a" + INJECTED));
        configs.put("password with a quote and a command", Map.of("password", SECRET + "\"\r\n" + INJECTED));
        configs.put("broker host with a quote and a command", Map.of("host", "evil\",1883\r\n" + INJECTED));
        configs.put("will topic with a wildcard", Map.of("lwtTopic", "site/#", "lwtMessage", "gone"));
        configs.put("will message with a quote", Map.of("lwtTopic", "site/will", "lwtMessage", "say \"bye\""));
        configs.put("APN with a quote", Map.of("apn", "internet\"," + INJECTED));
        configs.put("SIM PIN with letters", Map.of("simPin", "12a4"));
        configs.put("bands with garbage", Map.of("bands", "8,x,999"));
        configs.put("negative port", Map.of("port", -1));
        configs.put("huge port", Map.of("port", 70000));
        configs.put("negative keep-alive", Map.of("keepAlive", -5));
        configs.put("huge keep-alive", Map.of("keepAlive", Integer.MAX_VALUE));
        configs.put("QoS 7", Map.of("qos", 7));
        configs.put("negative outbox size", Map.of("outboxSize", -1));
        configs.put("connect id 9", Map.of("connectId", 9));
        configs.put("unknown receive format", Map.of("receiveFormat", "base64"));
        configs.put("serial port that does not exist", Map.of("serialPort", "/dev/ttyDOESNOTEXIST"));
        configs.put("serial port with a quote", Map.of("serialPort", "/dev/tty\"USB0"));
        rig.close();
        int index = 0;
        for (Map.Entry<String, Map<String, Object>> config : configs.entrySet()) {
            String name = "bad" + (++index);
            check("configuration", config.getKey(), "OFFLINE with a clear description, no password in it", () -> {
                AtomicReference<String> description = new AtomicReference<>("");
                try (BridgeRig bad = new BridgeRig(name, config(config.getValue()))) {
                    bad.handler().initialize();
                    Await.until("OFFLINE with a reason", WAIT, () -> {
                        ThingStatusInfo info = bad.bridge().getStatusInfo();
                        description.set(info.getStatusDetail() + ": " + info.getDescription());
                        return info.getStatus() == ThingStatus.OFFLINE
                                && info.getStatusDetail() != ThingStatusDetail.NONE && info.getDescription() != null
                                && !info.getDescription().isBlank();
                    });
                }
                return verdict(!description.get().contains(SECRET), description.get());
            });
        }
        rig.handler().initialize();
        rig.awaitOnline(WAIT);
    }

    // ---- the checks every case shares ----

    private record Verdict(boolean ok, String detail) {
    }

    private static Verdict verdict(boolean ok, @Nullable String detail) {
        return new Verdict(ok, detail == null ? "" : detail);
    }

    private interface Case {
        Verdict run() throws Exception;
    }

    private void check(String category, String input, String expected, Case c) {
        int before = modem.simulator().receivedCommands().size();
        Verdict verdict;
        try {
            verdict = c.run();
        } catch (Exception | AssertionError e) {
            verdict = verdict(false, "threw " + e);
        }
        List<String> commands = modem.simulator().receivedCommands();
        List<String> injected = commands.subList(Math.min(before, commands.size()), commands.size()).stream()
                .filter(command -> command.toUpperCase(Locale.ROOT).startsWith("AT+QRST")
                        || command.toUpperCase(Locale.ROOT).startsWith("AT+QPOWD"))
                .toList();
        boolean works = !category.equals("configuration") ? bridgeStillWorks() : true;
        boolean passed = verdict.ok() && injected.isEmpty() && works;
        String detail = verdict.detail() + (injected.isEmpty() ? "" : "; INJECTED " + injected)
                + (works ? "" : "; bridge no longer works: " + rig.bridge().getStatusInfo());
        outcomes.add(new Outcome(category, input, expected, passed, detail.replace(SECRET, "<password>")));
    }

    /** The bridge is (or comes back) ONLINE and a probe message reaches the broker. */
    private boolean bridgeStillWorks() {
        if (!rig.awaitOnline(WAIT)) {
            return false;
        }
        String topic = "corpus/probe/" + (++probes);
        try {
            Await.until("probe delivered", WAIT, () -> {
                if (!atBroker.containsKey(topic)) {
                    rig.actions().publish(topic, "ok", 1, false);
                }
                return atBroker.containsKey(topic);
            });
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** The summary table for doc/reliability.md. */
    public static String report(List<Outcome> outcomes, String command) {
        StringBuilder text = new StringBuilder("""
                ## Bad-input corpus

                Input built to break the binding, through the real bridge handler, jSerialComm on a pseudo-terminal, \
                the simulator and a real mosquitto with a password. A case passes when it ends in a clear error or \
                in correct handling (the broker receives exactly the bytes), the modem never receives an injected \
                command (`AT+QRST`, `AT+QPOWD`) and the bridge still delivers a probe message afterwards; the \
                password appears in no status description and (checked by `BadInputCorpusTest` against the log file \
                of the test run, at TRACE level) in no log line.

                | input | cases | passed |
                |---|---|---|
                """);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            int[] c = counts.computeIfAbsent(outcome.category(), k -> new int[2]);
            c[0]++;
            c[1] += outcome.passed() ? 1 : 0;
        }
        counts.forEach((category, c) -> text.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", category, c[0],
                c[1])));
        text.append(String.format(Locale.ROOT, "| **all** | **%d** | **%d** |%n", outcomes.size(),
                outcomes.stream().filter(Outcome::passed).count()));
        text.append("\n<details><summary>Every case and what the binding said</summary>\n\n| input | case | result | "
                + "what happened |\n|---|---|---|---|\n");
        for (Outcome outcome : outcomes) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", outcome.category(), outcome.input(),
                    outcome.passed() ? "pass" : "**FAIL**", cell(outcome.detail())));
        }
        text.append("\n</details>\n\nProduced by `").append(command).append("` on ").append(LocalDate.now())
                .append(".\n");
        return text.toString();
    }

    private static String cell(String text) {
        String oneLine = text.replace("|", "\\|").replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }

    @Override
    public void close() throws Exception {
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

    /** Writes the corpus section of doc/reliability.md. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("bc26-corpus");
        List<Outcome> outcomes;
        try (BadInputCorpus corpus = new BadInputCorpus(dir)) {
            outcomes = corpus.run();
        }
        String report = report(outcomes, "./mvnw -q -B -ntp test-compile exec:java -Dexec.mainClass=org.openhab."
                + "binding.bc26.reliability.BadInputCorpus");
        DocSection.write(Path.of("doc/reliability.md"), "corpus", report);
        System.out.println(report);
        System.exit(0);
    }
}
