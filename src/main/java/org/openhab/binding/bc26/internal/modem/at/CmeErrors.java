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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Texts of the {@code +CME ERROR} codes a host meets: BC26's (BC26 AT Commands Manual V1.1, chapter 6), the MQTT codes
 * BC660K adds (8503-8600, BC660K MQTT application note chapter 4) and the file codes of BG95/BG96/BG77 met when
 * certificates are uploaded (their file application note). The families' codes do not overlap, so one table serves.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CmeErrors {

    private static final Map<Integer, String> TEXTS = Map.ofEntries(Map.entry(3, "operation not allowed"),
            Map.entry(4, "operation not supported"), Map.entry(10, "SIM not inserted"),
            Map.entry(11, "SIM PIN required"), Map.entry(12, "SIM PUK required"), Map.entry(13, "SIM failure"),
            Map.entry(14, "SIM busy"), Map.entry(16, "incorrect password"), Map.entry(20, "memory full"),
            Map.entry(23, "memory failure"), Map.entry(24, "text string too long"),
            Map.entry(25, "invalid characters in text string"), Map.entry(30, "no network service"),
            Map.entry(31, "network timeout"), Map.entry(32, "network not allowed, emergency calls only"),
            Map.entry(50, "incorrect parameters"), Map.entry(100, "unknown error"),
            Map.entry(107, "PSD services not allowed"), Map.entry(111, "PLMN not allowed"),
            Map.entry(596, "invalid cid"), Map.entry(630, "profile not defined"),
            Map.entry(692, "EPS service not allowed"), Map.entry(703, "congestion"),
            Map.entry(709, "no EPS bearer context activated"), Map.entry(765, "invalid input value"),
            Map.entry(766, "unsupported value or mode"), Map.entry(767, "operation failed"),
            Map.entry(769, "unable to get control of required module"), Map.entry(772, "SIM powered down"),
            Map.entry(840, "no service state"), Map.entry(841, "in cell search state"),
            Map.entry(846, "the modem is in power saving mode (PSM)"),
            Map.entry(847, "no data transfer in idle state"), Map.entry(405, "file not found"),
            Map.entry(407, "file already exists"), Map.entry(8503, "MQTT link layer error"),
            Map.entry(8504, "illegal MQTT packet"), Map.entry(8505, "illegal character"),
            Map.entry(8506, "illegal UTF-8"), Map.entry(8507, "invalid parameter"),
            Map.entry(8508, "data exceeds the remaining send buffer"), Map.entry(8509, "buffer overflow"),
            Map.entry(8510, "out of memory"), Map.entry(8511, "memory error"), Map.entry(8600, "unknown MQTT error"));

    private CmeErrors() {
    }

    /** "code (text)" for known codes, "code" otherwise. */
    public static String describe(int code) {
        String text = TEXTS.get(code);
        return text == null ? "+CME ERROR " + code : "+CME ERROR " + code + " (" + text + ")";
    }
}
