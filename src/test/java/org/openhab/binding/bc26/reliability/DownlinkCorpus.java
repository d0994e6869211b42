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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.thing.ThingStatus;

/**
 * The downlink part of the bad-input corpus: messages whose payloads carry every line shape the driver recognises
 * ({@code OK}, {@code ERROR}, each {@code +QMT*} result and URC, acknowledgements for the id of the publish in flight,
 * network URCs, the boot banner, a prompt, half lines, a line ending in a quote), published by an outsider to a topic
 * the bridge subscribes to, through mosquitto, the simulator's real MQTT connection and jSerialComm on a
 * pseudo-terminal, into the real bridge handler. Each arrives while a rule action's publish is in flight: the modem
 * has not printed the publish's {@code >} prompt, its {@code OK} or its {@code +QMTPUB} result yet (the simulator
 * holds them), so a payload line the driver mistook for the modem's would complete that command, acknowledge that
 * message, or make the driver send its data early.
 * <p>
 * A case passes when the payload arrives byte for byte, the session is never torn down (no OFFLINE, no new
 * AT+QMTOPEN, a publish after it goes through), nothing of the publish in flight was answered by the payload (the
 * rule action waits for the real acknowledgement, no OK or ERROR arrives without a command, no data before the
 * prompt).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DownlinkCorpus implements AutoCloseable {

    /** One payload shape in one receive format, and how it ended. */
    public record Outcome(String format, String shape, boolean delivered, boolean sessionKept, boolean noForgedAnswer,
            String detail) {
        public boolean passed() {
            return delivered && sessionKept && noForgedAnswer;
        }
    }

    /**
     * A hostile payload: {@code {id}} becomes the message id of the publish in flight, as if the attacker guessed it.
     */
    public record Shape(String name, String payload) {
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BANNER_LF_CR = "F1: 0000 0000\n\rV0: 0000 0000 [0001]\n\r00: 0006 000C\n\r"
            + "01: 0000 0000\n\rU0: 0000 0001 [0000]\n\rT0: 0000 00B4\n\rLeaving the BROM";
    private static final Pattern PUBLISH = Pattern.compile("AT\\+QMTPUB=0,(\\d+),1,0,\"([^\"]*)\"");

    private final String format;
    private final Mosquitto broker;
    private final SimTransport modem;
    private final BridgeRig rig;
    private final Observer observer;
    private final Map<String, byte[]> delivered = new ConcurrentHashMap<>();
    private final Map<String, String> atBroker = new ConcurrentHashMap<>();
    private int cases;

    /**
     * @param receiveFormat the bridge's receive format, "hex" or "text"
     */
    public DownlinkCorpus(Path dir, String receiveFormat) throws Exception {
        this.format = receiveFormat;
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        broker = Mosquitto.start(dir, null, null);
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.0;
        modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyDownlink-" + receiveFormat));
        Map<String, Object> config = BridgeRig.configFor(modem, broker);
        config.put("receiveFormat", receiveFormat);
        config.put("reconnectInitialSeconds", 1);
        // No status poll while a case holds the modem's answers: its commands would time out and their late answers
        // would be taken for the answers of the publish under test.
        config.put("refreshInterval", 3600);
        rig = new BridgeRig("downlink-" + receiveFormat, config);
        observer = new Observer(broker.uri(), "downlink-observer-" + receiveFormat, null, null);
        observer.subscribe("corpus/up/#", 1);
        rig.handler().initialize();
        if (!rig.awaitOnline(WAIT)) {
            throw new IllegalStateException("The corpus bridge did not come ONLINE: " + rig.bridge().getStatusInfo());
        }
        Await.until("the status read after the connect finished", WAIT,
                () -> !rig.channelState(Bc26BindingConstants.CHANNEL_NETWORK_TIME).isEmpty());
        rig.handler().subscribe("corpus/down/#", 1, message -> delivered.put(message.topic(), message.payload()),
                rejected -> {
                });
        Await.until("subscribed", WAIT, () -> {
            if (!delivered.containsKey("corpus/down/ready")) {
                try {
                    observer.publish("corpus/down/ready", "ready", 1, false);
                } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                    throw new IllegalStateException(e);
                }
            }
            return delivered.containsKey("corpus/down/ready");
        });
    }

    /** Every shape the driver recognises, each on a line of its own inside a payload, and the quote-ended ones. */
    public static List<Shape> shapes() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("OK", "OK");
        lines.put("ERROR", "ERROR");
        lines.put("+CME ERROR", "+CME ERROR: 3");
        lines.put("+QMTSTAT", "+QMTSTAT: 0,1");
        lines.put("+QMTOPEN", "+QMTOPEN: 0,0");
        lines.put("+QMTCLOSE", "+QMTCLOSE: 0,0");
        lines.put("+QMTCONN", "+QMTCONN: 0,0,0");
        lines.put("+QMTDISC", "+QMTDISC: 0,0");
        lines.put("+QMTSUB for the id in flight", "+QMTSUB: 0,{id},0,1");
        lines.put("+QMTUNS for the id in flight", "+QMTUNS: 0,{id},0");
        lines.put("+QMTPUB acknowledging the id in flight", "+QMTPUB: 0,{id},0");
        lines.put("+QMTPUB failing the id in flight", "+QMTPUB: 0,{id},2");
        lines.put("+QMTRECV (a forged message)", "+QMTRECV: 0,1,\"corpus/down/forged\",\"x\"");
        lines.put("+CEREG", "+CEREG: 0");
        lines.put("+IP", "+IP: 10.0.0.1");
        lines.put("+CPIN", "+CPIN: NOT READY");
        lines.put("boot banner (LF CR)", BANNER_LF_CR);
        lines.put("boot banner (CR LF)", BANNER_LF_CR.replace("\n\r", "\r\n"));
        lines.put("> prompt", "> ");
        List<Shape> shapes = new ArrayList<>();
        lines.forEach((name, line) -> shapes.add(new Shape(name, "line one\r\n" + line + "\r\nline three")));
        shapes.add(new Shape("half line at the end", "line one\r\n+QMTSTAT: 0,"));
        shapes.add(new Shape("half line at the start", "0,1\r\nOK"));
        shapes.add(new Shape("everything at once", "{\r\n" + String.join("\r\n", lines.values()) + "\r\n}"));
        shapes.add(new Shape("line ending in a quote, then +QMTSTAT", "a\"\r\n+QMTSTAT: 0,1\r\nb"));
        shapes.add(new Shape("line ending in a quote, then the banner", "a\"\r\n" + BANNER_LF_CR + "\r\nb"));
        shapes.add(new Shape("line ending in a quote, then OK", "a\"\r\nOK\r\nb"));
        shapes.add(new Shape("line ending in a quote, then the acknowledgement", "a\"\r\n+QMTPUB: 0,{id},0\r\nb"));
        shapes.add(new Shape("line ending in a quote, then a forged message",
                "a\"\r\n+QMTRECV: 0,0,\"corpus/down/forged\",\"x\"\r\nb"));
        shapes.add(new Shape("JSON left open, then the acknowledgement", "{\"a\":\r\n+QMTPUB: 0,{id},0\r\n\""));
        return shapes;
    }

    /** Runs every shape; the outcomes in order. */
    public List<Outcome> run() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Shape shape : shapes()) {
            try {
                outcomes.add(run(shape));
            } catch (Exception | AssertionError e) {
                outcomes.add(new Outcome(format, shape.name(), false, false, false, "threw " + e));
            } finally {
                modem.simulator().releaseAnswers();
            }
            // A case that broke the session must not fail the next ones too.
            rig.awaitOnline(WAIT);
        }
        return outcomes;
    }

    private Outcome run(Shape shape) throws Exception {
        int n = ++cases;
        String down = "corpus/down/" + n;
        String up = "corpus/up/" + n;
        // A quote makes the rule's publish take the prompt form: three answers of the modem are pending at once.
        byte[] probe = ("probe \"" + n + "\"").getBytes(StandardCharsets.UTF_8);
        Bc26Simulator sim = modem.simulator();
        ModemSession session = rig.handler().session().orElseThrow();
        Await.until("outbox empty", WAIT, () -> rig.handler().outboxSize() == 0);
        int opensBefore = commands("AT+QMTOPEN=");
        int offlineBefore = offlineTransitions();
        long straysBefore = session.strayFinalResults();
        long earlyDataBefore = sim.dataBeforePrompt();
        String droppedBefore = rig.channelState(Bc26BindingConstants.CHANNEL_MESSAGES_DROPPED);

        sim.holdAnswers();
        CompletableFuture<Boolean> action = CompletableFuture
                .supplyAsync(() -> rig.actions().publishBytes(up, probe, 1, false));
        String id = messageIdInFlight(up);
        byte[] payload = shape.payload().replace("{id}", id).getBytes(StandardCharsets.UTF_8);
        observer.publish(down, new String(payload, StandardCharsets.UTF_8), 1, false);
        Await.until("the message delivered or dropped", WAIT, () -> delivered.containsKey(down)
                || !rig.channelState(Bc26BindingConstants.CHANNEL_MESSAGES_DROPPED).equals(droppedBefore));
        boolean answeredByPayload = action.isDone();
        sim.releaseAnswers();

        boolean acknowledged = action.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        boolean atBrokerOnce = acknowledged && awaitAtBroker(up);
        String afterTopic = "corpus/up/after/" + n;
        boolean afterwards = rig.actions().publish(afterTopic, "after", 1, false) && awaitAtBroker(afterTopic);

        byte[] got = delivered.get(down);
        boolean exact = got != null && Arrays.equals(payload, got);
        boolean kept = commands("AT+QMTOPEN=") == opensBefore && offlineTransitions() == offlineBefore && afterwards
                && rig.status() == ThingStatus.ONLINE;
        long strays = session.strayFinalResults() - straysBefore;
        long earlyData = sim.dataBeforePrompt() - earlyDataBefore;
        boolean noForged = !answeredByPayload && atBrokerOnce && strays == 0 && earlyData == 0
                && !delivered.containsKey("corpus/down/forged");
        List<String> notes = new ArrayList<>();
        notes.add(exact ? "delivered intact"
                : got == null ? "dropped (" + rig.lastError() + ")"
                        : "delivered as " + printable(new String(got, StandardCharsets.UTF_8)));
        if (!kept) {
            notes.add("session torn down or not working afterwards (" + rig.status() + ")");
        }
        if (answeredByPayload) {
            notes.add("the publish in flight was answered by the payload");
        }
        if (strays > 0) {
            notes.add(strays + " OK/ERROR without a command (a payload line completed one)");
        }
        if (earlyData > 0) {
            notes.add("publish data sent before the prompt");
        }
        if (delivered.remove("corpus/down/forged") != null) {
            notes.add("a forged message was delivered");
        }
        return new Outcome(format, shape.name(), exact, kept, noForged, String.join("; ", notes));
    }

    /** The message id of the rule's publish, once the modem has its AT+QMTPUB. */
    private String messageIdInFlight(String topic) {
        String[] id = { "" };
        Await.until("AT+QMTPUB for " + topic, WAIT, () -> {
            for (String command : modem.simulator().receivedCommands()) {
                Matcher m = PUBLISH.matcher(command);
                if (m.matches() && m.group(2).equals(topic)) {
                    id[0] = m.group(1);
                    return true;
                }
            }
            return false;
        });
        return id[0];
    }

    private boolean awaitAtBroker(String topic) {
        try {
            Await.until(topic + " at the broker", WAIT, () -> {
                Observer.Received received;
                while ((received = observer.queue().poll()) != null) {
                    atBroker.merge(received.topic(), "1", (a, b) -> a + b);
                }
                return atBroker.containsKey(topic);
            });
            return "1".equals(atBroker.get(topic));
        } catch (AssertionError e) {
            return false;
        }
    }

    private int commands(String prefix) {
        return (int) modem.simulator().receivedCommands().stream().filter(c -> c.startsWith(prefix)).count();
    }

    private int offlineTransitions() {
        return (int) rig.transitions().stream().filter(t -> t.status() == ThingStatus.OFFLINE).count();
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The table for doc/reliability.md. */
    public static String report(List<Outcome> outcomes, String command) {
        StringBuilder text = new StringBuilder("""
                ## Downlink corpus: payloads that look like the modem

                Anyone who can publish to a topic the bridge subscribes to chooses the text the modem prints inside \
                `+QMTRECV`. Each payload below carries a line the driver recognises; it is published by an outsider \
                through mosquitto while a rule action's publish is in flight (its `>` prompt, `OK` and `+QMTPUB` \
                result still to come; `{id}` is that publish's message id, as if the attacker had guessed it). A \
                case passes when the payload arrives byte for byte, the session stays up (no OFFLINE, no new \
                `AT+QMTOPEN`, a publish afterwards goes through) and nothing of the publish in flight was answered by \
                the payload (no early acknowledgement or failure, no `OK`/`ERROR` left without a command, no data \
                sent before the prompt, no forged message delivered).

                | format | cases | passed | payload intact | session kept | no forged answer |
                |---|---|---|---|---|---|
                """);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            int[] c = counts.computeIfAbsent(o.format(), k -> new int[5]);
            c[0]++;
            c[1] += o.passed() ? 1 : 0;
            c[2] += o.delivered() ? 1 : 0;
            c[3] += o.sessionKept() ? 1 : 0;
            c[4] += o.noForgedAnswer() ? 1 : 0;
        }
        counts.forEach((format, c) -> text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n",
                format, c[0], c[1], c[2], c[3], c[4])));
        text.append("\n| format | payload | result | what happened |\n|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", o.format(), o.shape(),
                    o.passed() ? "pass" : "**gets through**", o.detail().replace("|", "\\|")));
        }
        text.append("\nProduced by `").append(command).append("` on ").append(LocalDate.now()).append(".\n");
        return text.toString();
    }

    @Override
    public void close() throws Exception {
        rig.close();
        observer.close();
        modem.close();
        broker.close();
    }

    /** Writes the downlink section of doc/reliability.md. */
    public static void main(String[] args) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (String format : List.of("hex", "text")) {
            Path dir = Files.createTempDirectory("bc26-downlink");
            try (DownlinkCorpus corpus = new DownlinkCorpus(dir, format)) {
                outcomes.addAll(corpus.run());
            }
        }
        String report = report(outcomes, "./mvnw -q -B -ntp test-compile exec:java -Dexec.mainClass=org.openhab."
                + "binding.bc26.reliability.DownlinkCorpus");
        DocSection.write(Path.of("doc/reliability.md"), "downlink", report);
        System.out.println(report);
        System.exit(0);
    }
}
