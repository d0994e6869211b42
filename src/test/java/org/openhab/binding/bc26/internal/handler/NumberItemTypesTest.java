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

import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.thing.Channel;

/**
 * A number channel's accepted item type from its unit, as the MQTT binding's generic thing builds it.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class NumberItemTypesTest {

    @Test
    void aUnitGivesItsDimensionAndNoneOrAnUnknownOneGivesPlainNumber() {
        assertEquals("Number:Power", NumberItemTypes.acceptedItemType("W"));
        assertEquals("Number:Power", NumberItemTypes.acceptedItemType("kW"));
        assertEquals("Number:Temperature", NumberItemTypes.acceptedItemType("°C"));
        assertEquals("Number:Dimensionless", NumberItemTypes.acceptedItemType("%"), "not Angle, whose radian is 1");
        assertEquals("Number:ElectricPotential", NumberItemTypes.acceptedItemType("V"));
        assertEquals("Number", NumberItemTypes.acceptedItemType(""));
        assertEquals("Number", NumberItemTypes.acceptedItemType("furlongs"));
    }

    @Test
    void onlyNumberChannelsWhoseTypeDoesNotFitAreRebuiltInTheirPlace() {
        Channel power = TopicThingRig.channel("power", "number", Map.of("unit", "W"));
        Channel count = TopicThingRig.channel("count", "number", Map.of());
        Channel light = TopicThingRig.channel("light", "switch", Map.of("unit", "W"));
        List<Channel> fitted = NumberItemTypes.fitted(List.of(count, power, light));
        assertNotNull(fitted);
        assertEquals(List.of("count", "power", "light"), fitted.stream().map(c -> c.getUID().getId()).toList());
        assertEquals("Number:Power", fitted.get(1).getAcceptedItemType());
        assertEquals(Map.of("unit", "W"), fitted.get(1).getConfiguration().getProperties());
        assertSame(light, fitted.get(2), "not a number channel: left as it is");
        assertNull(NumberItemTypes.fitted(fitted), "once fitted, nothing to update");
    }
}
