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

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The proof that the modem's answers and the host's commands are in step again after a timeout: a value chosen now at
 * random is written into the keep-alive item of an MQTT client the binding does not use
 * ({@code AT+QMTCFG="keepalive",<id>,<value>}) and read back ({@code AT+QMTCFG="keepalive",<id>}). Only the modem's
 * answer to this very read can carry this value, and the modem answers in order, so the {@code OK} after it is the last
 * answer owed: whatever came before it (late answers to timed-out commands) is dropped, and the next command's answer
 * is its own.
 * <p>
 * Why this and not echo matching: echo is switched off after the bring-up (it doubles every line and mixes with
 * payload), and an echoed command line proves only that the modem read the line, not that the answers before it are
 * over. The keep-alive item is documented for every model of the family (BC26, BC660K-GL, BC260Y, BG95/BG96/BG77),
 * takes 0-3600, is answered within 300 ms, and belongs to a client that is not opened, so writing it changes nothing.
 * <p>
 * Pure: no threads, no I/O; the engine sends the commands and hands back the answer.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class StepCheck {

    /** The manual's 300 ms for AT+QMTCFG, doubled as for every local command; each round also waits for quiet. */
    static final Duration COMMAND_TIMEOUT = AtCommand.DEFAULT_TIMEOUT;
    /** The bare AT that starts a round: wakes a sleeping modem and re-tunes an auto-bauding one. */
    static final Duration WAKE_TIMEOUT = Duration.ofMillis(500);
    private static final Pattern KEEPALIVE_READ = Pattern.compile("\\+QMTCFG:\\s*\"keepalive\"\\s*,\\s*(\\d{1,4})\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Above any keep-alive the binding itself configures by default, so a value is never mistaken for a setting. */
    private static final int LOWEST = 1000;
    private static final int HIGHEST = 3600;

    private final int clientId;
    private final RandomGenerator random;
    private int lastValue = -1;

    /**
     * @param clientId an MQTT client id the binding does not use on this modem (its keep-alive item is overwritten)
     */
    public StepCheck(int clientId, RandomGenerator random) {
        this.clientId = clientId;
        this.random = random;
    }

    /** The client id a session using {@code connectId} leaves alone: 1, or 2 when the session uses 1. */
    public static int unusedClient(int connectId) {
        return connectId == 1 ? 2 : 1;
    }

    public int clientId() {
        return clientId;
    }

    /** A new round: a value never used in the round before, so a late answer to that round cannot pass. */
    public Round newRound() {
        int value;
        do {
            value = random.nextInt(LOWEST, HIGHEST + 1);
        } while (value == lastValue);
        lastValue = value;
        return new Round(clientId, value);
    }

    /** One write-then-read of a value. */
    public record Round(int clientId, int value) {

        public AtCommand wake() {
            return AtCommand.of("AT").withTimeout(WAKE_TIMEOUT);
        }

        public AtCommand write() {
            return AtCommand.of("AT+QMTCFG=\"keepalive\"," + clientId + "," + value).withoutInfo()
                    .withTimeout(COMMAND_TIMEOUT);
        }

        public AtCommand read() {
            return AtCommand.of("AT+QMTCFG=\"keepalive\"," + clientId)
                    .withInfo(line -> KEEPALIVE_READ.matcher(line).matches()).withTimeout(COMMAND_TIMEOUT);
        }

        /** Whether the read's answer (its information lines, ended by OK) carries this round's value. */
        public boolean proves(List<String> readLines) {
            if (readLines.isEmpty()) {
                return false;
            }
            // The last one: earlier ones would be late answers of an earlier round, printed before this read's own.
            Matcher matcher = KEEPALIVE_READ.matcher(readLines.get(readLines.size() - 1));
            return matcher.matches() && Integer.parseInt(matcher.group(1)) == value;
        }
    }
}
