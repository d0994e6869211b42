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
package org.openhab.binding.bc26.internal.modem.mqtt;

import java.security.SecureRandom;
import java.util.BitSet;
import java.util.random.RandomGenerator;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Packet ids 1-65535 for QoS 1/2 publishes, subscribes and unsubscribes, unique while in flight (AN11 §3.2.6 and
 * §3.2.8; QoS 0 publishes always use 0). Ids are drawn at random among the free ones: in the text receive format a
 * payload can print a line that looks like {@code +QMTPUB: 0,<id>,0}, and an id that cannot be guessed keeps such a
 * line from acknowledging a message the broker never received (sequential ids from 1 would be easy to guess). Random
 * ids also make it unlikely that a late answer to a finished packet meets a new one with the same id.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class MessageIds {

    private static final int MAX_ID = 65535;

    private final BitSet inUse = new BitSet(MAX_ID + 1);
    private final RandomGenerator random;

    public MessageIds() {
        this(new SecureRandom());
    }

    /** With a given source of randomness (tests). */
    MessageIds(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Takes a free id.
     *
     * @throws IllegalStateException when all 65535 are in flight
     */
    public synchronized int allocate() {
        int free = MAX_ID - inUse.cardinality();
        if (free <= 0) {
            throw new IllegalStateException("All 65535 MQTT packet ids are in flight");
        }
        // Uniform among the free ids: draw until a free one comes up (at once while few are in flight), and only when
        // nearly all are taken walk to the n-th free one.
        int id = -1;
        for (int attempt = 0; attempt < 64 && id < 0; attempt++) {
            int candidate = 1 + random.nextInt(MAX_ID);
            if (!inUse.get(candidate)) {
                id = candidate;
            }
        }
        if (id < 0) {
            int n = random.nextInt(free);
            id = inUse.nextClearBit(1);
            for (int i = 0; i < n; i++) {
                id = inUse.nextClearBit(id + 1);
            }
        }
        inUse.set(id);
        return id;
    }

    /**
     * Takes a given id if it is free (a message sent again keeps its id).
     *
     * @return false when the id is out of range or in flight
     */
    public synchronized boolean reserve(int id) {
        if (id < 1 || id > MAX_ID || inUse.get(id)) {
            return false;
        }
        inUse.set(id);
        return true;
    }

    /** Draws an id for a message that does not have one yet (not reserved: {@link #reserve} takes it when it goes out). */
    public int draw() {
        synchronized (this) {
            return 1 + random.nextInt(MAX_ID);
        }
    }

    /** Gives an id back. */
    public synchronized void release(int id) {
        if (id > 0 && id <= MAX_ID) {
            inUse.clear(id);
        }
    }

    /** How many ids are in flight. */
    public synchronized int inFlight() {
        return inUse.cardinality();
    }
}
