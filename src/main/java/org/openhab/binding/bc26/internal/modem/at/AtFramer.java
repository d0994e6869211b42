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
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Cuts the modem's byte stream into lines and {@code >} prompts.
 * <ul>
 * <li>Any mix of CR and LF ends a line (the boot banner uses LF CR); empty lines are dropped.</li>
 * <li>The data-mode prompt {@code >} has no line ending, so it is reported as soon as it arrives at the start of a
 * line while a prompt is expected.</li>
 * <li>{@code +QMTRECV} prints the payload raw, so a payload with line breaks spans several lines: the record is kept
 * open until its closing quote (and, for a payload that starts with { or [, until its brackets balance, so
 * pretty-printed JSON survives). A line that starts like a new URC or final result ends an open record early; the
 * cut record is reported as incomplete and never becomes a message.</li>
 * <li>A line longer than {@link #MAX_LINE_BYTES} is cut (and reported incomplete) so a babbling modem cannot exhaust
 * memory.</li>
 * </ul>
 * Not thread-safe: fed by one reader thread.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AtFramer {

    /** Longest line kept; the longest legitimate BC26 line is a +QMTRECV of ~1.3 KB. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    /** Lines that start a new record even while a +QMTRECV payload is open. */
    private static final List<String> RECORD_STARTS = List.of("+QMTRECV:", "+QMTSTAT:", "+QMTPUB:", "+QMTSUB:",
            "+QMTUNS:", "+QMTOPEN:", "+QMTCONN:", "+QMTCLOSE:", "+QMTDISC:", "+CEREG:", "+CPIN:", "+CFUN:", "+IP:",
            "+CSCON:", "+QNBIOTEVENT:", "OK", "ERROR", "+CME ERROR:", "F1:", "Leaving the BROM");

    /** Receives what the framer cuts. */
    public interface Sink {
        /** A line (or a whole multi-line +QMTRECV record). */
        void line(AtLine line);

        /** The {@code >} prompt of data mode. */
        void prompt();
    }

    private final Sink sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream breaks = new ByteArrayOutputStream();
    private final ByteArrayOutputStream record = new ByteArrayOutputStream();
    private boolean lineOverflow;
    private boolean recordOpen;
    private boolean promptExpected;
    private boolean skipSpace;

    public AtFramer(Sink sink) {
        this.sink = sink;
    }

    /** Tells the framer whether a {@code >} at the start of a line is the data-mode prompt. */
    public void expectPrompt(boolean expected) {
        this.promptExpected = expected;
    }

    /** Forgets any partial line, e.g. after the modem restarted. */
    public void reset() {
        line.reset();
        breaks.reset();
        record.reset();
        lineOverflow = false;
        recordOpen = false;
        promptExpected = false;
    }

    public void feed(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b != ' ') {
                skipSpace = false;
            }
            if (b == '\r' || b == '\n') {
                endOfLine(b);
            } else if (b == '>' && promptExpected && line.size() == 0 && !recordOpen) {
                promptExpected = false;
                skipSpace = true;
                breaks.reset();
                sink.prompt();
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
            if (startsRecord(bytes) || record.size() + separator.length + bytes.length > MAX_LINE_BYTES
                    || !complete) {
                emitRecord(false);
            } else {
                record.writeBytes(separator);
                record.writeBytes(bytes);
                if (QmtRecvShape.isComplete(record.toByteArray(), true)) {
                    emitRecord(true);
                }
                return;
            }
        }
        if (complete && startsWith(bytes, "+QMTRECV:") && !QmtRecvShape.isComplete(bytes)) {
            record.writeBytes(bytes);
            recordOpen = true;
            return;
        }
        sink.line(new AtLine(bytes, complete));
    }

    private void emitRecord(boolean complete) {
        byte[] bytes = record.toByteArray();
        record.reset();
        recordOpen = false;
        sink.line(new AtLine(bytes, complete));
    }

    private static boolean startsRecord(byte[] bytes) {
        for (String start : RECORD_STARTS) {
            if (startsWith(bytes, start)) {
                return true;
            }
        }
        return false;
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
