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
package org.openhab.binding.bc26.internal.modem;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * When to try again and how hard: exponential back-off after failed bring-ups, a radio reset and then a reboot when
 * failures repeat, an immediate new attempt after the loss of a session that had run a while, and a growing wait
 * after sessions that keep dying right after connecting. Pure: no threads, no clock of its own (the caller passes
 * the time), so every rule is tested in microseconds. Not thread-safe: the session calls it under its lock.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class RecoveryPolicy {

    static final int FAILURES_BEFORE_RADIO_RESET = 3;
    static final int FAILURES_BEFORE_REBOOT = 5;
    /** A session that lasted this long was healthy: its loss is recovered at once, without a back-off. */
    static final Duration STABLE_SESSION = Duration.ofSeconds(10);

    /** What to do to the modem before the next bring-up. */
    enum Escalation {
        NONE,
        RADIO_RESET,
        REBOOT
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    /** Failed attempts in a row: sets the back-off. */
    private int failures;
    /** Failed attempts of a modem that answered, since the last reboot: sets the escalation. */
    private int failuresSinceReboot;
    /** When the session last came online (nanoseconds, the caller's clock). */
    private long onlineSince;
    /** Sessions in a row that ended before {@link #STABLE_SESSION}: each waits longer before the next attempt. */
    private int quickLosses;

    RecoveryPolicy(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** A new start: nothing failed yet. */
    void started() {
        failures = 0;
        failuresSinceReboot = 0;
    }

    /** The session came online: failures are forgotten, and its age counts from now. */
    void online(long nowNanos) {
        failures = 0;
        failuresSinceReboot = 0;
        onlineSince = nowNanos;
    }

    /**
     * A bring-up failed.
     *
     * @return how long to wait before the next attempt
     */
    Duration failed(SessionFailure.Kind kind) {
        failures++;
        if (modemAnswered(kind)) {
            // Only a modem that answers can be helped by switching its radio or rebooting it; a missing port or a
            // silent line (an unplugged adapter) would otherwise earn a needless reboot once it is back.
            failuresSinceReboot++;
        }
        return backoff(failures);
    }

    /** What the next bring-up does first; a reboot starts the escalation anew while the back-off keeps growing. */
    Escalation escalation() {
        if (failuresSinceReboot >= FAILURES_BEFORE_REBOOT) {
            failuresSinceReboot = 0;
            return Escalation.REBOOT;
        }
        return failuresSinceReboot >= FAILURES_BEFORE_RADIO_RESET ? Escalation.RADIO_RESET : Escalation.NONE;
    }

    /**
     * A session that was online broke (counted once per session: a loss reported twice is one loss).
     *
     * @param wasOnline whether it was online when the loss came (the first report of the loss)
     * @return how long to wait before bringing it up again: nothing after a healthy session
     */
    Duration lost(long nowNanos, boolean wasOnline) {
        if (wasOnline) {
            quickLosses = nowNanos - onlineSince >= STABLE_SESSION.toNanos() ? 0 : quickLosses + 1;
        }
        return quickLosses == 0 ? Duration.ZERO : backoff(quickLosses);
    }

    /** Failed attempts in a row. */
    int failures() {
        return failures;
    }

    /** The initial back-off doubled for each earlier try in a row, at most the maximum. */
    private Duration backoff(int tries) {
        Duration delay = initialBackoff.multipliedBy(1L << Math.min(tries - 1, 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private static boolean modemAnswered(SessionFailure.Kind kind) {
        return switch (kind) {
            case PORT_NOT_FOUND, PORT_IN_USE, PERMISSION_DENIED, NOT_A_SERIAL_PORT, LINK_FAILED, NO_ANSWER -> false;
            default -> true;
        };
    }
}
