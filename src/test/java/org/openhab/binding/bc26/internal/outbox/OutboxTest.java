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
package org.openhab.binding.bc26.internal.outbox;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox journal: what survives a restart, in which order, and that the file stays small while a backlog drains.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class OutboxTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private static Outbox.Entry entry(String payload, int qos) {
        return new Outbox.Entry("t/\"x\"", payload.getBytes(StandardCharsets.UTF_8), qos, qos == 2);
    }

    @Test
    void qos1And2SurviveARestartInOrderWithoutTheSentOnesAndWithoutQos0() {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100, file);
        outbox.add(entry("a", 1));
        outbox.add(entry("b", 0));
        outbox.add(entry("c", 2));
        outbox.add(entry("d\r\n\u001a", 1));
        outbox.removeHead(entry("a", 1));

        Outbox reloaded = new Outbox(100, file);
        assertEquals(2, reloaded.size(), "c and d; b was QoS 0");
        assertEquals(entry("c", 2), reloaded.peek());
        reloaded.removeHead(entry("c", 2));
        assertEquals(entry("d\r\n\u001a", 1), reloaded.peek());
    }

    @Test
    void aLongBacklogDrainsWithoutTheFileGrowingPastTheWaitingMessages() throws Exception {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100_000, file);
        for (int i = 0; i < 5000; i++) {
            outbox.add(entry("m" + i, 1));
        }
        for (int i = 0; i < 4990; i++) {
            outbox.removeHead(entry("m" + i, 1));
        }
        long lines = Files.readAllLines(file).size();
        assertTrue(lines <= 2 * 10 + 64, "compacted journal, " + lines + " lines for 10 waiting messages");
        Outbox reloaded = new Outbox(100_000, file);
        assertEquals(10, reloaded.size());
        assertEquals(entry("m4990", 1), reloaded.peek());
    }

    @Test
    void aLineCutByACrashIsSkippedAndTheRestIsKept() throws Exception {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100, file);
        outbox.add(entry("a", 1));
        Files.writeString(file, "1 0 dC94", StandardOpenOption.APPEND);

        Outbox reloaded = new Outbox(100, file);
        assertEquals(1, reloaded.size());
        assertEquals(entry("a", 1), reloaded.peek());
    }
}
