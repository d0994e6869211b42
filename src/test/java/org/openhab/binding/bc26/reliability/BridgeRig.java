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
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.action.Bc26Actions;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler;
import org.openhab.binding.bc26.internal.handler.PortClaims;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.config.core.ConfigDescription;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelGroupUID;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.type.ChannelGroupTypeUID;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

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
        // A plain callback, not a mock: the benchmarks measure the binding's threads, and a mock's bookkeeping on
        // every state update would count as theirs.
        ThingHandlerCallback callback = new RigCallback();
        handler.setCallback(callback);
        actions.setThingHandler(handler);
    }

    /** What openHAB's callback does, as far as the rig's tests look at it, and nothing else. */
    private final class RigCallback implements ThingHandlerCallback {
        @Override
        public void stateUpdated(ChannelUID channelUID, State state) {
            channelStates.put(channelUID.getId(), state.toString());
            if (channelUID.getId().equals(Bc26BindingConstants.CHANNEL_LAST_ERROR)) {
                lastError = state.toString();
            }
        }

        @Override
        public void postCommand(ChannelUID channelUID, Command command) {
        }

        @Override
        public void sendTimeSeries(ChannelUID channelUID, TimeSeries timeSeries) {
        }

        @Override
        public void statusUpdated(Thing thing, ThingStatusInfo thingStatus) {
            if (thing == bridge) {
                bridge.setStatusInfo(thingStatus);
                transitions.add(new Transition(System.nanoTime(), thingStatus.getStatus()));
            }
        }

        @Override
        public void thingUpdated(Thing thing) {
        }

        @Override
        public void validateConfigurationParameters(Thing thing, Map<String, Object> configurationParameters) {
        }

        @Override
        public void validateConfigurationParameters(Channel channel, Map<String, Object> configurationParameters) {
        }

        @Override
        public @Nullable ConfigDescription getConfigDescription(ChannelTypeUID channelTypeUID) {
            return null;
        }

        @Override
        public @Nullable ConfigDescription getConfigDescription(ThingTypeUID thingTypeUID) {
            return null;
        }

        @Override
        public void configurationUpdated(Thing thing) {
        }

        @Override
        public void migrateThingType(Thing thing, ThingTypeUID thingTypeUID, Configuration configuration) {
        }

        @Override
        public void channelTriggered(Thing thing, ChannelUID channelUID, String event) {
            downlink.accept(event);
        }

        @Override
        public ChannelBuilder createChannelBuilder(ChannelUID channelUID, ChannelTypeUID channelTypeUID) {
            return ChannelBuilder.create(channelUID, null).withType(channelTypeUID);
        }

        @Override
        public ChannelBuilder editChannel(Thing thing, ChannelUID channelUID) {
            return ChannelBuilder.create(channelUID, null);
        }

        @Override
        public List<ChannelBuilder> createChannelBuilders(ChannelGroupUID channelGroupUID,
                ChannelGroupTypeUID channelGroupTypeUID) {
            return List.of();
        }

        @Override
        public boolean isChannelLinked(ChannelUID channelUID) {
            return false;
        }

        @Override
        public @Nullable Bridge getBridge(ThingUID bridgeUID) {
            return bridgeUID.equals(bridge.getUID()) ? bridge : null;
        }
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
