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
package org.openhab.binding.bc26.internal.topic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A date-time channel: ISO 8601 with a zone or offset or without (the system's zone), or epoch seconds /
 * milliseconds; publishes the local ISO date-time in the system's zone ({@code 2026-12-04T12:05:00}), as the generic
 * thing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class DateTimeValue extends TopicValue {

    @Override
    @Nullable
    State toState(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.matches("\\d{9,13}")) {
                long value = Long.parseLong(trimmed);
                return new DateTimeType(
                        value > 99_999_999_999L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
            }
            return new DateTimeType(ZonedDateTime.parse(trimmed));
        } catch (DateTimeParseException e) {
            return localDateTime(trimmed);
        }
    }

    /** A date-time without zone or offset (Tasmota's "2019-07-11T11:05:10"): in the system's zone, as core reads it. */
    private static @Nullable State localDateTime(String text) {
        try {
            return new DateTimeType(LocalDateTime.parse(text).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        // The local ISO date-time in the system's zone, without zone, as the generic thing publishes it.
        return command instanceof DateTimeType dateTime
                ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime.getZonedDateTime(ZoneId.systemDefault()))
                : null;
    }
}
