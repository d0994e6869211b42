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
package org.openhab.binding.bc26.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How the simulated modem's AT task misbehaves in time, as an NB-IoT modem does while its radio is busy (RRC set-up,
 * random access, cell reselection, PSM exit): an answer just past the host's timeout, an answer split around URCs, a
 * refusal ({@code +CME ERROR: 846} in PSM, {@code +CME ERROR: 14} with the SIM busy), and an AT task that hangs while
 * the MQTT client inside the modem lives on. Each rule applies to the next commands starting with its prefix, a given
 * number of times.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimAnswerFaults {

    /** What happens to one command's answer. */
    record Shape(Duration late, List<String> urcsBefore, @Nullable String refusal) {
    }

    private record Rule(String prefix, Shape shape, int[] left) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private volatile boolean hung;
    private long ignoredWhileHung;

    /** The next {@code times} commands starting with {@code prefix} are answered {@code late} after they arrive. */
    public synchronized void answerLate(String prefix, Duration late, int times) {
        rules.add(new Rule(prefix, new Shape(late, List.of(), null), new int[] { times }));
    }

    /**
     * The next command starting with {@code prefix} has its final result printed only after {@code urcs} (each a
     * line without CR/LF), every piece in a write of its own: information lines, URCs, then OK.
     */
    public synchronized void splitNextAnswer(String prefix, String... urcs) {
        rules.add(new Rule(prefix, new Shape(Duration.ZERO, List.of(urcs), null), new int[] { 1 }));
    }

    /** The next {@code times} commands starting with {@code prefix} are refused with {@code error} (a whole line). */
    public synchronized void refuse(String prefix, String error, int times) {
        rules.add(new Rule(prefix, new Shape(Duration.ZERO, List.of(), error), new int[] { times }));
    }

    /**
     * The AT task stops: command lines are read and never answered, while URCs of the MQTT client (received messages)
     * still come and the broker connection stays up.
     */
    public void hang() {
        hung = true;
    }

    /** The AT task answers again; the MQTT client inside the modem was connected all along. */
    public void resume() {
        hung = false;
    }

    public boolean isHung() {
        return hung;
    }

    synchronized void ignoredWhileHung() {
        ignoredWhileHung++;
    }

    /** Command lines read while the AT task hung. */
    public synchronized long commandsIgnoredWhileHung() {
        return ignoredWhileHung;
    }

    /** The shape of this command's answer, used up; null for a plain answer. */
    synchronized @Nullable Shape take(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (upper.startsWith(rule.prefix().toUpperCase(Locale.ROOT))) {
                if (--rule.left()[0] <= 0) {
                    it.remove();
                }
                return rule.shape();
            }
        }
        return null;
    }

    /** Whether every rule was used up (a test's fault really happened). */
    public synchronized boolean allUsed() {
        return rules.isEmpty();
    }
}
