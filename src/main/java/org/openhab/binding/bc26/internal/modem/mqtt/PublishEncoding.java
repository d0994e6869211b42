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
package org.openhab.binding.bc26.internal.modem.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.at.AtLine;

/**
 * Chooses how one payload goes to the modem (protocol reference §4.8, §6.6):
 * <ul>
 * <li>{@link Form#DIRECT}: {@code AT+QMTPUB=...,"topic","payload"}, the shortest exchange, for plain text up to
 * 700 bytes without quotes (they cut the string), commas (unverified in the direct form) or control characters;</li>
 * <li>{@link Form#PROMPT}: {@code AT+QMTPUB=...,"topic"}, then the payload after the {@code >} prompt, ended by
 * Ctrl+Z: any UTF-8 text with quotes, commas, tabs or line breaks, up to 1024 bytes;</li>
 * <li>{@link Form#LENGTH} (BC660K, BC260Y only): {@code AT+QMTPUB=...,"topic",<length>,"payload"}: the length, not a
 * quote, ends the payload, so text on one line with quotes and commas goes in one command, up to 1460 bytes;</li>
 * <li>{@link Form#EXACT} (BG95, BG96, BG77 only): {@code AT+QMTPUB=...,"topic",<length>}, then the payload's exact
 * bytes after the prompt, whatever they are, up to 1024 bytes;</li>
 * <li>{@link Form#HEX}: everything else (invalid UTF-8, NUL, Ctrl+Z, ESC, other control bytes) in the hex data
 * format, two characters per byte, so at most 512 bytes.</li>
 * </ul>
 *
 * @param form the form
 * @param wire what goes inside the quotes or after the prompt
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record PublishEncoding(Form form, byte[] wire) {

    /** Longest payload of the direct form. */
    public static final int MAX_DIRECT_BYTES = 700;
    /** Longest payload of data (prompt) mode. */
    public static final int MAX_PROMPT_BYTES = 1024;
    /** Longest binary payload: hex doubles the size within the data-mode limit. */
    public static final int MAX_BINARY_BYTES = MAX_PROMPT_BYTES / 2;
    /** Longest text payload of BC660K and BC260Y, in the length form and in data mode (BC660K MQTT AN §3.3.8). */
    public static final int MAX_LENGTH_FORM_BYTES = 1460;

    /** How the payload is sent. */
    public enum Form {
        DIRECT,
        PROMPT,
        LENGTH,
        EXACT,
        HEX
    }

    /**
     * Chooses the form for a payload.
     *
     * @throws MqttException PAYLOAD_TOO_LARGE if no form can carry it
     */
    public static PublishEncoding of(byte[] payload) throws MqttException {
        Kind kind = Kind.of(payload);
        if (kind == Kind.LINE && payload.length <= MAX_DIRECT_BYTES && !contains(payload, '"')
                && !contains(payload, ',')) {
            return new PublishEncoding(Form.DIRECT, payload);
        }
        if (kind != Kind.BINARY) {
            checkSize(payload.length, MAX_PROMPT_BYTES, " of text");
            return new PublishEncoding(Form.PROMPT, payload);
        }
        return hex(payload, MAX_BINARY_BYTES);
    }

    /**
     * Chooses the form on a modem that has the length-delimited publish (BC660K, BC260Y): {@link Form#LENGTH} for
     * text on one line, quotes and commas included; {@link Form#PROMPT} for text with line breaks or tabs;
     * {@link Form#HEX} for the rest (half as many bytes: hex doubles them).
     *
     * @throws MqttException PAYLOAD_TOO_LARGE if no form can carry it
     */
    public static PublishEncoding ofLengthForm(byte[] payload) throws MqttException {
        Kind kind = Kind.of(payload);
        if (kind == Kind.BINARY) {
            return hex(payload, MAX_LENGTH_FORM_BYTES / 2);
        }
        checkSize(payload.length, MAX_LENGTH_FORM_BYTES, " of text");
        return new PublishEncoding(kind == Kind.LINE ? Form.LENGTH : Form.PROMPT, payload);
    }

    /**
     * The form on a modem whose publish announces the length and then takes exactly that many bytes (BG95, BG96,
     * BG77): any payload, binary included, as it is. Kept within 1024 bytes, the data-mode limit the project could
     * source for the whole family.
     *
     * @throws MqttException PAYLOAD_TOO_LARGE beyond 1024 bytes
     */
    public static PublishEncoding ofExactLength(byte[] payload) throws MqttException {
        checkSize(payload.length, MAX_PROMPT_BYTES, "");
        return new PublishEncoding(Form.EXACT, payload);
    }

    private static PublishEncoding hex(byte[] payload, int maxBytes) throws MqttException {
        checkSize(payload.length, maxBytes, " of binary data");
        return new PublishEncoding(Form.HEX,
                HexFormat.of().withUpperCase().formatHex(payload).getBytes(StandardCharsets.US_ASCII));
    }

    private static void checkSize(int length, int max, String what) throws MqttException {
        if (length > max) {
            throw new MqttException(MqttException.Reason.PAYLOAD_TOO_LARGE,
                    "The payload is " + length + " bytes; the modem sends at most " + max + " bytes" + what);
        }
    }

    private static boolean contains(byte[] payload, char c) {
        for (byte b : payload) {
            if (b == c) {
                return true;
            }
        }
        return false;
    }

    /** What a payload is, for the command line: what can stand inside one AT line, what only data mode carries. */
    private enum Kind {
        /** UTF-8 text without control characters: fits inside one command line. */
        LINE,
        /** UTF-8 text with line breaks or tabs: data mode only. */
        LINES,
        /** Anything else (invalid UTF-8, NUL, Ctrl+Z, ESC, other control bytes): hex only. */
        BINARY;

        static Kind of(byte[] payload) {
            if (AtLine.strictUtf8(payload) == null) {
                return BINARY;
            }
            Kind kind = LINE;
            for (byte b : payload) {
                int c = b & 0xff;
                if (c == '\r' || c == '\n' || c == '\t') {
                    kind = LINES;
                } else if (c < 0x20 || c == 0x7F) {
                    return BINARY;
                }
            }
            return kind;
        }
    }
}
