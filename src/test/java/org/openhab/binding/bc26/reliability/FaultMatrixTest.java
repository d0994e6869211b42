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
package org.openhab.binding.bc26.reliability;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.simulator.Bc26Simulator;

/**
 * The short fault matrix inside the test suite: one fault of each family, 3 s outages. Every fault must be recovered
 * with no QoS 1/2 uplink message lost and, but for a cut serial line, no QoS 1 downlink message lost; the figures go to the log (timing goals are not pass/fail).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class FaultMatrixTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    /** The short matrix for each sibling: the faults a site meets most, on the model's own dialect. */
    private static final List<String> SHORT = List.of("+QMTSTAT: 0,1", "broker restart", "modem reboot",
            "USB adapter unplugged", "garbage and half lines", "registration lost");

    @Test
    void everyFaultFamilyIsRecoveredWithoutLosingQos1Or2() throws Exception {
        check(run(Bc26Simulator.Model.BC26, fault -> fault.name().startsWith(System.getProperty("bc26.matrix.only", ""))));
    }

    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BG95" })
    void theShortMatrixHoldsOnTheSiblings(Bc26Simulator.Model model) throws Exception {
        List<FaultMatrix.Row> rows = run(model, fault -> SHORT.stream().anyMatch(fault.name()::startsWith)
                && !fault.name().contains("3 minutes"));
        assertEquals(SHORT.size(), rows.size(), "every fault of the short matrix ran");
        check(rows);
    }

    private List<FaultMatrix.Row> run(Bc26Simulator.Model model, Predicate<FaultMatrix.Fault> which)
            throws Exception {
        List<FaultMatrix.Row> rows = new ArrayList<>();
        try (FaultMatrix matrix = new FaultMatrix(dir, model)) {
            for (FaultMatrix.Fault fault : FaultMatrix.faults(Duration.ofSeconds(3), false)) {
                if (which.test(fault)) {
                    rows.add(matrix.run(fault));
                }
            }
        }
        System.out.println(FaultMatrix.table(rows, "FaultMatrixTest " + model));
        return rows;
    }

    private static void check(List<FaultMatrix.Row> rows) {
        for (FaultMatrix.Row row : rows) {
            assertTrue(row.recovered(), row.fault() + " recovered");
            assertEquals(0, row.outboxLeft(), row.fault() + ": outbox drained");
            assertEquals(0, row.uplinkLost(), row.fault() + ": no QoS 1/2 message lost");
            assertTrue(row.uplinkSent() > 0, row.fault() + ": traffic flowed");
            if (!row.fault().startsWith(FaultMatrix.SERIAL_LINE_CUT)) {
                // Only a cut serial line with a powered modem loses downlink: BC26 prints +QMTRECV to a dead UART.
                assertEquals(0, row.downlinkLost(), row.fault() + ": no QoS 1 downlink message lost");
            }
        }
    }
}
