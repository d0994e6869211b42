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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void everyFaultFamilyIsRecoveredWithoutLosingQos1Or2() throws Exception {
        List<FaultMatrix.Row> rows = new ArrayList<>();
        try (FaultMatrix matrix = new FaultMatrix(dir)) {
            for (FaultMatrix.Fault fault : FaultMatrix.faults(Duration.ofSeconds(3), false)) {
                if (!fault.name().startsWith(System.getProperty("bc26.matrix.only", ""))) {
                    continue;
                }
                rows.add(matrix.run(fault));
            }
        }
        System.out.println(FaultMatrix.table(rows, "FaultMatrixTest"));
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
