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
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Byte-level framing: line endings, the prompt, multi-line +QMTRECV records and their limits.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class AtFramerTest {

    private final List<String> tokens = new ArrayList<>();
    private final List<AtLine> lines = new ArrayList<>();
    /** The framer's clock: moved on by hand to make a quiet line. */
    private long now;
    private final AtFramer framer = new AtFramer(new AtFramer.Sink() {
        @Override
        public void line(AtLine line) {
            lines.add(line);
            tokens.add((line.isComplete() ? "" : "CUT:")
                    + (line.trust() == AtLine.Trust.MODEM ? "" : line.trust() + ":") + line.text());
        }

        @Override
        public void prompt() {
            tokens.add(">");
        }
    }, () -> now);

    private void quiet() {
        now += AtFramer.QUIET_NANOS;
    }

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        framer.feed(bytes, bytes.length);
    }

    @Test
    void anOpenTextRecordIsNotCutWhileThePortStillHoldsUnreadBytes() {
        feed("\r\n+QMTRECV: 0,1,\"t\",\"first line\r\n");
        assertTrue(framer.isRecordOpen());
        quiet();
        // The timer found bytes waiting in the port: the reader is slow, the line is not quiet.
        framer.lineBusy();
        now += AtFramer.QUIET_NANOS / 2;
        framer.quietCheck();
        assertTrue(framer.isRecordOpen(), "cut although the line was busy: " + tokens);
        feed("second line\"\r\n");
        assertEquals(List.of("+QMTRECV: 0,1,\"t\",\"first line\r\nsecond line\""), tokens);
    }

    @Test
    void aSlowLineWaitsLongerBeforeItCountsAsQuiet() {
        framer.setLineRate(115_200);
        assertEquals(AtFramer.QUIET_NANOS, framer.quietNanos());
        framer.setLineRate(4800);
        // 256 characters of 10 bits at 4800 baud: 533 ms.
        assertEquals(533_333_333L, framer.quietNanos());
        feed("\r\n+QMTRECV: 0,1,\"t\",\"slow\r\n");
        quiet();
        framer.quietCheck();
        assertTrue(framer.isRecordOpen(), "cut after 300 ms on a 4800 baud line");
        now += framer.quietNanos();
        framer.quietCheck();
        assertEquals(List.of("CUT:+QMTRECV: 0,1,\"t\",\"slow"), tokens);
    }

    @Test
    void crLfLfCrAndBareEndingsAllEndLines() {
        feed("\r\nA\r\n\n\rB\n\rC\rD\nE\r\n");
        assertEquals(List.of("A", "B", "C", "D", "E"), tokens);
    }

    @Test
    void aLineWithoutEndingIsHeldUntilItEnds() {
        feed("\r\n+CSQ: 1");
        assertEquals(List.of(), tokens);
        feed("0,99\r\n");
        assertEquals(List.of("+CSQ: 10,99"), tokens);
    }

    @Test
    void thePromptIsReportedWithoutALineEndOnlyWhenExpected() {
        framer.expectPrompt(true);
        feed("\r\n> ");
        assertEquals(List.of(">"), tokens);
        feed("\r\nOK\r\n");
        assertEquals(List.of(">", "OK"), tokens);
        tokens.clear();
        feed("\r\n> not a prompt\r\n");
        assertEquals(List.of("> not a prompt"), tokens);
    }

    @Test
    void aQmtrecvPayloadWithLineBreaksStaysOneRecord() {
        feed("\r\n+QMTRECV: 0,1,\"t\",\"{\r\n  \"a\": 1,\r\n\r\n  \"b\": \"x\"\r\n}\"\r\n\r\nOK\r\n");
        assertEquals(List.of("+QMTRECV: 0,1,\"t\",\"{\r\n  \"a\": 1,\r\n\r\n  \"b\": \"x\"\r\n}\"", "AFTER_RECORD:OK"), tokens);
    }

    @Test
    void prettyPrintedJsonWithStringsAtLineEndsStaysOneRecord() {
        feed("\r\n+QMTRECV: 0,1,\"t\",\"{\n  \"name\": \"pump\",\n  \"list\": [\"a\",\n \"b\"]\n}\"\r\n");
        assertEquals(List.of("+QMTRECV: 0,1,\"t\",\"{\n  \"name\": \"pump\",\n  \"list\": [\"a\",\n \"b\"]\n}\""), tokens);
    }

    @Test
    void aQmtrecvEndingInAQuotedWordAcrossLinesIsComplete() {
        feed("+QMTRECV: 0,0,\"t\",\"line one\nline \"two\"\"\n");
        assertEquals(List.of("+QMTRECV: 0,0,\"t\",\"line one\nline \"two\"\""), tokens);
    }

    @Test
    void everyLineInsideAnOpenRecordIsPayloadWhateverItLooksLike() {
        feed("\r\n+QMTRECV: 0,1,\"t\",\"a\r\n+QMTSTAT: 0,1\r\nOK\r\nF1: 0000 0000\n\r+QMTPUB: 0,5,0\r\nb\"\r\n");
        assertEquals(List.of("+QMTRECV: 0,1,\"t\",\"a\r\n+QMTSTAT: 0,1\r\nOK\r\nF1: 0000 0000\n\r+QMTPUB: 0,5,0\r\nb\""),
                tokens);
    }

    @Test
    void aRecordWhoseEndNeverComesIsCutWhenTheLineGoesQuietAndItsLinesAreMarkedAsPossiblePayload() {
        feed("\r\n+QMTRECV: 0,1,\"t\",\"half\r\n+QMTSTAT: 0,1\r\n");
        assertEquals(List.of(), tokens, "still open: the rest of the payload may come");
        quiet();
        feed("\r\nOK\r\n");
        assertEquals(List.of("CUT:+QMTRECV: 0,1,\"t\",\"half\r\n+QMTSTAT: 0,1", "INSIDE_RECORD:+QMTSTAT: 0,1", "OK"),
                tokens);
    }

    @Test
    void aQuietCheckCutsAnOpenRecordWhenNoMoreBytesCome() {
        feed("+QMTRECV: 0,1,\"t\",\"half\n\rF1: 0000 0000\n\r");
        framer.quietCheck();
        assertEquals(List.of(), tokens, "not quiet yet");
        quiet();
        framer.quietCheck();
        assertEquals(List.of("CUT:+QMTRECV: 0,1,\"t\",\"half\n\rF1: 0000 0000", "INSIDE_RECORD:F1: 0000 0000"),
                tokens);
        assertFalse(framer.isRecordOpen());
    }

    @Test
    void linesRightAfterATextRecordAreMarkedUntilTheLineGoesQuiet() {
        feed("\r\n+QMTRECV: 0,0,\"t\",\"a\"\r\n+QMTSTAT: 0,1\r\n");
        quiet();
        feed("\r\n+QMTSTAT: 0,1\r\n");
        assertEquals(List.of("+QMTRECV: 0,0,\"t\",\"a\"", "AFTER_RECORD:+QMTSTAT: 0,1", "+QMTSTAT: 0,1"), tokens);
    }

    @Test
    void noPromptInsideOrRightAfterARecord() {
        framer.expectPrompt(true);
        feed("\r\n+QMTRECV: 0,0,\"t\",\"a\r\n> \"\r\n");
        feed("\r\n> x\r\n");
        feed("\r\n> ");
        feed("\"\r\n");
        assertFalse(tokens.contains(">"), "a '>' followed by more of the burst is payload: " + tokens);
        feed("\r\n> ");
        assertFalse(tokens.contains(">"), "right after a record, a '>' waits for the line to go quiet");
        quiet();
        framer.quietCheck();
        assertEquals(">", tokens.get(tokens.size() - 1), "nothing followed it: the modem's prompt");
        framer.expectPrompt(true);
        feed("\r\n> ");
        assertEquals(List.of(">", ">"), tokens.stream().filter(">"::equals).toList(), "after a quiet line: at once");
    }

    @Test
    void inTheHexFormatEveryRecordIsOneLineAndOnlyABrokenOneMarksWhatFollows() {
        framer.setHexRecords(true);
        feed("\r\n+QMTRECV: 0,0,\"t\",\"414243\"\r\n+QMTSTAT: 0,1\r\n");
        quiet();
        feed("\r\n+QMTRECV: 0,0,\"t\r\n+QMTSTAT: 0,1\r\n\",\"41\"\r\n");
        assertEquals(List.of("+QMTRECV: 0,0,\"t\",\"414243\"", "+QMTSTAT: 0,1", "+QMTRECV: 0,0,\"t",
                "AFTER_RECORD:+QMTSTAT: 0,1", "AFTER_RECORD:\",\"41\""), tokens);
    }

    @Test
    void aRecordTooLongToDeliverIsReadToItsEndAndReportedCut() {
        feed("\r\n+QMTRECV: 0,1,\"big\",\"start\r\n" + ("y".repeat(1000) + "\r\nOK\r\n").repeat(20) + "end\"\r\nOK\r\n");
        assertEquals(List.of("CUT:+QMTRECV: 0,1,\"big\",\"start", "AFTER_RECORD:OK"), tokens);
    }

    @Test
    void anOverlongLineIsCutAndMarked() {
        feed("X".repeat(100_000) + "\r\nOK\r\n");
        assertEquals(2, lines.size());
        assertFalse(lines.get(0).isComplete());
        assertEquals(AtFramer.MAX_LINE_BYTES, lines.get(0).text().length());
        assertEquals("OK", lines.get(1).text());
    }

    @Test
    void nonUtf8BytesArriveUnchanged() {
        byte[] bytes = { '+', 'Q', 'M', 'T', 'R', 'E', 'C', 'V', ':', ' ', '0', ',', '0', ',', '"', 't', '"', ',',
                '"', (byte) 0xff, (byte) 0x00, (byte) 0x80, '"', '\r', '\n' };
        framer.feed(bytes, bytes.length);
        assertEquals(1, lines.size());
        byte[] raw = lines.get(0).raw();
        assertEquals((byte) 0xff, raw[19]);
        assertEquals((byte) 0x00, raw[20]);
    }

    @Test
    void aLengthShownRecordIsReadByItsLengthAcrossLineBreaksAndReads() {
        framer.setLengthRecords(true);
        framer.expectPrompt(true);
        // 24 payload bytes holding lines a modem prints, a lone '>' and a closing-quote look-alike, in three reads.
        feed("\r\n+QMTRECV: 0,1,\"t\",24,\"a\"\r\nOK\r\n>");
        feed("\r\n+QMTSTAT: 0,1");
        assertEquals(List.of(), tokens, "still inside the record");
        feed("\"\r\n\r\nOK\r\n");
        assertEquals(List.of("+QMTRECV: 0,1,\"t\",24,\"a\"\r\nOK\r\n>\r\n+QMTSTAT: 0,1\"", "OK"), tokens,
                "the record exactly, then the modem's own OK, trusted as the modem's");
    }

    @Test
    void aLengthShownRecordWhoseBytesStopIsCutAfterAQuietLine() {
        framer.setLengthRecords(true);
        feed("\r\n+QMTRECV: 0,1,\"t\",50,\"half\r\n");
        assertTrue(framer.awaitsQuiet());
        quiet();
        framer.quietCheck();
        assertEquals(List.of("CUT:+QMTRECV: 0,1,\"t\",50,\"half\r\n"), tokens);
        feed("\r\nOK\r\n");
        assertEquals("OK", tokens.get(1), "the line is the modem's again");
    }

    @Test
    void aLengthShownRecordLongerThanALineIsCountedOutAndNeverDelivered() {
        framer.setLengthRecords(true);
        int length = AtFramer.MAX_LINE_BYTES + 10;
        feed("\r\n+QMTRECV: 0,1,\"t\"," + length + ",\"x\r\n" + "y".repeat(length - 3) + "\"\r\nOK\r\n");
        assertEquals(2, tokens.size(), String.valueOf(tokens.size()));
        assertFalse(lines.get(0).isComplete(), "too long to keep: reported cut");
        assertEquals("OK", tokens.get(1), "counted to its end, so the modem's next line is its own");
    }
}
