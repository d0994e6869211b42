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
package org.openhab.binding.bc26.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.link.LinkTap;

/**
 * Writes what crosses the serial line into a transcript in the form of the project's captures, which the
 * simulator's replay reads: a {@code #} header, the line {@code # ---- transcript (verbatim) ----}, then one line per
 * command or printed line, each after {@code HH:MM:SS.mmm -> }. Data written after the {@code >} prompt is marked
 * {@code // sent after >}, the modem's echo of a command {@code // echo}. Bytes that are no printable text appear as {@code \xHH} (a binary payload, Ctrl+Z, ESC),
 * and two slashes as {@code /\x2F} so no payload reads as a comment. Secrets go through a {@link TranscriptRedactor}
 * before anything is written.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SerialTranscript implements LinkTap, AutoCloseable {

    static final String START = "# ---- transcript (verbatim) ----";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Writer writer;
    private final TranscriptRedactor redactor;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    /** The last command written, to tell the modem's echo of it from a command (the replay sends only commands). */
    private String lastSent = "";
    private @Nullable IOException failure;

    /**
     * @param header lines of the header, each written after {@code # }
     */
    SerialTranscript(Path file, List<String> header, TranscriptRedactor redactor) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.redactor = redactor;
        for (String text : header) {
            writer.write("# " + text + "\n");
        }
        writer.write(START + "\n");
    }

    @Override
    public synchronized void sent(byte[] data) {
        flushReceived();
        String text = escaped(data, 0, data.length, true);
        boolean command = text.regionMatches(true, 0, "AT", 0, 2);
        lastSent = text;
        write(redactor.sent(text) + (command ? "" : "  // sent after >"));
    }

    @Override
    public synchronized void received(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                flushReceived();
            } else {
                line.write(b);
            }
        }
    }

    /** A line the modem printed is written when it ends, or when the host writes before it ended (a prompt). */
    private void flushReceived() {
        if (line.size() > 0) {
            byte[] bytes = line.toByteArray();
            line.reset();
            String text = escaped(bytes, 0, bytes.length, false);
            write(redactor.received(text) + (text.equals(lastSent) ? "  // echo" : ""));
        }
    }

    private void write(String text) {
        try {
            writer.write(LocalTime.now().format(TIME) + " -> " + text + "\n");
            writer.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** The first write that failed, if any: the self-test says so instead of claiming a transcript. */
    synchronized @Nullable IOException failure() {
        return failure;
    }

    /**
     * UTF-8 text as it is, the rest as {@code \xHH}; a command's closing CR is left out (each line is one write).
     */
    static String escaped(byte[] data, int offset, int length, boolean dropTrailingCr) {
        int end = offset + length;
        if (dropTrailingCr && end > offset && data[end - 1] == '\r') {
            end--;
        }
        String text = new String(data, offset, end - offset, StandardCharsets.UTF_8);
        boolean valid = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOfRange(data, offset, end));
        StringBuilder out = new StringBuilder(end - offset);
        if (!valid) {
            // Not UTF-8 (a binary payload): every byte outside printable ASCII as \xHH.
            for (int i = offset; i < end; i++) {
                int b = data[i] & 0xFF;
                appendChar(out, b < 0x80 ? (char) b : '\0', b);
            }
            return out.toString();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            appendChar(out, c, c);
        }
        return out.toString();
    }

    private static void appendChar(StringBuilder out, char c, int code) {
        if (c == '\\') {
            out.append("\\x5C");
        } else if (c == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '/') {
            out.append("\\x2F");
        } else if ((c < 0x20 || c == 0x7F || (c == '\0' && code >= 0x80)) && code < 0x100) {
            out.append(String.format("\\x%02X", code));
        } else {
            out.append(c);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        flushReceived();
        writer.close();
    }
}
