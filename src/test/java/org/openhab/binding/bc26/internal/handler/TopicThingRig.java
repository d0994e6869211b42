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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * A real bridge ONLINE through the simulator on a pseudo-terminal and mosquitto, with an observer on the broker and
 * the openHAB callbacks mirrored, for tests of {@code bc26:topic} things under it.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class TopicThingRig implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ThingUID BRIDGE_UID = new ThingUID(Bc26BindingConstants.THING_TYPE_MODEM, "cabin");
    static final ThingUID THING_UID = new ThingUID(Bc26BindingConstants.THING_TYPE_TOPIC, BRIDGE_UID, "pump");

    final Mosquitto broker;
    final SimTransport modem;
    final Observer observer;
    final Bridge bridge;
    final Bc26ModemHandler bridgeHandler;
    final CallbackMirror mirror = new CallbackMirror();
    private final Resources resources = new Resources();

    TopicThingRig(Path dir) throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        broker = resources.add(Mosquitto.start(dir));
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        modem = resources.add(SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26")));
        observer = resources.add(new Observer(broker.uri()));
        bridge = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, BRIDGE_UID)
                .withConfiguration(new Configuration(Map.of("serialPort", modem.portName(), "host", "127.0.0.1",
                        "port", broker.port(), "clientID", "cabin", "reconnectInitialSeconds", 1)))
                .build();
        bridgeHandler = new Bc26ModemHandler(bridge, new PortClaims());
        bridge.setHandler(bridgeHandler);
        bridgeHandler.setCallback(mirror.forThing(bridge, bridge));
        resources.add(bridgeHandler::dispose);
        bridgeHandler.initialize();
        Await.until("bridge ONLINE", WAIT, () -> bridge.getStatus() == ThingStatus.ONLINE);
    }

    static Channel channel(String id, String type, Map<String, Object> config) {
        return ChannelBuilder.create(new ChannelUID(THING_UID, id), null).withType(new ChannelTypeUID("bc26", type))
                .withKind("trigger".equals(type) ? ChannelKind.TRIGGER : ChannelKind.STATE)
                .withConfiguration(new Configuration(config)).build();
    }

    static ChannelUID uid(String channelId) {
        return new ChannelUID(THING_UID, channelId);
    }

    /** A topic thing with these channels under the bridge, its callback set, not yet initialised. */
    Bc26TopicHandler topicThing(List<Channel> channels, Map<String, Object> thingConfig) {
        Thing thing = ThingBuilder.create(Bc26BindingConstants.THING_TYPE_TOPIC, THING_UID).withBridge(BRIDGE_UID)
                .withChannels(channels).withConfiguration(new Configuration(thingConfig)).build();
        Bc26TopicHandler handler = new Bc26TopicHandler(thing);
        handler.setCallback(mirror.forThing(thing, bridge));
        return handler;
    }

    /** Waits until the modem holds every one of these subscriptions (a thing's go out one at a time). */
    void awaitSubscribed(String... filters) {
        Await.until("subscriptions " + List.of(filters) + " granted", WAIT,
                () -> modem.simulator().subscribedFilters().containsAll(List.of(filters)));
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
