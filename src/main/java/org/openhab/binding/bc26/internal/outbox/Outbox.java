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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages waiting for the MQTT session, in publish order. Bounded by a capacity that QoS 0 messages respect (the
 * oldest QoS 0 message is dropped first); QoS 1 and 2 messages are never dropped and are written to a file at every
 * change, so a restart of openHAB loses none of them. The file is a journal: a line per message added and a
 * {@code -} line per message sent, appended, so a backlog of thousands drains without rewriting the file for every
 * message (and without wearing an SD card); it is compacted when the sent lines outnumber the waiting ones.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Outbox {

    /** One message. */
    public record Entry(String topic, byte[] payload, int qos, boolean retain) {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Entry e && e.topic.equals(topic) && Arrays.equals(e.payload, payload) && e.qos == qos
                    && e.retain == retain;
        }

        @Override
        public int hashCode() {
            return topic.hashCode() * 31 + Arrays.hashCode(payload);
        }
    }

    private static final String SENT = "-";

    private final Logger logger = LoggerFactory.getLogger(Outbox.class);
    private final int capacity;
    private final @Nullable Path file;
    private final Deque<Entry> entries = new ArrayDeque<>();
    /** QoS 1/2 messages waiting (the ones the file holds). */
    private int persisted;
    /** Lines in the file. */
    private int journalLines;

    /**
     * @param capacity how many messages to keep while QoS 0 ones can be dropped
     * @param file where QoS 1/2 messages persist, or null to keep them in memory only
     */
    public Outbox(int capacity, @Nullable Path file) {
        this.capacity = Math.max(1, capacity);
        this.file = file;
        load();
    }

    /**
     * Adds a message.
     *
     * @return the QoS 0 message dropped to make room, or null
     */
    public synchronized @Nullable Entry add(Entry entry) {
        Entry dropped = null;
        if (entries.size() >= capacity) {
            Iterator<Entry> oldest = entries.iterator();
            while (oldest.hasNext()) {
                Entry candidate = oldest.next();
                if (candidate.qos() == 0) {
                    oldest.remove();
                    dropped = candidate;
                    break;
                }
            }
            if (dropped == null && entry.qos() == 0) {
                return entry;
            }
        }
        entries.add(entry);
        if (entry.qos() > 0) {
            persisted++;
            append(line(entry));
        }
        return dropped;
    }

    /** The oldest message, or null. */
    public synchronized @Nullable Entry peek() {
        return entries.peekFirst();
    }

    /** Removes {@code entry} if it is still the oldest (after it was sent). */
    public synchronized void removeHead(Entry entry) {
        if (entry.equals(entries.peekFirst())) {
            entries.pollFirst();
            if (entry.qos() > 0) {
                persisted--;
                append(SENT);
            }
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void load() {
        Path file = this.file;
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (SENT.equals(line)) {
                    entries.pollFirst();
                    continue;
                }
                String[] f = line.split(" ", -1);
                // A line cut by a crash while it was written has fewer fields and is skipped.
                if (f.length == 4) {
                    entries.add(new Entry(new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8),
                            Base64.getDecoder().decode(f[3]), Integer.parseInt(f[0]), "1".equals(f[1])));
                }
            }
            persisted = entries.size();
            logger.debug("Loaded {} unsent messages from {}", entries.size(), file);
        } catch (IOException | IllegalArgumentException e) {
            logger.warn("Could not read the outbox file {}: {}", file, e.getMessage());
        }
        compact();
    }

    private static String line(Entry e) {
        return e.qos() + " " + (e.retain() ? 1 : 0) + " "
                + Base64.getEncoder().encodeToString(e.topic().getBytes(StandardCharsets.UTF_8)) + " "
                + Base64.getEncoder().encodeToString(e.payload());
    }

    private void append(String line) {
        Path file = this.file;
        if (file == null) {
            return;
        }
        if (journalLines + 1 > 2 * persisted + 64) {
            compact();
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            journalLines++;
        } catch (IOException e) {
            logger.warn("Could not write the outbox file {}: {}", file, e.getMessage());
        }
    }

    /** Rewrites the file with only the waiting QoS 1/2 messages (atomically: a crash leaves the old or the new). */
    private void compact() {
        Path file = this.file;
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            if (e.qos() > 0) {
                lines.add(line(e));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, lines, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            journalLines = lines.size();
        } catch (IOException e) {
            logger.warn("Could not write the outbox file {}: {}", file, e.getMessage());
        }
    }
}
