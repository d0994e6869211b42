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

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.testing.Await;

/**
 * The simulated UART has no flow control: at a line rate, a host that stops reading for longer than its buffer lasts
 * loses output, counted per byte and per record; a host that reads loses nothing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SimOutputTest {

    private static final int RECORD = 100;
    private static final int RECORDS = 100;

    @Test
    void aHostThatStopsReadingLosesWhatItsBufferCannotHold() throws Exception {
        CountDownLatch hostReads = new CountDownLatch(1);
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        try (SimOutput out = new SimOutput(bytes -> {
            try {
                // The host is busy elsewhere: the first bytes wait in its port until it reads again.
                hostReads.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (host) {
                host.writeBytes(bytes);
            }
        }, 921600, 4096)) {
            for (int i = 0; i < RECORDS; i++) {
                out.send("x".repeat(RECORD - 2) + "\r\n");
            }
            Await.until("the line carried every record", Duration.ofSeconds(30),
                    () -> out.bytesLost() + 4096 + 64 >= (long) RECORD * RECORDS && out.pending() == 0);
            hostReads.countDown();
            Await.until("the host read what its buffer kept", Duration.ofSeconds(30),
                    () -> received(host) + out.bytesLost() == (long) RECORD * RECORDS);
            assertTrue(out.bytesLost() >= (long) RECORD * RECORDS - 4096 - 64,
                    "all but the buffer and the chunk in the host's hands lost: " + out.bytesLost());
            assertTrue(out.recordsDamaged() >= RECORDS - 42, "records damaged: " + out.recordsDamaged());
        }
    }

    @Test
    void aHostThatReadsLosesNothing() throws Exception {
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        try (SimOutput out = new SimOutput(bytes -> {
            synchronized (host) {
                host.writeBytes(bytes);
            }
        }, 921600, 4096)) {
            for (int i = 0; i < RECORDS; i++) {
                out.send("y".repeat(RECORD - 2) + "\r\n");
            }
            Await.until("the host read every byte", Duration.ofSeconds(30),
                    () -> received(host) == (long) RECORD * RECORDS);
            assertEquals(0, out.bytesLost());
            assertEquals(0, out.recordsDamaged());
        }
    }

    private static long received(ByteArrayOutputStream host) {
        synchronized (host) {
            return host.size();
        }
    }
}
