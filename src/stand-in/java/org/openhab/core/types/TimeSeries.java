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
package org.openhab.core.types;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in for openHAB core 5.2.1 {@code TimeSeries} (named by handler signatures).
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class TimeSeries {

    private final Policy policy;
    private final List<Entry> entries = new ArrayList<>();

    public TimeSeries(Policy policy) {
        this.policy = policy;
    }

    public Policy getPolicy() {
        return policy;
    }

    public Instant getBegin() {
        return entries.isEmpty() ? Instant.MAX : entries.get(0).timestamp();
    }

    public Instant getEnd() {
        return entries.isEmpty() ? Instant.MIN : entries.get(entries.size() - 1).timestamp();
    }

    public int size() {
        return entries.size();
    }

    public void add(Instant timestamp, State state) {
        entries.add(new Entry(timestamp, state));
        entries.sort(Comparator.comparing(Entry::timestamp));
    }

    public Stream<Entry> getStates() {
        return List.copyOf(entries).stream();
    }

    /** One state at one time. */
    public record Entry(Instant timestamp, State state) {
    }

    /** How a series is merged with persisted data. */
    public enum Policy {
        ADD,
        REPLACE;
    }
}
