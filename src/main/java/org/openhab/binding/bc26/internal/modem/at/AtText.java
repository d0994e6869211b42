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

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.setting.SettingField;

/**
 * Builds quoted AT parameters. Quectel firmware has no escape mechanism inside quotes (an inner {@code "} ends the
 * string, {@code \"} is not translated; protocol reference §6.6), and CR, LF, Ctrl+Z or ESC would end the command
 * or data mode. So a value with any of those is refused with a clear message; nothing a caller passes in can ever
 * start a new AT command.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AtText {

    private AtText() {
    }

    /**
     * Text from outside (a topic, a payload, a modem line) made safe for one log line: control characters become
     * {@code \r}, {@code \n} or {@code \xNN}, so an input cannot start a forged log line or drive a terminal, and
     * anything past 200 characters is cut with its length noted.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 220));
        int limit = Math.min(text.length(), 200);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > limit) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * Quotes a value.
     *
     * @param value the value
     * @param what the field, named in the error message
     * @param maxBytes the modem's limit in UTF-8 bytes
     * @return {@code "value"}
     * @throws IllegalArgumentException if the value cannot be sent safely
     */
    public static String quoted(String value, SettingField what, int maxBytes) {
        check(value, what, maxBytes);
        return '"' + value + '"';
    }

    /**
     * Checks that a value can be sent inside quotes.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public static void check(String value, SettingField what, int maxBytes) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw SettingError.TEXT_TOO_LONG.with(what, bytes, maxBytes);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                throw SettingError.TEXT_QUOTE.with(what);
            }
            if (c < 0x20 || c == 0x7F) {
                throw SettingError.TEXT_CONTROL.with(what, String.format("%02X", (int) c));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))) {
                if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(value.charAt(i - 1))) {
                    throw SettingError.TEXT_NOT_UNICODE.with(what);
                }
            }
        }
    }
}
