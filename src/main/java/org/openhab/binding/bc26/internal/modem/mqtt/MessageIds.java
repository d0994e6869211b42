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

import java.util.BitSet;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Packet ids 1-65535 for QoS 1/2 publishes, subscribes and unsubscribes, unique while in flight (AN11 §3.2.6 and
 * §3.2.8; QoS 0 publishes always use 0). Ids go round-robin so a late answer to a finished packet is unlikely to meet
 * a new one with the same id.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class MessageIds {

    private static final int MAX_ID = 65535;

    private final BitSet inUse = new BitSet(MAX_ID + 1);
    private int last;

    /**
     * Takes a free id.
     *
     * @throws IllegalStateException when all 65535 are in flight
     */
    public synchronized int allocate() {
        for (int i = 0; i < MAX_ID; i++) {
            last = last % MAX_ID + 1;
            if (!inUse.get(last)) {
                inUse.set(last);
                return last;
            }
        }
        throw new IllegalStateException("All 65535 MQTT packet ids are in flight");
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
