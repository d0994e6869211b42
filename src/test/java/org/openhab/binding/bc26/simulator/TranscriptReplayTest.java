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
package org.openhab.binding.bc26.simulator;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Resources;

/**
 * Replays the commands of the seed capture and the vendor's MQTT example against the simulator (with a real
 * mosquitto behind it) and compares its answers line by line. Allowed, documented differences: timestamps and
 * annotations are stripped, the vendor's curly quotes are made ASCII, the broker address is the local mosquitto,
 * and a space after the colon is not significant (the BC26 manual itself prints both forms).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class TranscriptReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} -> ?");

    @TempDir
    @NonNullByDefault({})
    Path dir;

    final Resources resources = new Resources();

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    /** One command and the lines that followed it in the transcript. */
    record Exchange(String command, List<String> answer) {
    }

    private static List<Exchange> parse(String resource, String host, int port) throws IOException {
        String text;
        try (InputStream in = TranscriptReplayTest.class.getResourceAsStream("/transcripts/" + resource)) {
            assertNotNull(in, resource);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return parseText(text, host, port);
    }

    /** The exchanges of a transcript's text (a capture, or what {@code selftest} wrote). */
    static List<Exchange> parseText(String text, String host, int port) {
        List<Exchange> exchanges = new ArrayList<>();
        boolean started = false;
        for (String raw : text.split("\n")) {
            if (raw.startsWith("# ---- transcript")) {
                started = true;
                continue;
            }
            if (!started || raw.startsWith("#") || raw.startsWith("//")) {
                continue;
            }
            String line = TIMESTAMP.matcher(raw).replaceFirst("");
            int comment = line.indexOf("//");
            // selftest marks the modem's echo of a command: an answer line, though it starts with AT
            boolean echo = comment >= 0 && line.substring(comment).strip().equals("// echo");
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            line = line.replace('\u201c', '"').replace('\u201d', '"').strip();
            line = line.replace("\"quiz.us.kg\",2000", "\"" + host + "\"," + port)
                    .replace("\"220.180.239.212\",8401", "\"" + host + "\"," + port);
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("AT") && !echo) {
                exchanges.add(new Exchange(line, new ArrayList<>()));
            } else if (!exchanges.isEmpty()) {
                exchanges.get(exchanges.size() - 1).answer().add(line);
            }
        }
        return exchanges;
    }

    RawHost start() throws Exception {
        return start(Bc26Simulator.Model.BC26);
    }

    private RawHost start(Bc26Simulator.Model model) throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.model = model;
        options.timeScale = 0.05;
        options.sleepMode = 0;
        SimTransport modem = SimTransport.onTcp(options, 0);
        resources.add(modem);
        RawHost host = new RawHost(Integer.parseInt(modem.portName().replaceAll(".*:", "")));
        resources.add(host);
        // Auto-baud: the first AT only tunes the modem's UART and gets no answer.
        host.command("AT");
        host.command("ATE0");
        assertEquals(List.of("ATE0", "OK"), host.next(2, WAIT), "echo is on by default");
        // Registration announces itself once: wait for it so it does not land inside a replayed answer.
        assertTrue(host.next(WAIT).startsWith("+IP: "));
        return host;
    }

    private static String normalize(String line) {
        return line.replaceFirst("^(\\+[A-Z]+:) ?", "$1 ");
    }

    void replay(RawHost host, List<Exchange> exchanges) throws Exception {
        for (Exchange exchange : exchanges) {
            host.command(exchange.command());
            List<String> expected = exchange.answer().stream().map(TranscriptReplayTest::normalize).toList();
            List<String> actual = host.next(expected.size(), WAIT).stream().map(TranscriptReplayTest::normalize)
                    .toList();
            // A message echoed by the broker is printed when it arrives: whether the broker sends the echo or its
            // PUBACK first is the broker's choice (the capture's broker acknowledged first, mosquitto may not), so
            // +QMTRECV lines are compared in their own order, the other lines in theirs.
            assertEquals(withoutDeliveries(expected, false), withoutDeliveries(actual, false),
                    "answer to " + exchange.command());
            assertEquals(withoutDeliveries(expected, true), withoutDeliveries(actual, true),
                    "messages printed after " + exchange.command());
        }
    }

    private static List<String> withoutDeliveries(List<String> lines, boolean onlyDeliveries) {
        return lines.stream().filter(line -> line.startsWith("+QMTRECV:") == onlyDeliveries).toList();
    }

    @Test
    void theSeedCaptureOfARealBc26() throws Exception {
        Mosquitto broker = Mosquitto.start(dir, "USERNAME", "PASSWORD");
        resources.add(broker);
        RawHost host = start();
        replay(host, parse("bc26-dsi2598-1.txt", "127.0.0.1", broker.port()));
    }

    @Test
    void theVendorMqttExampleWithoutItsThirdPartyMessages() throws Exception {
        Mosquitto broker = Mosquitto.start(dir);
        resources.add(broker);
        RawHost host = start();
        List<Exchange> exchanges = new ArrayList<>();
        for (Exchange exchange : parse("bc26-quectel-mqttan-1.txt", "127.0.0.1", broker.port())) {
            // Documented differences: the first +QMTRECV comes from "another device" in the vendor example; the
            // example reuses msgID 1 and shows the prompt payload on its own line (typed by a person).
            List<String> answer = exchange.answer().stream().filter(l -> !l.startsWith("+QMTRECV: 0,0,\"topic/example\"")
                    && !l.startsWith("This is test data") && !l.startsWith("This chapter")
                    && !l.startsWith("report the") && !l.startsWith("the module")).toList();
            if (exchange.command().equals("AT+QMTPUB=0,0,0,0,\"topic/pub\"")) {
                continue;
            }
            exchanges.add(new Exchange(exchange.command(), new ArrayList<>(answer)));
        }
        assertTrue(exchanges.size() >= 12, "most of the example replays: " + exchanges.size());
        replay(host, exchanges);
    }

    @Test
    void thePromptPublishOfTheVendorExample() throws Exception {
        Mosquitto broker = Mosquitto.start(dir);
        resources.add(broker);
        RawHost host = start();
        replay(host, List.of(new Exchange("AT+QMTOPEN=0,\"127.0.0.1\"," + broker.port(), List.of("OK", "+QMTOPEN: 0,0")),
                new Exchange("AT+QMTCONN=0,\"clientExample\"", List.of("OK", "+QMTCONN: 0,0,0"))));
        host.command("AT+QMTPUB=0,0,0,0,\"topic/pub\"");
        assertEquals(">", host.next(WAIT));
        host.send("This is test data, hello MQTT.\u001a");
        assertEquals(List.of("OK", "+QMTPUB: 0,0,0"), host.next(2, WAIT));
    }

    @Test
    void theBootBannerOfTheManualWithLfCrEndings() throws Exception {
        RawHost host = start();
        host.command("AT+QRST=1");
        assertEquals(List.of("F1: 0000 0000", "V0: 0000 0000 [0001]", "00: 0006 000C", "01: 0000 0000",
                "U0: 0000 0001 [0000]", "T0: 0000 00B4", "Leaving the BROM"), host.next(7, WAIT));
        assertTrue(host.raw().contains("\n\rLeaving the BROM\n\r"), "LF CR endings as in a real capture");
        // After a reboot the modem auto-bauds again and echoes again, as in the manual (AT, AT, AT, OK).
        host.command("AT");
        host.command("AT");
        assertEquals(List.of("AT", "OK"), host.next(2, WAIT));
    }

    @Test
    void theNetworkQueriesOfTheManual() throws Exception {
        RawHost host = start();
        replay(host, List.of(new Exchange("AT+CFUN?", List.of("+CFUN:1", "OK")),
                new Exchange("AT+CIMI", List.of("460012345678969", "OK")),
                new Exchange("AT+CESQ", List.of("+CESQ: 36,99,255,255,12,53", "OK")),
                new Exchange("AT+QBAND=?", List.of("+QBAND: (0-15),(1,2,3,5,8,12,13,17,18,19,20,25,26,28,66)", "OK")),
                new Exchange("AT+QBAND=1,5", List.of("OK")), new Exchange("AT+QBAND?", List.of("+QBAND:5", "OK"))));
    }

    /**
     * The examples of chapter 6 of the BC660K-GL MQTT application note (transcript {@code bc660k-quectel-mqttan-1.txt},
     * cleaned of the PDF conversion's artefacts; the broker is the local mosquitto instead of Alibaba Cloud, so no
     * {@code aliauth}): the test forms with client ids 0-4, the fixed-length publish of {@code {"a":"1","b":"2"}} with
     * its quotes, the variable-length publish ended by Ctrl+Z, each echoed by the broker on the subscribed topic, and
     * client id 5 refused.
     */
    @Test
    void theBc660kVendorExamples() throws Exception {
        Mosquitto broker = Mosquitto.start(dir);
        resources.add(broker);
        RawHost host = start(Bc26Simulator.Model.BC660K);
        String topic = "/oyjtmPl5a5j/S2fXbFBKh4NSwwyIjSC4/user/update";
        replay(host, List.of(new Exchange("AT+QMTOPEN=0,\"127.0.0.1\"," + broker.port(), List.of("OK", "+QMTOPEN: 0,0")),
                new Exchange("AT+QMTCONN=?", List.of("+QMTCONN: (0-4),<clientID>,<username>,<password>", "OK")),
                new Exchange("AT+QMTCONN=0,\"clientExample\"", List.of("OK", "+QMTCONN: 0,0,0")),
                new Exchange("AT+QMTSUB=?", List.of("+QMTSUB: (0-4),(1-65535),<topic>,(0-2),<topic>,(0-2),...", "OK")),
                new Exchange("AT+QMTSUB=0,1,\"" + topic + "\",1", List.of("OK", "+QMTSUB: 0,1,0,1")),
                new Exchange("AT+QMTPUB=?",
                        List.of("+QMTPUB: (0-4),(0-65535),(0-2),(0,1),<topic>,(0-1460),<msg>", "OK")),
                new Exchange("AT+QMTPUB=0,0,0,0,\"" + topic + "\",17,\"{\"a\":\"1\",\"b\":\"2\"}\"",
                        List.of("OK", "+QMTPUB: 0,0,0", "+QMTRECV: 0,0,\"" + topic + "\",\"{\"a\":\"1\",\"b\":\"2\"}\""))));
        host.command("AT+QMTPUB=0,0,0,0,\"" + topic + "\"");
        assertEquals(">", host.next(WAIT));
        host.send("This is test data, hello MQTT.\u001a");
        List<String> answer = host.next(3, WAIT);
        assertEquals(List.of("OK", "+QMTPUB: 0,0,0"), withoutDeliveries(answer, false));
        assertEquals(List.of("+QMTRECV: 0,0,\"" + topic + "\",\"This is test data, hello MQTT.\""),
                withoutDeliveries(answer, true));
        replay(host, List.of(new Exchange("AT+QMTUNS=0,2,\"" + topic + "\"", List.of("OK", "+QMTUNS: 0,2,0")),
                new Exchange("AT+QMTDISC=0", List.of("OK", "+QMTDISC: 0,0")),
                new Exchange("AT+QMTOPEN=5,\"127.0.0.1\"," + broker.port(), List.of("ERROR"))));
    }
}
