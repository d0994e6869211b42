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

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The step check's commands and its proof, and which lines count as read answers: pure, no modem.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class StepCheckTest {

    @Test
    void aRoundWritesAValueIntoAnotherClientAndProvesOnlyThatValue() {
        StepCheck check = new StepCheck(StepCheck.unusedClient(0), new SplittableRandom(7));
        StepCheck.Round round = check.newRound();
        assertEquals("AT+QMTCFG=\"keepalive\",1," + round.value(), round.write().text());
        assertEquals("AT+QMTCFG=\"keepalive\",1", round.read().text());
        assertTrue(round.read().isInfo("+QMTCFG: \"keepalive\"," + round.value()));
        assertFalse(round.read().isInfo("+QMTCFG: \"timeout\",10,3,0"));
        assertTrue(round.proves(List.of("+QMTCFG: \"keepalive\"," + round.value())));
        assertTrue(round.proves(List.of("+QMTCFG:\"keepalive\"," + round.value())), "no space after the colon");
        assertFalse(round.proves(List.of()), "an OK alone is any command's");
        assertFalse(round.proves(List.of("+QMTCFG: \"keepalive\",120")));
        // A late answer of an earlier round printed before this read's own: the last line decides.
        assertFalse(round.proves(List.of("+QMTCFG: \"keepalive\"," + round.value(), "+QMTCFG: \"keepalive\",120")));
        assertFalse(round.proves(List.of("+QMTCFG: \"keepalive\",99999999999999999999")), "no overflow");
    }

    @Test
    void noTwoRoundsInARowShareAValueAndValuesStayInTheItemsRange() {
        StepCheck check = new StepCheck(2, new SplittableRandom(1));
        int last = -1;
        for (int i = 0; i < 10_000; i++) {
            int value = check.newRound().value();
            assertNotEquals(last, value);
            assertTrue(value >= 1000 && value <= 3600, "keepalive takes 0-3600: " + value);
            last = value;
        }
    }

    @Test
    void theCheckLeavesTheSessionsClientAlone() {
        for (int id = 0; id <= 5; id++) {
            assertNotEquals(id, StepCheck.unusedClient(id));
            // Client ids 0-4 exist on every model (BC660K has five).
            assertTrue(StepCheck.unusedClient(id) <= 4);
        }
    }

    @Test
    void readAnswersAreToldFromTheirUrcs() {
        assertTrue(LineKind.isReadAnswer("+CEREG: 1,1"), "AT+CEREG? with n=1");
        assertTrue(LineKind.isReadAnswer("+CEREG:0,2"));
        assertTrue(LineKind.isReadAnswer("+CEREG: 4,5,\"0001\",\"0000ABCD\",9,,,\"00100011\",\"00101010\""));
        assertFalse(LineKind.isReadAnswer("+CEREG: 1"), "the URC of n=1");
        assertFalse(LineKind.isReadAnswer("+CEREG: 5,\"0001\",\"0000ABCD\",9"), "the URC of n=2");
        assertTrue(LineKind.isReadAnswer("+CSCON: 0,1"));
        assertFalse(LineKind.isReadAnswer("+CSCON: 1"));
        assertTrue(LineKind.isReadAnswer("+QMTCONN: 0,3"), "state connected: read only");
        assertTrue(LineKind.isReadAnswer("+QMTCONN: 0,4"));
        assertFalse(LineKind.isReadAnswer("+QMTCONN: 0,0,0"), "the CONNECT result");
        assertFalse(LineKind.isReadAnswer("+QMTCONN: 0,2"), "failed to send, or connecting: left to its command");
        assertFalse(LineKind.isReadAnswer("+QMTSTAT: 0,1"));
    }
}
