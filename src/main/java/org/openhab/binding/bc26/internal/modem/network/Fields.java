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
package org.openhab.binding.bc26.internal.modem.network;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Splits the comma-separated values of an information line, keeping commas inside quotes.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Fields {

    private Fields() {
    }

    /** Splits {@code 0,2506,"6923252",-84} into its fields (quotes kept), trimmed. */
    public static String[] split(String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields.toArray(String[]::new);
    }

    /** The field without surrounding quotes. */
    public static String unquote(String field) {
        String trimmed = field.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** A required integer field. */
    public static int integer(String field, String what) {
        try {
            return Integer.parseInt(unquote(field));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed " + what + ": '" + field + "'");
        }
    }

    /** An optional integer field: null when empty (BC26 leaves RSRP etc. empty outside RRC idle). */
    public static @Nullable Integer optionalInteger(String[] fields, int index) {
        if (index >= fields.length || unquote(fields[index]).isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(unquote(fields[index]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
