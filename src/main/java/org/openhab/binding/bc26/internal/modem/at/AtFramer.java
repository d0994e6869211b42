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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Cuts the modem's byte stream into lines and {@code >} prompts.
 * <ul>
 * <li>Any mix of CR and LF ends a line (the boot banner uses LF CR); empty lines are dropped.</li>
 * <li>The data-mode prompt {@code >} has no line ending, so it is reported as soon as it arrives at the start of a
 * line while a prompt is expected, and never inside or right after a {@code +QMTRECV} record, whose text a publisher
 * chose.</li>
 * <li>In the hex receive format ({@link #setHexRecords(boolean) hex records}) every {@code +QMTRECV} record is one
 * line: its payload is hex digits, so nothing in it can look like a modem line.</li>
 * <li>Where the modem shows each payload's length ({@link #setLengthRecords(boolean) length records}, BC660K and
 * BC260Y), a {@code +QMTRECV} record is exactly as long as it says: once its first line names the length, the bytes
 * that follow are counted into the payload, line breaks included, and nothing in it is read as a line.</li>
 * <li>In the text format BC26 prints the payload raw, line breaks included, so a record stays open until its closing
 * quote (and, for a payload that starts with { or [, until its brackets balance, so pretty-printed JSON survives).
 * Every line inside an open record is payload, whatever it looks like: {@code OK}, {@code +QMTSTAT: 0,1} or the boot
 * banner there are text a publisher wrote. A record that never closes (the line goes quiet for
 * {@link #QUIET_NANOS}, or it outgrows {@link #MAX_LINE_BYTES}) is reported as incomplete and never becomes a
 * message; its inner lines follow, marked {@link AtLine.Trust#INSIDE_RECORD}, so a reboot or session loss the modem
 * really printed there can still be verified.</li>
 * <li>Lines that arrive in the same burst right after a text record closed are marked
 * {@link AtLine.Trust#AFTER_RECORD}: a payload line ending in a quote looks like the record's end, so they may still be
 * payload.</li>
 * <li>A line longer than {@link #MAX_LINE_BYTES} is cut (and reported incomplete) so a babbling modem cannot exhaust
 * memory.</li>
 * </ul>
 * Not thread-safe: fed by one reader thread (and {@link #quietCheck()} under the same lock).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AtFramer {

    /** Longest line kept; the longest legitimate BC26 line is a +QMTRECV of ~1.3 KB. */
    public static final int MAX_LINE_BYTES = 16 * 1024;
    /**
     * A quiet line for this long ends a burst: the modem prints a record in one go (1 KB takes 90 ms at 115200 baud),
     * so an open record still open after a pause has lost its end, and later lines are no longer "right after" it.
     */
    public static final long QUIET_NANOS = 300_000_000L;
    /** At low line rates the quiet time is at least this many character times (10 bits each, 8N1). */
    static final int QUIET_CHARACTERS = 256;

    /** Receives what the framer cuts. */
    public interface Sink {
        /** A line (or a whole multi-line +QMTRECV record). */
        void line(AtLine line);

        /** The {@code >} prompt of data mode. */
        void prompt();
    }

    private final Sink sink;
    private final LongSupplier clock;
    private long quietNanos = QUIET_NANOS;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream breaks = new ByteArrayOutputStream();
    private final ByteArrayOutputStream record = new ByteArrayOutputStream();
    /** The lines of the open record after its first, kept apart so a cut record can report them. */
    private final List<byte[]> recordLines = new ArrayList<>();
    private boolean lineOverflow;
    private boolean recordOpen;
    private boolean recordOverflow;
    private boolean afterRecord;
    private boolean promptExpected;
    /** A {@code >} right after a record: the modem's prompt only if the line then stays quiet. */
    private boolean promptCandidate;
    private boolean skipSpace;
    private boolean hexRecords;
    private boolean lengthRecords;
    /** Bytes of a length-shown record still to come, taken as they are (no line breaks, no prompt). */
    private long rawRemaining;
    private long lastByte;

    public AtFramer(Sink sink) {
        this(sink, System::nanoTime);
    }

    /** With a clock (nanoseconds) for the quiet-line rule, for tests. */
    public AtFramer(Sink sink, LongSupplier clock) {
        this.sink = sink;
        this.clock = clock;
        this.lastByte = clock.getAsLong();
    }

    /** Tells the framer whether a {@code >} at the start of a line is the data-mode prompt. */
    public void expectPrompt(boolean expected) {
        this.promptExpected = expected;
    }

    /**
     * Whether the modem prints received payloads in hex ({@code AT+QMTCFG="dataformat",<id>,<send>,1}): then every
     * {@code +QMTRECV} record is a single line.
     */
    public void setHexRecords(boolean hex) {
        this.hexRecords = hex;
    }

    /**
     * Whether received records show their payload's length ({@code AT+QMTCFG="showrecvlen",<id>,1} on BC660K and
     * BC260Y): then a record is read by its length, not by its line breaks.
     */
    public void setLengthRecords(boolean length) {
        this.lengthRecords = length;
    }

    /**
     * The line rate, which sets the quiet time: {@link #QUIET_NANOS}, or {@value #QUIET_CHARACTERS} character times
     * where that is longer (below about 8500 baud), so a slow line is not taken for a quiet one.
     */
    public void setLineRate(int baud) {
        long characters = baud > 0 ? QUIET_CHARACTERS * 10L * 1_000_000_000L / baud : 0;
        quietNanos = Math.max(QUIET_NANOS, characters);
    }

    /** How long the line must be quiet before an open record is cut. */
    public long quietNanos() {
        return quietNanos;
    }

    /**
     * The port holds bytes the reader has not read yet: the line was busy now, whatever the reader's timing says. An
     * open record is not cut while the host is slow to read.
     */
    public void lineBusy() {
        lastByte = clock.getAsLong();
    }

    /** Whether bytes of a line (or record) have come whose end has not. */
    public boolean hasPartialLine() {
        return line.size() > 0 || recordOpen || rawRemaining > 0;
    }

    /** Whether a text record is open (waiting for its closing quote). */
    public boolean isRecordOpen() {
        return recordOpen;
    }

    /**
     * Whether something waits for the line to go quiet ({@link #quietCheck()}): an open text record, or a prompt that
     * came right after a record.
     */
    public boolean awaitsQuiet() {
        return recordOpen || promptCandidate || rawRemaining > 0;
    }

    /** Forgets any partial line, e.g. after the modem restarted. */
    public void reset() {
        line.reset();
        breaks.reset();
        record.reset();
        recordLines.clear();
        lineOverflow = false;
        recordOpen = false;
        recordOverflow = false;
        afterRecord = false;
        promptExpected = false;
        promptCandidate = false;
        rawRemaining = 0;
    }

    /**
     * Ends an open record that has been quiet for {@link #QUIET_NANOS}: the modem would have finished it by now, so
     * its end was lost. Called when no more bytes come to do it.
     */
    public void quietCheck() {
        if (clock.getAsLong() - lastByte >= quietNanos) {
            endBurst();
        }
    }

    private void endBurst() {
        if (recordOpen) {
            cutRecord();
        }
        if (rawRemaining > 0) {
            // A length-shown record whose bytes stopped coming: its end was lost.
            rawRemaining = 0;
            byte[] bytes = line.toByteArray();
            line.reset();
            lineOverflow = false;
            sink.line(new AtLine(bytes, false));
        }
        afterRecord = false;
        if (promptCandidate) {
            // Nothing followed the '>': the modem printed it and waits for the data.
            promptCandidate = false;
            promptExpected = false;
            sink.prompt();
        }
    }

    public void feed(byte[] data, int length) {
        long now = clock.getAsLong();
        if (now - lastByte >= quietNanos) {
            endBurst();
        }
        lastByte = now;
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (rawRemaining > 0) {
                rawRemaining--;
                if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                } else {
                    lineOverflow = true;
                }
                continue;
            }
            if (b != ' ') {
                skipSpace = false;
            }
            if (promptCandidate && b != ' ') {
                // The modem goes quiet after its prompt; a payload's '>' line is followed by more of the record.
                promptCandidate = false;
                line.write('>');
            }
            if (b == '\r' || b == '\n') {
                endOfLine(b);
            } else if (b == '>' && promptExpected && line.size() == 0 && !recordOpen) {
                skipSpace = true;
                breaks.reset();
                if (afterRecord) {
                    promptCandidate = true;
                } else {
                    promptExpected = false;
                    sink.prompt();
                }
            } else if (b == ' ' && skipSpace) {
                // BC660K and others print "> " with a trailing space.
                skipSpace = false;
            } else if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            } else {
                lineOverflow = true;
            }
        }
    }

    private void endOfLine(byte lineBreak) {
        if (line.size() == 0 && !lineOverflow) {
            breaks.write(lineBreak);
            return;
        }
        byte[] bytes = line.toByteArray();
        boolean complete = !lineOverflow;
        line.reset();
        lineOverflow = false;
        byte[] separator = breaks.toByteArray();
        breaks.reset();
        breaks.write(lineBreak);

        if (recordOpen) {
            continueRecord(bytes, separator, complete);
            return;
        }
        if (complete && startsWith(bytes, "+QMTRECV:")) {
            if (lengthRecords) {
                long needs = QmtRecvShape.lengthNeeds(bytes);
                if (needs > 1) {
                    // The line break was payload: keep the line open and count the rest of the record in.
                    line.writeBytes(bytes);
                    line.write(lineBreak);
                    breaks.reset();
                    rawRemaining = needs - 1;
                    return;
                }
                // Complete (or not such a record, which the client drops): either way the modem's lines follow.
                sink.line(new AtLine(bytes, true));
                return;
            }
            if (hexRecords) {
                // One line per record; one that is not a clean hex record (a topic with a line break, a cut) may have
                // left text behind it that looks like modem lines. A clean one shows the modem's output in step
                // again, so a busy line (never quiet) does not keep every later line under suspicion.
                afterRecord = !QmtRecvShape.isHexRecord(bytes);
                sink.line(new AtLine(bytes, true));
                return;
            }
            if (!QmtRecvShape.isComplete(bytes)) {
                record.writeBytes(bytes);
                recordOpen = true;
                return;
            }
            sink.line(new AtLine(bytes, true));
            afterRecord = true;
            return;
        }
        sink.line(new AtLine(bytes, complete, afterRecord ? AtLine.Trust.AFTER_RECORD : AtLine.Trust.MODEM));
    }

    /** A line inside an open text record: payload, whatever it looks like. */
    private void continueRecord(byte[] bytes, byte[] separator, boolean complete) {
        if (!recordOverflow && (!complete || record.size() + separator.length + bytes.length > MAX_LINE_BYTES)) {
            // Too long to deliver: keep reading to the record's end, so its remaining lines are not taken for the
            // modem's, but keep none of it.
            recordOverflow = true;
            byte[] head = recordHead();
            record.reset();
            record.writeBytes(head);
            recordLines.clear();
        }
        if (recordOverflow) {
            if (complete && bytes.length > 0 && bytes[bytes.length - 1] == '"') {
                recordOpen = false;
                recordOverflow = false;
                afterRecord = true;
                byte[] head = record.toByteArray();
                record.reset();
                sink.line(new AtLine(head, false));
            }
            return;
        }
        record.writeBytes(separator);
        record.writeBytes(bytes);
        recordLines.add(bytes);
        if (QmtRecvShape.isComplete(record.toByteArray(), true)) {
            byte[] whole = record.toByteArray();
            record.reset();
            recordLines.clear();
            recordOpen = false;
            afterRecord = true;
            sink.line(new AtLine(whole, true));
        }
    }

    /** The first line of the open record (up to the first line break): it names the topic. */
    private byte[] recordHead() {
        byte[] bytes = record.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                return java.util.Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    /** The open record lost its end: report it incomplete, then its inner lines as possible payload. */
    private void cutRecord() {
        byte[] bytes = record.toByteArray();
        List<byte[]> inner = List.copyOf(recordLines);
        record.reset();
        recordLines.clear();
        recordOpen = false;
        recordOverflow = false;
        sink.line(new AtLine(bytes, false));
        for (byte[] innerLine : inner) {
            sink.line(new AtLine(innerLine, true, AtLine.Trust.INSIDE_RECORD));
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (Character.toUpperCase(bytes[i]) != Character.toUpperCase(p[i])) {
                return false;
            }
        }
        return true;
    }
}
