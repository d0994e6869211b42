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

import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.State;

/**
 * Handler callbacks that behave like openHAB's where the tests look: a status update is written into the thing (as
 * the ThingManager does) and recorded; states and trigger events are recorded by channel id.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class CallbackMirror {

    final List<ThingStatusInfo> statuses = new CopyOnWriteArrayList<>();
    final Map<String, State> states = new ConcurrentHashMap<>();
    final BlockingQueue<String> triggers = new LinkedBlockingQueue<>();

    /** A callback for {@code thing}; {@code bridge} is what getBridge answers (null: no bridge). */
    ThingHandlerCallback forThing(Thing thing, @Nullable Bridge bridge) {
        ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
        doAnswer(invocation -> {
            // As openHAB: the status goes to the thing the handler has now, also after it updated its thing.
            Thing current = invocation.getArgument(0);
            ThingStatusInfo info = invocation.getArgument(1);
            current.setStatusInfo(info);
            statuses.add(info);
            return null;
        }).when(callback).statusUpdated(argThat(updated -> updated.getUID().equals(thing.getUID())), any());
        doAnswer(invocation -> {
            ChannelUID uid = invocation.getArgument(0);
            states.put(uid.getId(), invocation.getArgument(1));
            return null;
        }).when(callback).stateUpdated(any(), any());
        doAnswer(invocation -> {
            ChannelUID uid = invocation.getArgument(1);
            triggers.add(uid.getId() + "=" + invocation.getArgument(2));
            return null;
        }).when(callback).channelTriggered(any(), any(), any());
        if (bridge != null) {
            when(callback.getBridge(bridge.getUID())).thenReturn(bridge);
        }
        return callback;
    }
}
