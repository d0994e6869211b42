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

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Message ids: unique while in flight, and not guessable (a payload in the text receive format could otherwise
 * acknowledge a message by printing {@code +QMTPUB: 0,<next id>,0}).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class MessageIdsTest {

    @Test
    void idsAreNotSequentialSoTheNextOneCannotBeGuessed() {
        MessageIds ids = new MessageIds(new SplittableRandom(7));
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int id = ids.allocate();
            ids.release(id);
            first.add(id);
        }
        long neighbours = 0;
        for (int i = 1; i < first.size(); i++) {
            neighbours += Math.abs(first.get(i) - first.get(i - 1)) <= 1 ? 1 : 0;
        }
        assertTrue(neighbours <= 1, "consecutive ids follow each other: " + first);
        assertTrue(first.stream().anyMatch(id -> id > 32768) && first.stream().anyMatch(id -> id < 32768),
                "spread over the whole range: " + first);
        assertFalse(first.contains(0), "0 is QoS 0's");
    }

    @Test
    void everyIdIsUniqueWhileInFlightUpToTheLastFreeOne() {
        MessageIds ids = new MessageIds(new SplittableRandom(11));
        Set<Integer> inFlight = new HashSet<>();
        for (int i = 0; i < 65535; i++) {
            int id = ids.allocate();
            assertTrue(id >= 1 && id <= 65535, "in range: " + id);
            assertTrue(inFlight.add(id), "unique: " + id);
        }
        assertThrows(IllegalStateException.class, ids::allocate);
        ids.release(4242);
        assertEquals(4242, ids.allocate(), "the only free id is found");
        assertEquals(65535, ids.inFlight());
    }

    @Test
    void theDefaultSourceIsRandomToo() {
        MessageIds ids = new MessageIds();
        int a = ids.allocate();
        int b = ids.allocate();
        int c = ids.allocate();
        assertFalse(b == a + 1 && c == b + 1, a + ", " + b + ", " + c);
    }
}
