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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Signal figures of {@code AT+CSQ} and {@code AT+CESQ} (BC26 AT Commands Manual §3.8-3.9).
 *
 * @param rssiDbm received signal strength in dBm ({@code -113 + 2*rssi}; -113 means "-113 or less", -51 "-51 or
 *            more"), null when the modem does not know (rssi 99)
 * @param rsrpDbm reference signal received power in dBm ({@code -140 + n}), null when unknown (255)
 * @param rsrqDb reference signal received quality in dB ({@code -19.5 + 0.5*n}), null when unknown (255)
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record SignalQuality(@Nullable Integer rssiDbm, @Nullable Integer rsrpDbm, @Nullable Double rsrqDb) {

    /** dBm of a {@code +CSQ} rssi value, or null for 99 (unknown) and out-of-range values. */
    public static @Nullable Integer csqToDbm(int rssi) {
        if (rssi < 0 || rssi > 31) {
            return null;
        }
        return -113 + 2 * rssi;
    }

    /** The rssi field of {@code +CSQ: <rssi>,<ber>} in dBm. */
    public static @Nullable Integer parseCsq(String value) {
        return csqToDbm(Fields.integer(Fields.split(value)[0], "+CSQ rssi"));
    }

    /** Adds the RSRP and RSRQ of {@code +CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>}. */
    public SignalQuality withCesq(String value) {
        String[] fields = Fields.split(value);
        if (fields.length < 6) {
            throw new IllegalArgumentException("Malformed +CESQ: " + value);
        }
        int rsrq = Fields.integer(fields[4], "+CESQ rsrq");
        int rsrp = Fields.integer(fields[5], "+CESQ rsrp");
        return new SignalQuality(rssiDbm, rsrp >= 0 && rsrp <= 97 ? -140 + rsrp : null,
                rsrq >= 0 && rsrq <= 34 ? -19.5 + 0.5 * rsrq : null);
    }

    /**
     * openHAB's 0-4 bars for the RSSI, using the thresholds common for NB-IoT / LTE-M modems: below -105 dBm is 0,
     * -105 to -96 is 1, -95 to -86 is 2, -85 to -76 is 3, -75 and above is 4.
     */
    public static int bars(int dbm) {
        if (dbm < -105) {
            return 0;
        } else if (dbm < -95) {
            return 1;
        } else if (dbm < -85) {
            return 2;
        } else if (dbm < -75) {
            return 3;
        }
        return 4;
    }
}
