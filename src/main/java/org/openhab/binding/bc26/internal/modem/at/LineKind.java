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
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Classifies modem lines by their prefix, never by their position: URCs arrive at any time, also between a
 * command and its OK (protocol reference §6.2).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public enum LineKind {
    /** OK: the command succeeded. */
    OK,
    /** ERROR, +CME ERROR, NO CARRIER: the command failed (NO CARRIER is the OK of AT+CGACT=0). */
    FINAL_ERROR,
    /** An unsolicited result code. */
    URC,
    /** A line of the boot banner (BROM) or BC660K's RDY: the modem restarted. */
    BANNER,
    /** Anything else: an information line of the pending command, an echo, or noise. */
    OTHER;

    private static final List<String> URC_PREFIXES = List.of("+QMTRECV:", "+QMTSTAT:", "+QMTOPEN:", "+QMTCLOSE:",
            "+QMTCONN:", "+QMTDISC:", "+QMTSUB:", "+QMTUNS:", "+QMTPUB:", "+CEREG:", "+CSCON:", "+IP:",
            "+QNBIOTEVENT:", "+CPIN:", "+CFUN:", "+QATWAKEUP", "+CTZV:", "+CTZE:", "+CEDRXP:", "+QGACT:", "+QIURC:",
            "+QPING:", "+CGEV:");
    /**
     * The results of the MQTT commands and +QMTSTAT are numbers only; a line that starts like one and goes on with
     * anything else is not the modem's (it is what is left of a payload or topic) and must not end a command.
     */
    private static final Pattern QMT_RESULT_PREFIX = Pattern.compile("\\+QMT(STAT|PUB|SUB|UNS|CONN|OPEN|CLOSE|DISC):.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern QMT_RESULT = Pattern.compile(
            "\\+QMT(STAT|PUB|SUB|UNS|CONN|OPEN|CLOSE|DISC): *-?\\d+(,-?\\d+)*", Pattern.CASE_INSENSITIVE);
    /** The MT2625 boot ROM lines (F1: 0000 0000, V0: 0000 0000 [0001], ...), printed with LF CR endings. */
    private static final Pattern BROM_LINE = Pattern.compile("(F1|V0|00|01|U0|T0): [0-9A-F]{4} [0-9A-F]{4}( \\[[0-9A-F]{4}])?");

    /**
     * Whether a line that looks like a URC is the answer of a read command: {@code +CEREG: <n>,<stat>[,...]} (the URC
     * has one field fewer, or a quoted area code second), {@code +CSCON: <n>,<mode>} (URC: {@code +CSCON: <mode>}) and
     * {@code +QMTCONN: <id>,<state>} with a state only the read reports (3 connected, 4 disconnecting; the URC's results
     * are 0-2). Outside its own command such a line is a late answer, never an event.
     */
    public static boolean isReadAnswer(String line) {
        if (line.regionMatches(true, 0, "+CEREG:", 0, 7) || line.regionMatches(true, 0, "+CSCON:", 0, 7)) {
            String[] fields = line.substring(7).split(",", -1);
            return fields.length >= 2 && !fields[1].strip().startsWith("\"");
        }
        if (line.regionMatches(true, 0, "+QMTCONN:", 0, 9)) {
            String[] fields = line.substring(9).split(",", -1);
            return fields.length == 2 && (fields[1].strip().equals("3") || fields[1].strip().equals("4"));
        }
        return false;
    }

    /** The kind of a line. */
    public static LineKind of(String line) {
        if (line.equals("OK")) {
            return OK;
        }
        if (line.equals("ERROR") || line.startsWith("+CME ERROR:") || line.startsWith("+CMS ERROR:")
                || line.equals("NO CARRIER")) {
            return FINAL_ERROR;
        }
        if (QMT_RESULT_PREFIX.matcher(line).matches()) {
            return QMT_RESULT.matcher(line).matches() ? URC : OTHER;
        }
        if (line.startsWith("+")) {
            for (String prefix : URC_PREFIXES) {
                if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    return URC;
                }
            }
        }
        // BC26 prints its boot ROM lines, BC660K and BG95/BG96 "RDY" (BG9x then "APP RDY")
        if (line.equals("Leaving the BROM") || line.equals("RDY") || line.equals("APP RDY")
                || BROM_LINE.matcher(line).matches()) {
            return BANNER;
        }
        return OTHER;
    }
}
