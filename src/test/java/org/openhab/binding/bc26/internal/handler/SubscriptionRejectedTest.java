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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * A subscription answered with granted QoS 128 (a broker ACL denying the topic; mosquitto 2.0 grants and then drops
 * silently in MQTT 3.1.1, so the simulator plays that broker): the topic thing that asked goes OFFLINE with the
 * translated reason, while the bridge stays ONLINE for everything else.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SubscriptionRejectedTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private static int commandsFor(SimTransport modem, String part) {
        return (int) modem.simulator().receivedCommands().stream()
                .filter(c -> c.startsWith("AT+QMTSUB=") && c.contains(part)).count();
    }

    @Test
    void aDeniedSubscriptionTakesOnlyItsThingOffline() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        try (Mosquitto broker = Mosquitto.start(dir);
                SimTransport modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26"))) {
            modem.simulator().denySubscription("secret/code");
            CallbackMirror mirror = new CallbackMirror();
            ThingUID bridgeUid = new ThingUID(Bc26BindingConstants.THING_TYPE_MODEM, "cabin");
            Bridge bridge = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, bridgeUid)
                    .withConfiguration(new Configuration(Map.of("serialPort", modem.portName(), "host",
                            "127.0.0.1", "port", broker.port(), "clientID", "cabin")))
                    .build();
            Bc26ModemHandler bridgeHandler = new Bc26ModemHandler(bridge, new PortClaims());
            bridge.setHandler(bridgeHandler);
            bridgeHandler.setCallback(mirror.forThing(bridge, null));
            bridgeHandler.initialize();
            try {
                Await.until("bridge ONLINE", Duration.ofSeconds(30), () -> bridge.getStatus() == ThingStatus.ONLINE);
                ThingUID thingUid = new ThingUID(Bc26BindingConstants.THING_TYPE_TOPIC, bridgeUid, "vault");
                Thing thing = ThingBuilder.create(Bc26BindingConstants.THING_TYPE_TOPIC, thingUid).withBridge(bridgeUid)
                        .withChannels(List.of(ChannelBuilder.create(new ChannelUID(thingUid, "code"), null)
                                .withType(new ChannelTypeUID("bc26", "string"))
                                .withConfiguration(new Configuration(Map.of("stateTopic", "secret/code", "qos", 2)))
                                .build()))
                        .build();
                Bc26TopicHandler handler = new Bc26TopicHandler(thing);
                handler.setCallback(mirror.forThing(thing, bridge));
                handler.initialize();
                Await.until("thing OFFLINE: subscription rejected", Duration.ofSeconds(30),
                        () -> thing.getStatus() == ThingStatus.OFFLINE);
                assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, thing.getStatusInfo().getStatusDetail());
                assertEquals("@text/offline.subscription-rejected [\"secret/code\"]",
                        thing.getStatusInfo().getDescription());
                assertEquals(ThingStatus.ONLINE, bridge.getStatus(), "the bridge serves the other topics");
                handler.bridgeStatusChanged(bridge.getStatusInfo());
                assertEquals(ThingStatus.OFFLINE, thing.getStatus(), "a bridge status change does not hide the error");

                // The bridge is initialised again (a configuration change): the child keeps its subscription, with
                // its QoS, and hears the broker's refusal again, now when the subscriptions are made after connecting.
                int subscribesBefore = commandsFor(modem, "\"secret/code\",2");
                thing.setStatusInfo(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
                bridgeHandler.dispose();
                bridgeHandler.initialize();
                Await.until("bridge ONLINE again", Duration.ofSeconds(30),
                        () -> bridge.getStatus() == ThingStatus.ONLINE);
                Await.until("subscribed again with QoS 2", Duration.ofSeconds(30),
                        () -> commandsFor(modem, "\"secret/code\",2") > subscribesBefore);
                Await.until("the refusal reached the thing again", Duration.ofSeconds(30),
                        () -> thing.getStatus() == ThingStatus.OFFLINE);
                assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, thing.getStatusInfo().getStatusDetail());
                handler.dispose();
            } finally {
                bridgeHandler.dispose();
            }
        }
    }
}
