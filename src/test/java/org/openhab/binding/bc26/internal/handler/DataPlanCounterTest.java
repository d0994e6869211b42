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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plan's period: from its reset day (the month's last day when shorter), kept across restarts and sessions,
 * started again in a new period.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class DataPlanCounterTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private static Clock at(String date) {
        return Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void aMonthlyPeriodStartsOnTheResetDayOrTheMonthsLastDay() {
        DataPlanCounter counter = new DataPlanCounter(dir.resolve("c"), DataPlanCounter.Reset.MONTHLY, 31,
                at("2026-03-15"));
        assertEquals(LocalDate.parse("2026-02-28"), counter.periodStart(), "February has no 31st");
        assertEquals(LocalDate.parse("2026-03-31"), counter.periodStart(LocalDate.parse("2026-03-31")));
        DataPlanCounter fifth = new DataPlanCounter(dir.resolve("d"), DataPlanCounter.Reset.MONTHLY, 5,
                at("2026-01-04"));
        assertEquals(LocalDate.parse("2025-12-05"), fifth.periodStart(), "before the 5th: from last month's 5th");
        DataPlanCounter daily = new DataPlanCounter(dir.resolve("e"), DataPlanCounter.Reset.DAILY, 1, at("2026-01-04"));
        assertEquals(LocalDate.parse("2026-01-04"), daily.periodStart());
        assertEquals(DataPlanCounter.Reset.MONTHLY, DataPlanCounter.Reset.of("weekly"), "an unknown word: monthly");
    }

    @Test
    void totalsSurviveARestartAndANewSessionAddsToThem() throws Exception {
        Path file = dir.resolve("bridge.data");
        DataPlanCounter counter = new DataPlanCounter(file, DataPlanCounter.Reset.MONTHLY, 1, at("2026-12-08"));
        assertArrayEquals(new long[] { 100, 50 }, counter.update(100, 50));
        assertArrayEquals(new long[] { 150, 60 }, counter.update(150, 60), "only what the session added since");
        assertArrayEquals(new long[] { 160, 65 }, counter.update(10, 5), "a lower reading is a new session");
        counter.save();
        DataPlanCounter restarted = new DataPlanCounter(file, DataPlanCounter.Reset.MONTHLY, 1, at("2026-12-20"));
        assertArrayEquals(new long[] { 170, 70 }, restarted.update(10, 5), "the month's totals kept");
        restarted.save();
        DataPlanCounter nextMonth = new DataPlanCounter(file, DataPlanCounter.Reset.MONTHLY, 1, at("2027-01-02"));
        assertArrayEquals(new long[] { 7, 3 }, nextMonth.update(7, 3), "a new period starts from zero");
    }
}
