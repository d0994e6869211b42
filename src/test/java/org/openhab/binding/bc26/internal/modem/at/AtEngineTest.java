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
package org.openhab.binding.bc26.internal.modem.at;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.DriverHarness;
import org.openhab.binding.bc26.internal.modem.testing.ScriptedModem;

/**
 * The AT engine over a real pseudo-terminal through jSerialComm, against scripted modem bytes: framing, URCs at any
 * position, echo, errors, timeouts, the data-mode prompt, restarts and a lost link.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class AtEngineTest {

    private @NonNullByDefault({}) ScriptedModem modem;
    private @NonNullByDefault({}) DriverHarness driver;

    @BeforeEach
    void start() throws Exception {
        modem = ScriptedModem.start();
        driver = new DriverHarness(modem.port());
    }

    @AfterEach
    void stop() {
        driver.close();
        modem.close();
    }

    private AtResponse run(String command) throws AtException {
        return driver.engine.execute(AtCommand.of(command));
    }

    @Test
    void answersAnInformationLineAndOk() throws Exception {
        modem.on("AT\\+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        assertEquals(List.of("+CSQ: 20,99"), run("AT+CSQ").lines());
        assertEquals("AT+CSQ", modem.nextCommand());
    }

    @Test
    void aUrcBetweenTheInformationAndTheOkIsAnEventNotAnAnswer() throws Exception {
        modem.on("AT\\+CSQ", "\r\n+CSQ: 20,99\r\n\r\n+QNBIOTEVENT: \"ENTER PSM\"\r\n\r\n+IP: 10.170.235.216\r\n\r\nOK\r\n");
        assertEquals(List.of("+CSQ: 20,99"), run("AT+CSQ").lines());
        assertEquals("+QNBIOTEVENT: \"ENTER PSM\"", driver.nextUrc().text());
        assertEquals("+IP: 10.170.235.216", driver.nextUrc().text());
    }

    @Test
    void aUrcBeforeTheInformationLineIsAnEvent() throws Exception {
        modem.on("AT\\+CESQ", "\r\n+CEREG: 1\r\n\r\n+CESQ: 36,99,255,255,12,53\r\n\r\nOK\r\n");
        assertEquals(List.of("+CESQ: 36,99,255,255,12,53"), run("AT+CESQ").lines());
        assertEquals("+CEREG: 1", driver.nextUrc().text());
    }

    @Test
    void theReadFormOfCeregIsAnAnswerWhileTheShortUrcFormIsAnEvent() throws Exception {
        modem.on("AT\\+CEREG\\?", "\r\n+CEREG: 2\r\n\r\n+CEREG:0,1\r\n\r\nOK\r\n");
        AtResponse response = driver.engine.execute(AtCommand.of("AT+CEREG?")
                .withInfo(l -> l.startsWith("+CEREG:") && l.contains(",")));
        assertEquals(List.of("+CEREG:0,1"), response.lines());
        assertEquals("+CEREG: 2", driver.nextUrc().text());
    }

    @Test
    void echoedCommandsAreSkipped() throws Exception {
        modem.echo(true).on("ATI", "\r\nQuectel_Ltd\r\nQuectel_BC26\r\nRevision: BC26NBR01A01\r\n\r\nOK\r\n");
        AtResponse response = driver.engine.execute(AtCommand.of("ATI").withBareInfo());
        assertEquals(List.of("Quectel_Ltd", "Quectel_BC26", "Revision: BC26NBR01A01"), response.lines());
    }

    @Test
    void anyMixOfCrAndLfEndsLines() throws Exception {
        modem.on("AT\\+CSQ", "\n\r+CSQ:7,99\n\r\n\rOK\n\r");
        assertEquals(List.of("+CSQ:7,99"), run("AT+CSQ").lines());
        modem.on("AT\\+CGATT\\?", "\r+CGATT:1\rOK\r");
        assertEquals("1", run("AT+CGATT?").requireValue("+CGATT:"));
    }

    @Test
    void anAnswerSplitOverManyWritesIsReassembled() throws Exception {
        modem.on("AT\\+CSQ", "");
        CompletableFuture<AtResponse> answer = driver.engine.send(AtCommand.of("AT+CSQ"));
        modem.nextCommand();
        for (String piece : List.of("\r", "\n+C", "SQ: 1", "5,99\r", "\n\r\nO", "K", "\r\n")) {
            modem.send(piece);
        }
        assertEquals(List.of("+CSQ: 15,99"), answer.get(10, TimeUnit.SECONDS).lines());
    }

    @Test
    void cmeErrorsAreDecoded() {
        modem.on("AT\\+CPIN\\?", "\r\n+CME ERROR: 10\r\n");
        AtException e = assertThrows(AtException.class, () -> run("AT+CPIN?"));
        assertEquals(AtException.Kind.CME_ERROR, e.getKind());
        assertEquals(10, e.getCmeError());
        assertTrue(e.getMessage().contains("SIM not inserted"), e.getMessage());
    }

    @Test
    void plainErrorIsAnError() {
        modem.on("AT\\+QMTOPEN=.*", "\r\nERROR\r\n");
        AtException e = assertThrows(AtException.class,
                () -> driver.engine.execute(AtCommand.of("AT+QMTOPEN=0,\"h\",1").withoutInfo()));
        assertEquals(AtException.Kind.ERROR, e.getKind());
    }

    @Test
    void aCommandWithoutAnswerTimesOutAndTheNextOneStillWorks() throws Exception {
        modem.on("AT\\+SILENT", "");
        modem.on("AT", "\r\nOK\r\n");
        AtException e = assertThrows(AtException.class,
                () -> driver.engine.execute(AtCommand.of("AT+SILENT").withTimeout(Duration.ofMillis(200))));
        assertEquals(AtException.Kind.TIMEOUT, e.getKind());
        run("AT");
    }

    @Test
    void queuedCommandsGoOneAtATimeAndGetTheirOwnAnswers() throws Exception {
        modem.on("AT\\+A", "\r\n+A: 1\r\n\r\nOK\r\n").on("AT\\+B", "\r\n+B: 2\r\n\r\nOK\r\n").on("AT\\+C",
                "\r\n+C: 3\r\n\r\nOK\r\n");
        CompletableFuture<AtResponse> a = driver.engine.send(AtCommand.of("AT+A"));
        CompletableFuture<AtResponse> b = driver.engine.send(AtCommand.of("AT+B"));
        CompletableFuture<AtResponse> c = driver.engine.send(AtCommand.of("AT+C"));
        assertEquals(List.of("+A: 1"), a.get(10, TimeUnit.SECONDS).lines());
        assertEquals(List.of("+B: 2"), b.get(10, TimeUnit.SECONDS).lines());
        assertEquals(List.of("+C: 3"), c.get(10, TimeUnit.SECONDS).lines());
        assertEquals(List.of("AT+A", "AT+B", "AT+C"), List.of(modem.nextCommand(), modem.nextCommand(),
                modem.nextCommand()));
    }

    @Test
    void thePromptWithoutLineEndIsAnsweredWithTheDataAndCtrlZ() throws Exception {
        modem.onPrompt("AT\\+QMTPUB=0,0,0,0,\"t\"", "\r\n> ", data -> "\r\nOK\r\n");
        byte[] payload = "{\"a\":1,\n\"b\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        driver.engine.execute(AtCommand.of("AT+QMTPUB=0,0,0,0,\"t\"").withoutInfo().withPromptData(payload));
        assertArrayEquals(payload, modem.nextData());
    }

    @Test
    void aBootBannerWithLfCrEndingsMeansTheModemRestarted() throws Exception {
        modem.send("\n\rF1: 0000 0000\n\rV0: 0000 0000 [0001]\n\r00: 0006 000C\n\r01: 0000 0000\n\r"
                + "U0: 0000 0001 [0000]\n\rT0: 0000 00B4\n\rLeaving the BROM\n\r");
        Await.until("restart reported", () -> driver.restarts.get() > 0);
        modem.on("AT", "\r\nOK\r\n");
        run("AT");
        assertEquals(1, driver.restarts.get(), "one restart per banner");
    }

    @Test
    void aRestartDuringACommandFailsIt() {
        modem.on("AT\\+CFUN=1", "\r\nF1: 0000 0000\r\nLeaving the BROM\r\n");
        AtException e = assertThrows(AtException.class, () -> run("AT+CFUN=1"));
        assertEquals(AtException.Kind.MODEM_RESTARTED, e.getKind());
    }

    @Test
    void synchronizeRepeatsAtUntilTheModemAnswers() throws Exception {
        modem.on("AT", "\r\nOK\r\n");
        modem.once("AT", "").once("AT", "\r\n");
        driver.engine.synchronize(5, Duration.ofMillis(300));
        assertEquals(List.of("AT", "AT", "AT"), List.of(modem.nextCommand(), modem.nextCommand(), modem.nextCommand()));
    }

    @Test
    void synchronizeGivesUpOnASilentModem() {
        modem.on("AT", "");
        AtException e = assertThrows(AtException.class, () -> driver.engine.synchronize(3, Duration.ofMillis(100)));
        assertEquals(AtException.Kind.TIMEOUT, e.getKind());
    }

    @Test
    void aHangUpFailsThePendingCommandAndReportsTheLinkLoss() throws Exception {
        modem.on("AT\\+SILENT", "");
        CompletableFuture<AtResponse> pending = driver.engine.send(AtCommand.of("AT+SILENT")
                .withTimeout(Duration.ofSeconds(30)));
        modem.nextCommand();
        modem.terminal().close();
        assertNotNull(driver.linkLosses.poll(10, TimeUnit.SECONDS), "link loss reported");
        Exception e = assertThrows(Exception.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertEquals(AtException.Kind.LINK_LOST, ((AtException) e.getCause()).getKind());
        assertFalse(driver.engine.isOpen());
        assertTrue(driver.linkLosses.isEmpty(), "reported once");
    }

    @Test
    void commandTextThatCouldEndTheLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AtCommand.of("AT+X=\"a\r\nAT+QRST=1\""));
        assertThrows(IllegalArgumentException.class, () -> AtCommand.of("AT+X=\u001a"));
        assertThrows(IllegalArgumentException.class, () -> AtCommand.of("ATH\u001b"));
    }
}
