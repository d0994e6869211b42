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
package org.openhab.core.library.types;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Stand-in for openHAB core 5.2.1 {@code DateTimeType}: an Instant, equal by instant.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class DateTimeType implements PrimitiveType, State, Command, Comparable<DateTimeType> {

    public static final String DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";
    public static final String DATE_PATTERN_WITH_TZ_AND_MS = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

    private final Instant instant;

    public DateTimeType() {
        this(Instant.now());
    }

    public DateTimeType(Instant instant) {
        this.instant = instant;
    }

    public DateTimeType(ZonedDateTime zoned) {
        this(zoned.toInstant());
    }

    public DateTimeType(String zonedValue) {
        this(ZonedDateTime.parse(zonedValue).toInstant());
    }

    public Instant getInstant() {
        return instant;
    }

    public ZonedDateTime getZonedDateTime(ZoneId zoneId) {
        return instant.atZone(zoneId);
    }

    @Override
    public String format(@Nullable String pattern) {
        return pattern == null ? toFullString() : String.format(pattern, instant.atZone(ZoneId.systemDefault()));
    }

    @Override
    public String toString() {
        return toFullString();
    }

    /** As openHAB: the instant in the system's time zone, {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}. */
    @Override
    public String toFullString() {
        return DateTimeFormatter.ofPattern(DATE_PATTERN_WITH_TZ_AND_MS).format(instant.atZone(ZoneId.systemDefault()));
    }

    @Override
    public int hashCode() {
        return instant.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof DateTimeType other && instant.equals(other.instant);
    }

    @Override
    public int compareTo(DateTimeType o) {
        return instant.compareTo(o.instant);
    }
}
