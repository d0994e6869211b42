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
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Takes out of a serial transcript what its owner must not publish with a bug report: the broker's user name and
 * password (as {@code USERNAME} and {@code PASSWORD}, which the replay's test broker accepts), the SIM's IMSI and
 * ICCID (the operator's prefix kept, the subscriber's digits as {@code x}) and any private key. Lines are judged
 * with the command they answer, so a bare number is an IMSI only after {@code AT+CIMI}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class TranscriptRedactor {

    /** Mobile country and network code: which operator, not which subscriber. */
    private static final int IMSI_KEPT_DIGITS = 5;
    /** Industry, country and issuer of an ICCID. */
    private static final int ICCID_KEPT_DIGITS = 7;
    /** Shorter secrets are only taken out of their own fields: replacing them everywhere would garble the text. */
    private static final int MIN_REPLACED_EVERYWHERE = 4;

    private static final Pattern CONNECT = Pattern.compile("^(AT\\+QMTCONN=\\d+,\"[^\"]*\")(,\"[^\"]*\")?(,\"[^\"]*\")?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\d{6,22}");
    private static final Pattern ICCID_ANSWER = Pattern.compile("^(\\+Q?CCID: ?)(\\w+)(.*)$", Pattern.CASE_INSENSITIVE);

    private final List<String[]> secrets = new ArrayList<>();
    private String lastCommand = "";

    /**
     * @param username the broker user name, or empty
     * @param password the broker password, or empty
     */
    TranscriptRedactor(String username, String password) {
        if (password.length() >= MIN_REPLACED_EVERYWHERE) {
            secrets.add(new String[] { password, "PASSWORD" });
        }
        if (username.length() >= MIN_REPLACED_EVERYWHERE) {
            secrets.add(new String[] { username, "USERNAME" });
        }
        // The longer first, so a password holding the user name is taken out whole.
        secrets.sort(Comparator.comparingInt((String[] s) -> s[0].length()).reversed());
    }

    /** A command or data the host wrote. */
    String sent(String text) {
        if (text.regionMatches(true, 0, "AT", 0, 2)) {
            lastCommand = text.toUpperCase(java.util.Locale.ROOT);
        }
        if (text.contains("PRIVATE KEY")) {
            int prompt = text.indexOf("-----BEGIN");
            return (prompt > 0 ? text.substring(0, prompt) : "") + "<private key, " + text.length()
                    + " characters, redacted>";
        }
        Matcher connect = CONNECT.matcher(text);
        String redacted = text;
        if (connect.find()) {
            redacted = connect.group(1) + (connect.group(2) != null ? ",\"USERNAME\"" : "")
                    + (connect.group(3) != null ? ",\"PASSWORD\"" : "") + text.substring(connect.end());
        }
        return everywhere(redacted);
    }

    /** A line the modem printed. */
    String received(String line) {
        String redacted = line;
        Matcher iccid = ICCID_ANSWER.matcher(line);
        if (iccid.matches()) {
            redacted = iccid.group(1) + masked(iccid.group(2), ICCID_KEPT_DIGITS) + iccid.group(3);
        } else if (DIGITS.matcher(line.strip()).matches()) {
            if (lastCommand.startsWith("AT+CIMI")) {
                redacted = masked(line.strip(), IMSI_KEPT_DIGITS);
            } else if (lastCommand.contains("CCID")) {
                redacted = masked(line.strip(), ICCID_KEPT_DIGITS);
            }
        }
        if (redacted.contains("PRIVATE KEY")) {
            return "<private key line redacted>";
        }
        return everywhere(redacted);
    }

    private String everywhere(String text) {
        String redacted = text;
        for (String[] secret : secrets) {
            redacted = redacted.replace(secret[0], secret[1]);
        }
        return redacted;
    }

    private static String masked(String value, int kept) {
        StringBuilder masked = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            masked.append(i < kept ? value.charAt(i) : 'x');
        }
        return masked.toString();
    }
}
