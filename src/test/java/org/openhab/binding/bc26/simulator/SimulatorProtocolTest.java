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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Resources;

/**
 * The simulator against the protocol reference (§7 checklist): auto-baud, sleep, limits of both publish forms,
 * ESC, per-id state in the read forms, unknown configuration items, occupied ids, hex data format and raw quotes in
 * +QMTRECV.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SimulatorProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    /** The simulator of the last {@link #host}, for fault injection. */
    private @Nullable Bc26Simulator simulator;

    private int simulatorPort;

    private RawHost host(Bc26Simulator.Options options) throws Exception {
        SimTransport modem = SimTransport.onTcp(options, 0);
        resources.add(modem);
        simulator = modem.simulator();
        simulatorPort = Integer.parseInt(modem.portName().replaceAll(".*:", ""));
        RawHost host = new RawHost(simulatorPort);
        resources.add(host);
        return host;
    }

    /** A host past auto-baud, echo off, the modem registered, and a broker for it in {@code directory}. */
    private RawHost registeredHost(Bc26Simulator.Options options, Path directory) throws Exception {
        Mosquitto broker = Mosquitto.start(java.nio.file.Files.createDirectories(directory));
        resources.add(broker);
        this.broker = broker;
        options.timeScale = 0.02;
        options.sleepMode = 0;
        RawHost host = host(options);
        host.command("AT");
        host.command("ATE0");
        host.next(2, WAIT);
        assertTrue(host.next(WAIT).startsWith("+IP:"));
        return host;
    }

    private @Nullable Mosquitto broker;

    private int brokerPort() {
        Mosquitto current = broker;
        assertNotNull(current);
        return current.port();
    }

    private RawHost connectedHost(String... configuration) throws Exception {
        RawHost host = registeredHost(new Bc26Simulator.Options(), dir);
        for (String item : configuration) {
            host.command("AT+QMTCFG=" + item);
            assertEquals("OK", host.next(WAIT), item);
        }
        host.command("AT+QMTOPEN=0,\"127.0.0.1\"," + brokerPort());
        assertEquals(List.of("OK", "+QMTOPEN: 0,0"), host.next(2, WAIT));
        host.command("AT+QMTCONN=0,\"sim-test\"");
        assertEquals(List.of("OK", "+QMTCONN: 0,0,0"), host.next(2, WAIT));
        return host;
    }

    private Bc26Simulator simulator() {
        Bc26Simulator current = simulator;
        assertNotNull(current);
        return current;
    }

    @Test
    void aLostCellEndsAnIdleSessionWhenItsPingGoesUnanswered() throws Exception {
        RawHost host = connectedHost("\"keepalive\",0,1", "\"timeout\",0,1,1,0");
        simulator().loseRegistration();
        assertEquals("+QMTSTAT: 0,2", host.next(WAIT), "PINGREQ unanswered");
        assertEquals(Map.of(2, 1), simulator().connectionsLost());
    }

    @Test
    void aPacketThatKeepsFailingIsRetransmittedReportedAndEndsTheSession() throws Exception {
        RawHost host = connectedHost("\"keepalive\",0,0", "\"timeout\",0,1,2,1");
        simulator().loseRegistration();
        host.command("AT+QMTPUB=0,7,1,0,\"t\",\"into the void\"");
        assertEquals(List.of("OK", "+QMTPUB: 0,7,1,1", "+QMTPUB: 0,7,1,2", "+QMTPUB: 0,7,2", "+QMTSTAT: 0,6"),
                host.next(5, WAIT), "two retransmissions reported (timeout notice on), then failed and closed");
        assertEquals(2, simulator().retransmissions());
    }

    @Test
    void aConnackThatNeverComesEndsTheConnectWithCode4() throws Exception {
        RawHost host = registeredHost(new Bc26Simulator.Options(), dir);
        host.command("AT+QMTCFG=\"timeout\",0,1,1,0");
        assertEquals("OK", host.next(WAIT));
        host.command("AT+QMTOPEN=0,\"127.0.0.1\"," + brokerPort());
        assertEquals(List.of("OK", "+QMTOPEN: 0,0"), host.next(2, WAIT));
        simulator().loseRegistration();
        host.command("AT+QMTCONN=0,\"sim-test\"");
        assertEquals(List.of("OK", "+QMTSTAT: 0,4"), host.next(2, WAIT), "no CONNACK within the packet timeout");
    }

    @Test
    void switchingTheRadioOffEndsTheSessionWithCode7AndAShortOutageLosesNothing() throws Exception {
        RawHost host = connectedHost("\"keepalive\",0,0", "\"timeout\",0,10,3,0");
        host.command("AT+QMTSUB=0,1,\"echo\",1");
        assertEquals(List.of("OK", "+QMTSUB: 0,1,0,1"), host.next(2, WAIT));
        simulator().loseRegistration();
        host.command("AT+QMTPUB=0,2,1,0,\"echo\",\"held by TCP\"");
        assertEquals("OK", host.next(WAIT));
        assertTrue(host.idle(Duration.ofMillis(300)), "nothing arrives while the cell is gone");
        simulator().regainRegistration();
        List<String> after = host.next(3, WAIT);
        assertTrue(after.contains("+QMTPUB: 0,2,0")
                && after.stream().anyMatch(line -> line.matches("\\+QMTRECV: 0,\\d+,\"echo\",\"held by TCP\"")),
                "what waited arrives when the cell is back: " + after);
        host.command("AT+CFUN=0");
        assertEquals(List.of("+QMTSTAT: 0,7", "OK"), host.next(2, WAIT), "the link is gone with the radio");
    }

    @Test
    void inputBeforeTheFirstAtIsIgnoredAndEchoIsOn() throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.sleepMode = 0;
        RawHost host = host(options);
        host.command("garbage at the wrong baud rate");
        host.command("AT");
        assertTrue(host.idle(Duration.ofMillis(300)), "no answer while auto-bauding");
        host.command("AT");
        assertEquals(List.of("AT", "OK"), host.next(2, WAIT));
    }

    @Test
    void autoBaudLocksOnOnlyUpTo115200UnlessTheRateWasFixed() throws Exception {
        Bc26Simulator.Options fast = new Bc26Simulator.Options();
        fast.sleepMode = 0;
        fast.baudRate = 921600;
        RawHost unfixed = host(fast);
        for (int i = 0; i < 3; i++) {
            unfixed.command("AT");
        }
        assertTrue(unfixed.idle(Duration.ofMillis(300)), "no auto-baud at 921600");

        Bc26Simulator.Options fixed = new Bc26Simulator.Options();
        fixed.sleepMode = 0;
        fixed.baudRate = 921600;
        fixed.ratePersisted = true;
        RawHost host = host(fixed);
        host.command("AT");
        assertEquals(List.of("AT", "OK"), host.next(2, WAIT), "a rate fixed with AT+IPR and AT&W answers at once");
    }

    @Test
    void aSleepingModemSwallowsTheFirstAt() throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.sleepMode = 1;
        options.sleepAfter = Duration.ofMillis(200);
        RawHost host = host(options);
        host.command("AT");
        assertTrue(host.idle(Duration.ofMillis(400)), "auto-baud AT, then idle long enough to fall asleep");
        host.command("AT");
        assertTrue(host.idle(Duration.ofMillis(100)), "the wake-up AT gets no answer");
        host.command("ATE0");
        assertEquals(List.of("ATE0", "OK"), host.next(2, WAIT));
    }

    @Test
    void readFormsListTheStateOfEachId() throws Exception {
        RawHost host = connectedHost();
        host.command("AT+QMTCONN?");
        assertEquals(List.of("+QMTCONN: 0,3", "OK"), host.next(2, WAIT));
        host.command("AT+QMTOPEN?");
        assertTrue(host.next(WAIT).startsWith("+QMTOPEN: 0,\"127.0.0.1\","));
        assertEquals("OK", host.next(WAIT));
        host.command("AT+QMTOPEN=0,\"127.0.0.1\",1883");
        assertEquals(List.of("OK", "+QMTOPEN: 0,2"), host.next(2, WAIT), "an open id is occupied");
    }

    @Test
    void theDirectFormStopsAt700BytesAndTheDataModeAt1024() throws Exception {
        RawHost host = connectedHost();
        host.command("AT+QMTPUB=0,0,0,0,\"t\",\"" + "x".repeat(701) + "\"");
        assertEquals("ERROR", host.next(WAIT));
        host.command("AT+QMTPUB=0,0,0,0,\"t\",\"" + "x".repeat(700) + "\"");
        assertEquals(List.of("OK", "+QMTPUB: 0,0,0"), host.next(2, WAIT));
        host.command("AT+QMTPUB=0,0,0,0,\"t\"");
        assertEquals(">", host.next(WAIT));
        host.send("y".repeat(1025) + "\u001a");
        assertEquals("ERROR", host.next(WAIT));
    }

    @Test
    void theStrictProfileRefusesASecondPacketInFlightAndTheLenientOneTakesIt() throws Exception {
        RawHost host = connectedHost();
        host.command("AT+QMTPUB=0,1,1,0,\"t\",\"first\"");
        host.command("AT+QMTPUB=0,2,1,0,\"t\",\"second\"");
        host.command("AT+QMTSUB=0,3,\"s\",1");
        assertEquals(List.of("OK", "ERROR", "ERROR", "+QMTPUB: 0,1,0"), host.next(4, WAIT));
        host.command("AT+QMTPUB=0,2,1,0,\"t\",\"second\"");
        assertEquals(List.of("OK", "+QMTPUB: 0,2,0"), host.next(2, WAIT), "free again after the result");

        Bc26Simulator.Options lenient = new Bc26Simulator.Options();
        lenient.profile = Bc26Simulator.Profile.LENIENT;
        RawHost second = registeredHost(lenient, dir.resolve("lenient"));
        second.command("AT+QMTOPEN=0,\"127.0.0.1\"," + brokerPort());
        assertEquals(List.of("OK", "+QMTOPEN: 0,0"), second.next(2, WAIT));
        second.command("AT+QMTCONN=0,\"sim-lenient\"");
        assertEquals(List.of("OK", "+QMTCONN: 0,0,0"), second.next(2, WAIT));
        second.command("AT+QMTPUB=0,1,1,0,\"t\",\"first\"");
        second.command("AT+QMTPUB=0,2,1,0,\"t\",\"second\"");
        List<String> answers = second.next(4, WAIT);
        assertEquals(List.of("OK", "OK"), answers.subList(0, 2));
        assertTrue(answers.containsAll(List.of("+QMTPUB: 0,1,0", "+QMTPUB: 0,2,0")), answers.toString());
    }

    @Test
    void aSecondHostTakesTheLineOverEvenWhileTheFirstIsMidConnect() throws Exception {
        RawHost first = registeredHost(new Bc26Simulator.Options(), dir);
        first.command("AT+QMTOPEN=0,\"127.0.0.1\"," + brokerPort());
        assertEquals(List.of("OK", "+QMTOPEN: 0,0"), first.next(2, WAIT));
        first.command("AT+QMTCONN=0,\"first\"");
        // The second host connects before the first's CONNACK is printed (the simulator locked up here when its
        // MQTT side was Paho, waiting inside its own lock).
        RawHost second = new RawHost(simulatorPort);
        resources.add(second);
        second.command("AT+QMTCONN?");
        // What the first host's command printed now reaches the second; then the answer to its own question.
        List<String> lines = new ArrayList<>();
        while (lines.stream().noneMatch(line -> line.startsWith("+QMTCONN: 0,") && line.length() == 13)
                && lines.size() < 10) {
            // next() fails the test when the simulator stays silent for WAIT.
            lines.add(second.next(WAIT));
        }
        assertTrue(lines.size() < 10, "the modem answered the second host with the client's state: " + lines);
    }

    @Test
    void escLeavesDataModeWithoutPublishing() throws Exception {
        RawHost host = connectedHost();
        host.command("AT+QMTPUB=0,0,0,0,\"t\"");
        assertEquals(">", host.next(WAIT));
        host.send("never sent\u001b");
        assertEquals("OK", host.next(WAIT));
        assertTrue(host.idle(Duration.ofMillis(300)), "no +QMTPUB after ESC");
    }

    @Test
    void mqttWriteErrorsArePlainError() throws Exception {
        RawHost host = connectedHost();
        host.command("AT+QMTCFG=\"ssl\",0,1");
        assertEquals("ERROR", host.next(WAIT), "BC26 has no ssl item");
        host.command("AT+QMTPUB=0,5,0,0,\"t\",\"qos 0 needs msgID 0\"");
        assertEquals("ERROR", host.next(WAIT));
        host.command("AT+QMTPUB=0,0,0,0,\"a/#\",\"wildcard\"");
        assertEquals("ERROR", host.next(WAIT));
    }

    @Test
    void firmwareOfTheV10NoteAnswersMqttWriteErrorsWithCmeError() throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.sleepMode = 0;
        options.firmwareV10 = true;
        RawHost host = host(options);
        host.command("AT");
        host.command("ATE0");
        host.next(2, WAIT);
        host.command("AT+QMTPUB=0,0,0,0,\"t\",\"not connected\"");
        assertEquals("+CME ERROR: 50", host.next(WAIT));
        host.command("AT+QMTCFG=\"dataformat\",0,1,1");
        assertEquals("+CME ERROR: 50", host.next(WAIT), "no dataformat item before V1.1");
    }

    @Test
    void receivedPayloadsAreRawOrHex() throws Exception {
        RawHost host = connectedHost();
        host.command("AT+QMTSUB=0,1,\"echo\",1");
        assertEquals(List.of("OK", "+QMTSUB: 0,1,0,1"), host.next(2, WAIT));
        host.command("AT+QMTPUB=0,0,0,0,\"echo\"");
        assertEquals(">", host.next(WAIT));
        host.send("{\"a\":\"b,c\"}\u001a");
        assertEquals(List.of("OK", "+QMTPUB: 0,0,0", "+QMTRECV: 0,0,\"echo\",\"{\"a\":\"b,c\"}\""), host.next(3, WAIT));
        host.command("AT+QMTCFG=\"dataformat\",0,1,1");
        assertEquals("OK", host.next(WAIT));
        host.command("AT+QMTPUB=0,0,0,0,\"echo\",\"001A22FF\"");
        assertEquals(List.of("OK", "+QMTPUB: 0,0,0", "+QMTRECV: 0,0,\"echo\",\"001A22FF\""), host.next(3, WAIT));
    }

    @Test
    void aMissingSimAnswersCmeErrorWhenNumericErrorsAreOn() throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.sleepMode = 0;
        SimTransport modem = SimTransport.onTcp(options, 0);
        resources.add(modem);
        modem.simulator().setSimInserted(false);
        RawHost host = new RawHost(Integer.parseInt(modem.portName().replaceAll(".*:", "")));
        resources.add(host);
        host.command("AT");
        host.command("ATE0");
        host.next(2, WAIT);
        host.command("AT+CMEE=1");
        assertEquals("OK", host.next(WAIT));
        host.command("AT+CPIN?");
        assertEquals("+CME ERROR: 10", host.next(WAIT));
    }
}
