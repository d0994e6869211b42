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

import java.util.ArrayList;
import java.util.List;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.util.UnitUtils;

/**
 * The accepted item type of a topic thing's number channels, from their {@code unit}: {@code Number:Power} for
 * {@code W}, as the MQTT binding builds its channels. Real openHAB turns a quantity command into a plain number
 * before the handler sees it when a channel accepts plain {@code Number} ({@code 0.5 kW} arrives as {@code 0.5}), so
 * a channel with a unit must say its dimension for {@code 0.5 kW} to be published as {@code 500}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class NumberItemTypes {

    private NumberItemTypes() {
    }

    /** {@code Number:<dimension>} for a unit openHAB knows, plain {@code Number} for none or an unknown one. */
    static String acceptedItemType(String unit) {
        Unit<?> parsed = UnitUtils.parseUnit(unit);
        String dimension = parsed == null ? null : UnitUtils.getDimensionName(parsed);
        return dimension == null ? "Number" : "Number:" + dimension;
    }

    /**
     * The channels with every number channel's accepted item type fitted to its unit, in the same order; null when
     * all fit already (nothing to update).
     */
    static @Nullable List<Channel> fitted(List<Channel> channels) {
        List<Channel> result = new ArrayList<>(channels.size());
        boolean changed = false;
        for (Channel channel : channels) {
            ChannelTypeUID type = channel.getChannelTypeUID();
            if (type == null || !"number".equals(type.getId())) {
                result.add(channel);
                continue;
            }
            Object unit = channel.getConfiguration().get("unit");
            String wanted = acceptedItemType(unit == null ? "" : unit.toString());
            if (wanted.equals(channel.getAcceptedItemType())) {
                result.add(channel);
            } else {
                result.add(ChannelBuilder.create(channel).withAcceptedItemType(wanted).build());
                changed = true;
            }
        }
        return changed ? result : null;
    }
}
