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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Splits AT parameters the way the modem does: commas outside quotes separate, quotes are removed, and there is no
 * escape character (an inner quote ends the string, protocol reference §6.6).
 *
 * @param values the parameters, unquoted
 * @param quoted which parameters were quoted
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
record SimParams(List<String> values, List<Boolean> quoted) {

    static SimParams parse(String text) {
        List<String> values = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
                wasQuoted = true;
            } else if (c == ',' && !inQuotes) {
                values.add(wasQuoted ? current.toString() : current.toString().trim());
                quoted.add(wasQuoted);
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(c);
            }
        }
        values.add(wasQuoted ? current.toString() : current.toString().trim());
        quoted.add(wasQuoted);
        return new SimParams(values, quoted);
    }

    int size() {
        return values.size();
    }

    String text(int index) {
        return values.get(index);
    }

    int integer(int index) {
        return Integer.parseInt(values.get(index).trim());
    }

    boolean isQuoted(int index) {
        return quoted.get(index);
    }
}
