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

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Parses {@code +CCLK: <time>} with {@code yy/MM/dd,hh:mm:ss±zz} where zz counts quarter hours. The manual calls the
 * value a string; both the quoted and the bare form are accepted. BC26 sets its clock from the network only.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class NetworkClock {

    private NetworkClock() {
    }

    /**
     * Parses the value after {@code +CCLK:}.
     *
     * @throws IllegalArgumentException for malformed values
     */
    public static OffsetDateTime parse(String value) {
        String v = Fields.unquote(value.trim());
        if (!v.matches("\\d{2}/\\d{2}/\\d{2},\\d{2}:\\d{2}:\\d{2}[+-]\\d{1,2}")) {
            throw new IllegalArgumentException("Malformed +CCLK: " + value);
        }
        try {
            int year = 2000 + Integer.parseInt(v.substring(0, 2));
            int month = Integer.parseInt(v.substring(3, 5));
            int day = Integer.parseInt(v.substring(6, 8));
            int hour = Integer.parseInt(v.substring(9, 11));
            int minute = Integer.parseInt(v.substring(12, 14));
            int second = Integer.parseInt(v.substring(15, 17));
            int sign = v.charAt(17) == '-' ? -1 : 1;
            int quarters = Integer.parseInt(v.substring(18));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(sign * quarters * 15 * 60);
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid +CCLK time: " + value);
        }
    }
}
