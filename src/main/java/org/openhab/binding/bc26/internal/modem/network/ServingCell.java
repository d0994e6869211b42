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
 * The serving cell of {@code AT+QENG=0}:
 * {@code +QENG: 0,<earfcn>,<earfcn_offset>,<pci>,"<cellid>",<rsrp>,<rsrq>,<rssi>,<snr>,<band>,"<tac>",<ecl>,<tx_pwr>}.
 * RSRP, RSRQ, RSSI and SNR are given only in RRC idle and may be empty.
 *
 * @param earfcn channel number
 * @param pci physical cell id
 * @param cellId hex cell id
 * @param rsrpDbm RSRP in dBm, or null
 * @param rsrqDb RSRQ in dB, or null
 * @param rssiDbm RSSI in dBm, or null
 * @param sinrDb signal to interference plus noise in dB, or null
 * @param band LTE band
 * @param trackingAreaCode hex TAC
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record ServingCell(int earfcn, int pci, String cellId, @Nullable Integer rsrpDbm, @Nullable Integer rsrqDb,
        @Nullable Integer rssiDbm, @Nullable Integer sinrDb, @Nullable Integer band, String trackingAreaCode) {

    /** Parses the serving-cell line (the one starting with {@code 0,}). */
    public static ServingCell parse(String value) {
        String[] f = Fields.split(value);
        if (f.length < 11 || !"0".equals(f[0])) {
            throw new IllegalArgumentException("Malformed +QENG serving cell: " + value);
        }
        return new ServingCell(Fields.integer(f[1], "earfcn"), Fields.integer(f[3], "pci"), Fields.unquote(f[4]),
                Fields.optionalInteger(f, 5), Fields.optionalInteger(f, 6), Fields.optionalInteger(f, 7),
                Fields.optionalInteger(f, 8), Fields.optionalInteger(f, 9), Fields.unquote(f[10]));
    }
}
