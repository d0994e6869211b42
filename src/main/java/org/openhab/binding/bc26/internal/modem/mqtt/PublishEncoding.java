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

    /** How the payload is sent. */
    public enum Form {
        DIRECT,
        PROMPT,
        HEX
    }

    /**
     * Chooses the form for a payload.
     *
     * @throws MqttException PAYLOAD_TOO_LARGE if no form can carry it
     */
    public static PublishEncoding of(byte[] payload) throws MqttException {
        boolean text = AtLine.strictUtf8(payload) != null;
        boolean direct = text && payload.length <= MAX_DIRECT_BYTES;
        boolean prompt = text;
        for (byte b : payload) {
            int c = b & 0xff;
            if (c == '"' || c == ',' || c < 0x20 || c == 0x7F) {
                direct = false;
            }
            if ((c < 0x20 && c != '\r' && c != '\n' && c != '\t') || c == 0x7F) {
                prompt = false;
            }
        }
        if (direct) {
            return new PublishEncoding(Form.DIRECT, payload);
        }
        if (prompt) {
            if (payload.length > MAX_PROMPT_BYTES) {
                throw new MqttException(MqttException.Reason.PAYLOAD_TOO_LARGE, "The payload is " + payload.length
                        + " bytes; the modem sends at most " + MAX_PROMPT_BYTES + " bytes of text");
            }
            return new PublishEncoding(Form.PROMPT, payload);
        }
        if (payload.length > MAX_BINARY_BYTES) {
            throw new MqttException(MqttException.Reason.PAYLOAD_TOO_LARGE, "The binary payload is " + payload.length
                    + " bytes; the modem sends at most " + MAX_BINARY_BYTES + " bytes of binary data");
        }
        return new PublishEncoding(Form.HEX,
                HexFormat.of().withUpperCase().formatHex(payload).getBytes(StandardCharsets.US_ASCII));
    }
}
