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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.testing.DriverHarness;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * The installer's probe against a modem whose reads are sometimes late: a read that times out is asked once more, in
 * step, and one that stays unanswered is reported absent, not the whole probe failed.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class ProbeReportTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private @NonNullByDefault({}) SimTransport modem;
    private @NonNullByDefault({}) DriverHarness driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    private Bc26Modem start() throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        options.sleepMode = 0;
        modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26"));
        driver = new DriverHarness(modem.portName());
        Bc26Modem bc26 = new Bc26Modem(driver.engine);
        bc26.synchronize();
        bc26.setEcho(false);
        return bc26;
    }

    @Test
    void aReadAnsweredPastItsTimeoutOnceIsAskedAgainAndTheReportIsWhole() throws Exception {
        Bc26Modem bc26 = start();
        modem.simulator().answerFaults().answerLate("AT+CGSN=1", Duration.ofMillis(1300), 1);
        String json = ProbeReport.of(bc26).toString();
        assertTrue(json.contains("\"imei\":\"866971030000001\""), json);
        assertTrue(json.contains("\"model\":\"Quectel_BC26\""), json);
        assertTrue(json.contains("\"registration\":"), json);
        assertTrue(modem.simulator().answerFaults().allUsed());
    }

    @Test
    void aReadThatStaysUnansweredIsReportedAbsent() throws Exception {
        Bc26Modem bc26 = start();
        // Late beyond its timeout twice: the serving cell cannot be read.
        modem.simulator().answerFaults().answerLate("AT+QENG", Duration.ofSeconds(4), 2);
        String json = ProbeReport.of(bc26).toString();
        assertTrue(json.contains("\"imei\":\"866971030000001\""), json);
        assertTrue(json.contains("\"rssiDbm\":-73"), "what came after it was read in step: " + json);
    }
}
