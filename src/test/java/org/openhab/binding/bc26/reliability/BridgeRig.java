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
package org.openhab.binding.bc26.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.mockito.Mockito;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.action.Bc26Actions;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler;
import org.openhab.binding.bc26.internal.handler.PortClaims;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * A real bridge handler as openHAB would run it, for the fault matrix, the soak and the benchmarks: one
 * {@code publish-trigger} channel on {@code down/#} (QoS 1), a stub-only callback (it records nothing, so long runs
 * do not grow the heap) that keeps the thing's status and timestamps every status change, and rule actions.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class BridgeRig implements AutoCloseable {

    /** A status change of the bridge and when it happened. */
    public record Transition(long nanos, ThingStatus status) {
    }

    private final Bridge bridge;
    private final Bc26ModemHandler handler;
    private final Bc26Actions actions = new Bc26Actions();
    private final List<Transition> transitions = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> downlink = event -> {
    };
    private volatile String lastError = "";
    private final Map<String, String> channelStates = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param name the thing id (also part of the outbox file name)
     * @param config bridge parameters over the defaults (serialPort, brokerHost and brokerPort at least)
     */
    public BridgeRig(String name, Map<String, Object> config) {
        ThingUID uid = new ThingUID(Bc26BindingConstants.THING_TYPE_MODEM, name);
        Map<String, Object> all = new HashMap<>();
        all.put("clientID", "rig-" + name);
        all.putAll(config);
        bridge = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, uid)
                .withConfiguration(new Configuration(all))
                .withChannels(List.of(ChannelBuilder.create(new ChannelUID(uid, "down"), null)
                        .withType(new ChannelTypeUID("bc26", "publish-trigger")).withKind(ChannelKind.TRIGGER)
                        .withConfiguration(new Configuration(Map.of("stateTopic", "down/#", "qos", 1))).build()))
                .build();
        handler = new Bc26ModemHandler(bridge, new PortClaims());
        ThingHandlerCallback callback = Mockito.mock(ThingHandlerCallback.class, Mockito.withSettings().stubOnly());
        Mockito.doAnswer(invocation -> {
            ThingStatusInfo info = invocation.getArgument(1);
            bridge.setStatusInfo(info);
            transitions.add(new Transition(System.nanoTime(), info.getStatus()));
            return null;
        }).when(callback).statusUpdated(Mockito.same(bridge), Mockito.any());
        Mockito.doAnswer(invocation -> {
            String event = invocation.getArgument(2);
            downlink.accept(event);
            return null;
        }).when(callback).channelTriggered(Mockito.any(), Mockito.any(), Mockito.any());
        Mockito.doAnswer(invocation -> {
            ChannelUID channel = invocation.getArgument(0);
            channelStates.put(channel.getId(), invocation.getArgument(1).toString());
            if (channel.getId().equals(Bc26BindingConstants.CHANNEL_LAST_ERROR)) {
                lastError = invocation.getArgument(1).toString();
            }
            return null;
        }).when(callback).stateUpdated(Mockito.any(), Mockito.any());
        handler.setCallback(callback);
        actions.setThingHandler(handler);
    }

    /** The parameters every rig needs: the simulated modem's port and the test broker; add to the returned map. */
    public static Map<String, Object> configFor(SimTransport modem, Mosquitto broker) {
        Map<String, Object> config = new HashMap<>();
        config.put("serialPort", modem.portName());
        config.put("host", "127.0.0.1");
        config.put("port", broker.port());
        return config;
    }

    /** Where trigger events of the {@code down/#} channel go (the payload, as openHAB's trigger event). */
    public void onDownlink(Consumer<String> consumer) {
        downlink = consumer;
    }

    public Bridge bridge() {
        return bridge;
    }

    public Bc26ModemHandler handler() {
        return handler;
    }

    public Bc26Actions actions() {
        return actions;
    }

    /** The last state of the bridge's last-error channel ("" before any). */
    public String lastError() {
        return lastError;
    }

    /** The last state a channel of the bridge was given, or "" before any. */
    public String channelState(String channelId) {
        return channelStates.getOrDefault(channelId, "");
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public ThingStatus status() {
        return bridge.getStatus();
    }

    /** Waits for ONLINE; false when it did not come within {@code timeout}. */
    public boolean awaitOnline(Duration timeout) {
        try {
            Await.until("bridge ONLINE", timeout, () -> bridge.getStatus() == ThingStatus.ONLINE);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    @Override
    public void close() {
        handler.dispose();
    }
}
