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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

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
 * <p>
 * Power loss: a message's line is forced to the storage device before {@link #add} returns (fsync), so a message a
 * rule handed over survives a power cut (a "sent" line is not forced: losing one only sends that message again). A line counts only when it is whole: it ends with its line break and carries a
 * CRC-32 of its content, so a line cut by a crash (or garbled on the card) is skipped, never restored truncated. One
 * outbox per file in this JVM: a second one for the same file is refused until the first is closed.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Outbox {

    /**
     * One message.
     *
     * @param messageId the MQTT message id it goes out with (QoS 1/2; 0 until it has one), kept for every attempt
     */
    public record Entry(String topic, byte[] payload, int qos, boolean retain, int messageId) {
        public Entry(String topic, byte[] payload, int qos, boolean retain) {
            this(topic, payload, qos, retain, 0);
        }

        /** The same message with its message id. */
        public Entry withMessageId(int id) {
            return new Entry(topic, payload, qos, retain, id);
        }

        /** Same message: the id is not part of what the message is. */
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
    /** Files with an open outbox in this JVM: two writers would interleave their journals. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Logger logger = LoggerFactory.getLogger(Outbox.class);
    private final int capacity;
    private final @Nullable Path file;
    private final Deque<Entry> entries = new ArrayDeque<>();
    /** QoS 1/2 messages waiting (the ones the file holds). */
    private int persisted;
    /** Lines in the file. */
    private int journalLines;
    private boolean deleted;

    /**
     * @param capacity how many messages to keep while QoS 0 ones can be dropped
     * @param file where QoS 1/2 messages persist, or null to keep them in memory only
     * @throws IllegalStateException when another outbox of this JVM has the file open
     */
    public Outbox(int capacity, @Nullable Path file) {
        this.capacity = Math.max(1, capacity);
        Path absolute = file == null ? null : file.toAbsolutePath().normalize();
        if (absolute != null && !OPEN.add(absolute)) {
            throw new IllegalStateException("The outbox file " + absolute + " is already in use");
        }
        this.file = absolute;
        load();
    }

    /** Releases the file for another outbox (the messages stay in it). */
    public synchronized void close() {
        Path file = this.file;
        if (file != null) {
            OPEN.remove(file);
        }
    }

    /** Closes the outbox and deletes its file: the thing it belonged to was removed. Nothing is written after. */
    public synchronized void delete() {
        close();
        deleted = true;
        Path file = this.file;
        if (file != null) {
            deleteFile(file);
        }
    }

    /** Deletes an outbox file no outbox has open (its thing was removed before it started). */
    public static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(Outbox.class).warn("Could not delete the outbox file {}: {}", file,
                    e.getMessage());
        }
    }

    /**
     * Puts a message back at the head, before everything that waits: it was the oldest when it was sent and the
     * send failed. The file is rewritten (a journal only appends), which happens only on such a failure.
     */
    public synchronized void addFirst(Entry entry) {
        entries.addFirst(entry);
        if (entry.qos() > 0) {
            persisted++;
            compact();
        }
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
            append(line(entry), true);
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
                // Not forced to the card: losing this line to a power cut only sends the message once more.
            append(SENT, false);
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
            String content = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
            int skipped = 0;
            int start = 0;
            int end;
            // Only lines that end with their line break count: a crash can cut only the last one.
            while ((end = content.indexOf('\n', start)) >= 0) {
                String line = content.substring(start, end);
                start = end + 1;
                if (SENT.equals(line)) {
                    entries.pollFirst();
                } else {
                    Entry entry = parse(line);
                    if (entry == null) {
                        skipped++;
                    } else {
                        entries.add(entry);
                    }
                }
            }
            if (start < content.length()) {
                skipped++;
            }
            if (skipped > 0) {
                logger.warn("Skipped {} damaged line(s) in the outbox file {} (cut by a crash or garbled)", skipped,
                        file);
            }
            persisted = entries.size();
            logger.debug("Loaded {} unsent messages from {}", entries.size(), file);
        } catch (IOException e) {
            logger.warn("Could not read the outbox file {}: {}", file, e.getMessage());
        }
        compact();
    }

    /** A message line whose CRC matches, or null. */
    private static @Nullable Entry parse(String line) {
        String[] f = line.split(" ", -1);
        if (f.length != 6 || !f[5].equals(crc(line.substring(0, line.lastIndexOf(' '))))) {
            return null;
        }
        try {
            return new Entry(new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(f[3]), Integer.parseInt(f[0]), "1".equals(f[1]), Integer.parseInt(f[4]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String crc(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.US_ASCII));
        return Long.toHexString(crc.getValue());
    }

    private static String line(Entry e) {
        String content = e.qos() + " " + (e.retain() ? 1 : 0) + " "
                + Base64.getEncoder().encodeToString(e.topic().getBytes(StandardCharsets.UTF_8)) + " "
                + Base64.getEncoder().encodeToString(e.payload()) + " " + e.messageId();
        return content + " " + crc(content);
    }

    private void append(String line, boolean force) {
        Path file = this.file;
        if (file == null || deleted) {
            return;
        }
        if (journalLines + 1 > 2 * persisted + 64) {
            compact();
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
                if (force) {
                    // On the card before add() returns: a message a rule handed over survives a power cut.
                    channel.force(false);
                }
            }
            journalLines++;
        } catch (IOException e) {
            logger.warn("Could not write the outbox file {}: {}", file, e.getMessage());
        }
    }

    /** Rewrites the file with only the waiting QoS 1/2 messages (atomically: a crash leaves the old or the new). */
    private void compact() {
        Path file = this.file;
        if (file == null || deleted) {
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
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap((lines.isEmpty() ? "" : String.join("\n", lines) + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.force(false);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            journalLines = lines.size();
        } catch (IOException e) {
            logger.warn("Could not write the outbox file {}: {}", file, e.getMessage());
        }
    }
}
