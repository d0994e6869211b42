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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Parsed {@code --name value} options and positional arguments; {@link UsageException} for anything malformed.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class Arguments {

    /** Bad arguments: the command line prints usage and exits 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param args the arguments after the command
     * @param flags options without a value
     * @param allowed every option name the command knows
     */
    static Arguments parse(String[] args, int from, Set<String> flags, Set<String> allowed) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                if (!allowed.contains(name)) {
                    throw new UsageException("Unknown option " + arg);
                }
                if (flags.contains(name)) {
                    parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
                } else {
                    if (i + 1 >= args.length) {
                        throw new UsageException("Option " + arg + " needs a value");
                    }
                    parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    @Nullable
    String get(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    String required(String name) throws UsageException {
        String value = get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    int integer(String name, int defaultValue, int min, int max) throws UsageException {
        String value = get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new UsageException("--" + name + " must be " + min + " to " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not " + value);
        }
    }

    List<String> positional() {
        return positional;
    }
}
