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
import java.util.List;

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
        outbox.close();

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
        outbox.close();
        long lines = Files.readAllLines(file).size();
        assertTrue(lines <= 2 * 10 + 64, "compacted journal, " + lines + " lines for 10 waiting messages");
        Outbox reloaded = new Outbox(100_000, file);
        assertEquals(10, reloaded.size());
        assertEquals(entry("m4990", 1), reloaded.peek());
    }

    @Test
    void aLineCutByACrashIsNeverRestoredTruncated() throws Exception {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100, file);
        outbox.add(entry("a", 1));
        outbox.add(new Outbox.Entry("valve", "valve=CLOSE all".getBytes(StandardCharsets.UTF_8), 1, false));
        outbox.close();
        // A power cut while the second line was written: it ends inside the Base64 payload ("valve=" decodes).
        String journal = Files.readString(file);
        int cut = journal.indexOf("dmFsdmU9") + "dmFsdmU9".length();
        assertTrue(cut > 8, journal);
        Files.writeString(file, journal.substring(0, cut));

        Outbox reloaded = new Outbox(100, file);
        assertEquals(1, reloaded.size(), "the cut message is skipped, not restored as 'valve='");
        assertEquals(entry("a", 1), reloaded.peek());
        reloaded.close();
    }

    @Test
    void aGarbledLineIsSkippedByItsChecksum() throws Exception {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100, file);
        outbox.add(entry("a", 1));
        outbox.add(entry("b", 1));
        outbox.close();
        List<String> lines = Files.readAllLines(file);
        // One character of the second message's payload changed on the card: still valid Base64, wrong message.
        String garbled = lines.get(1).replace(" Yg== ", " Yw== ");
        assertNotEquals(lines.get(1), garbled);
        Files.writeString(file, lines.get(0) + "\n" + garbled + "\n");

        Outbox reloaded = new Outbox(100, file);
        assertEquals(1, reloaded.size());
        assertEquals(entry("a", 1), reloaded.peek());
        reloaded.close();
    }

    @Test
    void aMessageWhoseSendFailedGoesBackToTheHeadAlsoAfterARestart() {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100, file);
        outbox.add(entry("newer", 1));
        outbox.addFirst(entry("older", 1));
        assertEquals(entry("older", 1), outbox.peek());
        outbox.close();
        Outbox reloaded = new Outbox(100, file);
        assertEquals(entry("older", 1), reloaded.peek());
        reloaded.removeHead(entry("older", 1));
        assertEquals(entry("newer", 1), reloaded.peek());
        reloaded.close();
    }

    @Test
    void aMessageKeepsItsMessageIdAcrossARestart() {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100, file);
        outbox.add(entry("a", 1).withMessageId(4711));
        outbox.close();
        Outbox reloaded = new Outbox(100, file);
        Outbox.Entry loaded = reloaded.peek();
        assertNotNull(loaded);
        assertEquals(4711, loaded.messageId());
        reloaded.close();
    }

    @Test
    void oneOutboxPerFileAndARemovedThingTakesItsFileAlong() throws Exception {
        Path file = dir.resolve("box");
        Outbox outbox = new Outbox(100, file);
        outbox.add(entry("a", 1));
        assertThrows(IllegalStateException.class, () -> new Outbox(100, file), "two writers would mix their lines");
        outbox.delete();
        assertFalse(Files.exists(file));
        outbox.add(entry("b", 1));
        assertFalse(Files.exists(file), "nothing is written after the delete");
        new Outbox(100, file).close();
    }
}
