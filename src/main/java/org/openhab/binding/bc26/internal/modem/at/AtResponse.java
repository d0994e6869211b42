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

import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The successful answer to a command: its information lines (the final {@code OK} is implied).
 *
 * @param lines information lines in arrival order
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record AtResponse(List<String> lines) {

    public AtResponse {
        lines = List.copyOf(lines);
    }

    /** The first line starting with {@code prefix}, with the prefix and the optional space after it removed. */
    /** The value after {@code prefix}, or {@code fallback} when no line has it. */
    public String valueOr(String prefix, String fallback) {
        for (String line : lines) {
            if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return line.substring(prefix.length()).stripLeading();
            }
        }
        return fallback;
    }

    public Optional<String> value(String prefix) {
        for (String line : lines) {
            if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of(line.substring(prefix.length()).stripLeading());
            }
        }
        return Optional.empty();
    }

    /** Like {@link #value(String)} but required. */
    public String requireValue(String prefix) throws AtException {
        return value(prefix).orElseThrow(
                () -> new AtException(AtException.Kind.UNEXPECTED_ANSWER, "No " + prefix + " line in " + lines));
    }

    /** The first non-empty line, for commands that answer without a prefix. */
    public String firstLine() throws AtException {
        return lines.stream().filter(l -> !l.isBlank()).findFirst().orElseThrow(
                () -> new AtException(AtException.Kind.UNEXPECTED_ANSWER, "Empty answer"));
    }
}
