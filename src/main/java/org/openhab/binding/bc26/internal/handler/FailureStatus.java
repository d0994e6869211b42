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
package org.openhab.binding.bc26.internal.handler;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.setting.InvalidSettingException;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Maps a decoded session failure to openHAB's status detail and a description that reads whole in the user's
 * language: the sentence comes from the i18n files, and what it carries is either the setting error's own arguments
 * or the modem's evidence ({@code +QMTOPEN: 0,3}, a port name), never the driver's English detail.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class FailureStatus {

    /** An argument of a status description: one line, no quotes that would end it, short enough for a status. */
    private static final int MAX_ARGUMENT_CHARS = 200;

    private FailureStatus() {
    }

    /** Failures the user must fix in the configuration or on site; the rest are communication errors. */
    static ThingStatusDetail detail(SessionFailure failure) {
        return failure.needsTheUser() ? ThingStatusDetail.CONFIGURATION_ERROR : ThingStatusDetail.COMMUNICATION_ERROR;
    }

    /**
     * {@code @text/offline.port-not-found ["/dev/ttyUSB0"]}, or a setting's own sentence with its arguments; a
     * network link ({@code socket://}, {@code rfc2217://}) that is not there is told in network words
     * ({@code offline.link-unreachable}), not as a missing serial port.
     */
    static String description(SessionFailure failure, String port) {
        SettingError setting = failure.setting();
        if (setting != null) {
            return text(setting.key(), failure.settingArguments());
        }
        String key = failure.kind() == SessionFailure.Kind.PORT_NOT_FOUND && port.contains("://")
                ? "offline.link-unreachable"
                : key(failure.kind());
        // Every sentence ends in ({0}) and always gets an argument, or it would show its {0}: the port is the evidence
        // of last resort.
        String evidence = failure.evidence().isBlank() ? port : failure.evidence();
        return text(key, List.of(evidence));
    }

    /**
     * A setting that cannot work, in its own translated sentence; anything else that refuses the configuration (the
     * outbox file, say) under the general sentence with its English message.
     */
    static String configuration(RuntimeException e) {
        return e instanceof InvalidSettingException setting ? text(setting.getError().key(), setting.getArguments())
                : text("offline.config.invalid", List.of(String.valueOf(e.getMessage())));
    }

    /**
     * {@code @text/<key> ["a", "b"]}, each argument made to survive core's parsing of it, which drops every
     * {@code [}, {@code ]} and {@code "}, cuts at every comma, and leaves out blank arguments (shifting the rest).
     */
    static String text(String key, List<String> arguments) {
        if (arguments.isEmpty()) {
            return "@text/" + key;
        }
        return "@text/" + key + arguments.stream().map(FailureStatus::argument)
                .collect(Collectors.joining("\", \"", " [\"", "\"]"));
    }

    private static String argument(String value) {
        if (value.isBlank()) {
            return "\u201C\u201D"; // an empty value shown as empty quotes, not dropped
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_ARGUMENT_CHARS));
        for (int i = 0; i < value.length() && safe.length() < MAX_ARGUMENT_CHARS; i++) {
            char c = value.charAt(i);
            safe.append(switch (c) {
                case '"' -> '\'';
                case '[' -> '(';
                case ']' -> ')';
                case ',' -> '\u201A'; // looks like a comma; a real one would cut the argument in two
                default -> Character.isISOControl(c) ? ' ' : c;
            });
        }
        return safe.toString().strip();
    }

    /** The i18n key of a failure kind. */
    static String key(SessionFailure.Kind kind) {
        return "offline." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
