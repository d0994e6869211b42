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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.cli.Bc26CommandLine;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Resources;

/**
 * {@code selftest} against the simulator and a real mosquitto with an account, as an owner would run it against a
 * real modem: every step passes, the transcript holds neither the account nor the SIM's identity, and the
 * transcript reads as a capture that the simulator's replay takes: its MQTT bring-up replays against a fresh
 * simulator, answer for answer.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SelfTestTranscriptTest {

    private static final String USER = "cabin-owner";
    private static final String PASSWORD = "s3cret,pass'word";
    private static final List<String> STEPS = List.of("probe", "connect", "subscribe", "qos0-plain", "qos0-quoted",
            "qos0-binary", "qos1-plain", "qos1-quoted", "qos1-binary", "qos2-plain", "qos2-quoted", "qos2-binary",
            "unsubscribe", "disconnect");

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    private record Run(int exitCode, List<String> lines, String transcript) {
    }

    private Run selfTest(Mosquitto broker, Bc26Simulator.Model model) throws Exception {
        return selfTest(broker.port(), model, "60");
    }

    private Run selfTest(int brokerPort, Bc26Simulator.Model model, String timeoutSeconds) throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        options.model = model;
        SimTransport modem = resources.add(SimTransport.onPseudoTerminal(options, dir.resolve("tty" + model)));
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Path transcript = dir.resolve("transcripts/" + model + ".txt");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Bc26CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(new String[] { "selftest", "--port",
                        modem.portName(), "--host", "127.0.0.1", "--mqtt-port", Integer.toString(brokerPort),
                        "--username", USER, "--password-file", passwordFile.toString(), "--transcript",
                        transcript.toString(), "--timeout-seconds", timeoutSeconds });
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(Files.exists(transcript), "transcript written; stderr: " + err.toString(StandardCharsets.UTF_8));
        return new Run(exit, lines, Files.readString(transcript, StandardCharsets.UTF_8));
    }

    @Test
    void everyStepPassesOnABc26AndTheTranscriptHoldsNoSecret() throws Exception {
        Mosquitto broker = resources.add(Mosquitto.start(dir, USER, PASSWORD));
        Run run = selfTest(broker, Bc26Simulator.Model.BC26);
        List<String> steps = new ArrayList<>();
        for (String line : run.lines()) {
            if (line.startsWith("{\"step\":")) {
                steps.add(line.replaceFirst("^\\{\"step\":\"([^\"]+)\".*", "$1"));
                assertTrue(line.contains("\"result\":\"pass\""), line);
            }
        }
        assertEquals(STEPS, steps, String.join("\n", run.lines()));
        assertEquals(0, run.exitCode(), String.join("\n", run.lines()));
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("{\"selftest\":\"passed\",\"passed\":14,")),
                String.join("\n", run.lines()));

        String transcript = run.transcript();
        assertTrue(transcript.contains("# ---- transcript (verbatim) ----\n"), transcript);
        assertFalse(transcript.contains(USER) || transcript.contains("s3cret"), "no credential in:\n" + transcript);
        assertTrue(transcript.matches("(?s).*AT\\+QMTCONN=0,\"[^\"]+\",\"USERNAME\",\"PASSWORD\"\n.*"), transcript);
        assertFalse(transcript.contains("460012345678969"), "no IMSI");
        assertTrue(transcript.contains("-> 46001xxxxxxxxxx\n"), "the operator's digits stay");
        assertFalse(transcript.contains("89860317482035195410"), "no ICCID");
        assertTrue(transcript.contains("+QCCID: 8986031xxxxxxxxxxxxx"), transcript);
        assertTrue(transcript.matches("(?s).*\n\\d\\d:\\d\\d:\\d\\d\\.\\d{3} -> AT\\+QMTDISC=0\n.*"),
                "timestamped lines, the clean disconnect among them");
        String steps2 = String.join("\n", run.lines());
        assertFalse(steps2.contains("460012345678969") || steps2.contains("89860317482035195410"),
                "the printed steps hold no SIM identity either");
    }

    @Test
    void aBrokerThatIsNotThereFailsTheConnectStepAndStillClosesCleanly() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = selfTest(closedPort, Bc26Simulator.Model.BC26, "5");
        assertEquals(1, run.exitCode(), String.join("\n", run.lines()));
        List<String> lines = run.lines();
        assertTrue(lines.get(0).startsWith("{\"step\":\"probe\",\"result\":\"pass\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"step\":\"connect\",\"result\":\"fail\",\"detail\":\"BROKER_UNREACHABLE"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"step\":\"disconnect\",\"result\":\"pass\""), lines.get(2));
        assertTrue(lines.get(3).startsWith("{\"selftest\":\"failed\",\"passed\":2,\"failed\":1}"), lines.get(3));
        assertTrue(run.transcript().contains("+QMTOPEN: 0,"), "the refusal is in the transcript");
    }

    @Test
    void theTranscriptsMqttBringUpReplaysAgainstAFreshSimulator() throws Exception {
        // The replay's broker takes the redacted account, as the seed capture's does.
        Mosquitto broker = resources.add(Mosquitto.start(dir, "USERNAME", "PASSWORD"));
        Mosquitto own = resources.add(Mosquitto.start(Files.createDirectories(dir.resolve("own")), USER, PASSWORD));
        Run run = selfTest(own, Bc26Simulator.Model.BC26);
        String text = run.transcript().replace("\"127.0.0.1\"," + own.port(), "\"127.0.0.1\"," + broker.port());
        List<TranscriptReplayTest.Exchange> all = TranscriptReplayTest.parseText(text, "127.0.0.1", broker.port());
        int open = indexOf(all, "AT+QMTOPEN=");
        int publish = indexOf(all, "AT+QMTPUB=");
        assertTrue(open >= 0 && publish > open, "open, connect and subscribe come before the first publish");
        List<TranscriptReplayTest.Exchange> bringUp = all.subList(open, publish);
        assertTrue(bringUp.stream().anyMatch(e -> e.command().startsWith("AT+QMTSUB=")), String.valueOf(bringUp));
        TranscriptReplayTest replayer = new TranscriptReplayTest();
        try {
            replayer.replay(replayer.start(), bringUp);
        } finally {
            replayer.resources.close();
        }
    }

    private static int indexOf(List<TranscriptReplayTest.Exchange> exchanges, String prefix) {
        for (int i = 0; i < exchanges.size(); i++) {
            if (exchanges.get(i).command().startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
