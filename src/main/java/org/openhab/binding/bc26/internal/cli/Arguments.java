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
     * Parses strictly: an unknown option, an option given twice (unless it may repeat), a missing value and a word
     * the command does not take are each refused with one line saying which.
     *
     * @param args the command line
     * @param from the index of the first argument after the command
     * @param flags options without a value; each may be followed by {@code true} or {@code false}
     * @param allowed every option name the command knows
     * @param repeatable the options that may be given more than once ({@code --subscribe})
     * @param takesPositional whether the command takes words that are not options ({@code at "AT+CSQ"})
     */
    static Arguments parse(String[] args, int from, Set<String> flags, Set<String> allowed, Set<String> repeatable,
            boolean takesPositional) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (!takesPositional) {
                    throw new UsageException("Unexpected argument '" + arg + "'");
                }
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inline = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("Unknown option --" + name);
            }
            if (parsed.options.containsKey(name) && !repeatable.contains(name)) {
                throw new UsageException("--" + name + " is given twice");
            }
            String value;
            if (flags.contains(name)) {
                String word = inline != null ? inline
                        : i + 1 < args.length && isBoolean(args[i + 1]) ? args[++i] : "true";
                if (!isBoolean(word)) {
                    throw new UsageException("--" + name + " takes true or false, not " + word);
                }
                value = word.toLowerCase(java.util.Locale.ROOT);
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parsed;
    }

    private static boolean isBoolean(String word) {
        return word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false");
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

    /** A flag's value: given alone or with {@code true}, it is set; with {@code false} or not given, it is not. */
    boolean flag(String name) {
        return "true".equals(get(name));
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
