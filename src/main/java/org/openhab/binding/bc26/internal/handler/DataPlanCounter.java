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
package org.openhab.binding.bc26.internal.handler;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The bytes a bridge has cost the SIM's data plan in the current period (a day, a month from the plan's reset day,
 * or since ever), kept in a file across openHAB restarts and bridge re-initialisations. A session's own counters
 * start at zero; this adds what each new reading added since the one before.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class DataPlanCounter {

    /** When the counters start again. */
    enum Reset {
        DAILY,
        MONTHLY,
        NEVER;

        static Reset of(String word) {
            try {
                return valueOf(word.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return MONTHLY;
            }
        }
    }

    private final Path file;
    private final Reset reset;
    private final int resetDay;
    private final Clock clock;
    private LocalDate periodStart;
    private long sent;
    private long received;
    private long lastSessionSent;
    private long lastSessionReceived;

    /**
     * @param resetDay the day of the month a monthly plan starts again (1-31; the month's last day when shorter)
     */
    DataPlanCounter(Path file, Reset reset, int resetDay, Clock clock) {
        this.file = file;
        this.reset = reset;
        this.resetDay = Math.max(1, Math.min(31, resetDay));
        this.clock = clock;
        this.periodStart = periodStart(LocalDate.now(clock));
        load();
    }

    /** The first day of the period that holds {@code today}. */
    LocalDate periodStart(LocalDate today) {
        return switch (reset) {
            case DAILY -> today;
            case NEVER -> LocalDate.EPOCH;
            case MONTHLY -> {
                LocalDate thisMonth = today.withDayOfMonth(Math.min(resetDay, today.lengthOfMonth()));
                if (!thisMonth.isAfter(today)) {
                    yield thisMonth;
                }
                LocalDate lastMonth = today.minusMonths(1);
                yield lastMonth.withDayOfMonth(Math.min(resetDay, lastMonth.lengthOfMonth()));
            }
        };
    }

    /**
     * Takes a reading of the session's counters (which count from the session's start) and returns the period's
     * totals; a new period starts from zero.
     */
    synchronized long[] update(long sessionSent, long sessionReceived) {
        LocalDate start = periodStart(LocalDate.now(clock));
        if (!start.equals(periodStart)) {
            periodStart = start;
            sent = 0;
            received = 0;
        }
        // A reading below the last one is a new session, counting from zero again.
        sent += sessionSent >= lastSessionSent ? sessionSent - lastSessionSent : sessionSent;
        received += sessionReceived >= lastSessionReceived ? sessionReceived - lastSessionReceived : sessionReceived;
        lastSessionSent = sessionSent;
        lastSessionReceived = sessionReceived;
        return new long[] { sent, received };
    }

    /** A new session starts: its counters begin at zero. */
    synchronized void newSession() {
        lastSessionSent = 0;
        lastSessionReceived = 0;
    }

    synchronized LocalDate periodStart() {
        return periodStart;
    }

    /** Writes the totals (to a temporary file first, so a crash leaves the old or the new file, never half of one). */
    synchronized void save() throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Properties properties = new Properties();
        properties.setProperty("periodStart", periodStart.toString());
        properties.setProperty("sent", Long.toString(sent));
        properties.setProperty("received", Long.toString(received));
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "bytes over the air in the period since periodStart, estimated");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the totals of the current period; a file of an earlier period, or one that cannot be read, counts 0. */
    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            @Nullable
            String start = properties.getProperty("periodStart");
            if (start != null && LocalDate.parse(start).equals(periodStart)) {
                sent = Long.parseLong(properties.getProperty("sent", "0"));
                received = Long.parseLong(properties.getProperty("received", "0"));
            }
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            sent = 0;
            received = 0;
        }
    }
}
