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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.RecoveryPolicy.Escalation;

/**
 * The recovery rules without a modem or a clock: back-off, escalation, and losses of healthy and short sessions.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class RecoveryPolicyTest {

    private static final long SECOND = 1_000_000_000L;

    private final RecoveryPolicy policy = new RecoveryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60));

    @Test
    void failuresDoubleTheWaitUpToTheLongest() {
        assertEquals(Duration.ofSeconds(5), policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE));
        assertEquals(Duration.ofSeconds(10), policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE));
        assertEquals(Duration.ofSeconds(20), policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE));
        assertEquals(Duration.ofSeconds(40), policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE));
        assertEquals(Duration.ofSeconds(60), policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE));
        for (int i = 0; i < 70; i++) {
            policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE);
        }
        assertEquals(Duration.ofSeconds(60), policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE), "no overflow");
        policy.online(0);
        assertEquals(Duration.ofSeconds(5), policy.failed(SessionFailure.Kind.BROKER_UNREACHABLE), "online resets");
    }

    @Test
    void aModemThatAnswersGetsItsRadioResetAfterThreeFailuresAndARebootAfterFive() {
        for (int i = 1; i <= 2; i++) {
            policy.failed(SessionFailure.Kind.NOT_REGISTERED);
            assertEquals(Escalation.NONE, policy.escalation(), "after " + i);
        }
        policy.failed(SessionFailure.Kind.NOT_REGISTERED);
        assertEquals(Escalation.RADIO_RESET, policy.escalation());
        policy.failed(SessionFailure.Kind.NOT_REGISTERED);
        assertEquals(Escalation.RADIO_RESET, policy.escalation());
        policy.failed(SessionFailure.Kind.NOT_REGISTERED);
        assertEquals(Escalation.REBOOT, policy.escalation());
        assertEquals(Escalation.NONE, policy.escalation(), "a reboot starts the escalation anew");
        assertEquals(Duration.ofSeconds(60), policy.failed(SessionFailure.Kind.NOT_REGISTERED),
                "while the back-off keeps growing");
    }

    @Test
    void aMissingPortOrASilentLineNeverEarnsARebootOrARadioReset() {
        for (int i = 0; i < 20; i++) {
            policy.failed(i % 2 == 0 ? SessionFailure.Kind.PORT_NOT_FOUND : SessionFailure.Kind.NO_ANSWER);
            assertEquals(Escalation.NONE, policy.escalation());
        }
    }

    @Test
    void aHealthySessionIsBroughtUpAtOnceAndShortOnesWaitLongerEachTime() {
        policy.online(0);
        assertEquals(Duration.ZERO, policy.lost(11 * SECOND, true), "ran 11 s: at once");
        policy.online(20 * SECOND);
        assertEquals(Duration.ofSeconds(5), policy.lost(21 * SECOND, true), "died after 1 s");
        policy.online(30 * SECOND);
        assertEquals(Duration.ofSeconds(10), policy.lost(31 * SECOND, true), "again: longer");
        assertEquals(Duration.ofSeconds(10), policy.lost(31 * SECOND, false), "the same loss reported twice");
        policy.online(40 * SECOND);
        assertEquals(Duration.ZERO, policy.lost(60 * SECOND, true), "a healthy session forgets the short ones");
    }
}
