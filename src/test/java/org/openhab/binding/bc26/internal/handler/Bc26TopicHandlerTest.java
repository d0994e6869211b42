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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.types.State;

/**
 * A {@code bc26:topic} thing under a real bridge, through the simulator and mosquitto: retained values restore state,
 * every channel type converts its payloads, commands publish, availability drives the status, dispose unsubscribes.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class Bc26TopicHandlerTest {

    private static final Duration WAIT = TopicThingRig.WAIT;
    private static final ThingUID THING_UID = TopicThingRig.THING_UID;

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private @NonNullByDefault({}) TopicThingRig rig;
    private @NonNullByDefault({}) SimTransport modem;
    private @NonNullByDefault({}) Observer observer;
    private @NonNullByDefault({}) Map<String, State> states;
    private @NonNullByDefault({}) BlockingQueue<String> triggers;

    @BeforeEach
    void start() throws Exception {
        rig = new TopicThingRig(dir);
        modem = rig.modem;
        observer = rig.observer;
        states = rig.mirror.states;
        triggers = rig.mirror.triggers;
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private static Channel channel(String id, String type, Map<String, Object> config) {
        return TopicThingRig.channel(id, type, config);
    }

    private Bc26TopicHandler topicThing() {
        List<Channel> channels = new ArrayList<>();
        channels.add(channel("name", "string", Map.of("stateTopic", "pump/name")));
        channels.add(channel("mode", "string", Map.of("stateTopic", "pump/mode", "commandTopic", "pump/mode/set",
                "allowedStates", "auto, manual,off")));
        channels.add(channel("power", "number", Map.of("stateTopic", "pump/power", "unit", "W", "commandTopic",
                "pump/power/set")));
        channels.add(channel("count", "number", Map.of("stateTopic", "pump/count", "nullValue", "n/a")));
        channels.add(channel("light", "switch", Map.of("stateTopic", "pump/light", "commandTopic", "pump/light/set",
                "formatBeforePublish", "light:%s")));
        channels.add(channel("door", "contact", Map.of("stateTopic", "pump/door", "on", "open", "off", "closed")));
        channels.add(channel("seen", "datetime", Map.of("stateTopic", "pump/seen")));
        channels.add(channel("button", "trigger", Map.of("stateTopic", "pump/button/+")));
        return rig.topicThing(channels, Map.of("availabilityTopic", "pump/available"));
    }

    @Test
    void retainedValuesRestoreStateAndEveryChannelTypeConverts() throws Exception {
        observer.publish("pump/light", "ON", 1, true);
        observer.publish("pump/available", "online", 1, true);
        Bc26TopicHandler handler = topicThing();
        handler.initialize();
        Await.until("retained switch state restored", WAIT, () -> OnOffType.ON.equals(states.get("light")));
        Await.until("thing ONLINE from the retained availability", WAIT,
                () -> handler.getThing().getStatus() == ThingStatus.ONLINE);
        // The thing's subscriptions go out one at a time; messages that are not retained need them in place.
        Await.until("every subscription of the thing granted", WAIT,
                () -> modem.simulator().subscribedFilters().containsAll(List.of("pump/name", "pump/power",
                        "pump/count", "pump/door", "pump/seen", "pump/button/+")));

        observer.publish("pump/name", "pump house \"north\"", 1, false);
        observer.publish("pump/power", "120.5", 1, false);
        observer.publish("pump/count", "not a number", 1, false);
        observer.publish("pump/count", "42", 1, false);
        observer.publish("pump/door", "open", 1, false);
        observer.publish("pump/seen", "2026-11-25T12:00:00Z", 1, false);
        observer.publish("pump/button/1", "PRESSED", 1, false);
        Await.until("all channels updated", WAIT, () -> states.containsKey("name") && states.containsKey("power")
                && states.containsKey("count") && states.containsKey("door") && states.containsKey("seen"));
        assertEquals(new StringType("pump house \"north\""), states.get("name"));
        assertEquals("120.5 W", states.get("power").toString());
        assertEquals("42", states.get("count").toString(), "an unparsable number was ignored, the next one taken");
        observer.publish("pump/count", "n/a", 1, false);
        Await.until("the no-value payload makes the channel NULL, as on the MQTT binding", WAIT,
                () -> org.openhab.core.types.UnDefType.NULL.equals(states.get("count")));
        assertEquals(OpenClosedType.OPEN, states.get("door"));
        states.remove("door");
        handler.handleCommand(new ChannelUID(THING_UID, "door"), org.openhab.core.types.RefreshType.REFRESH);
        assertEquals(OpenClosedType.OPEN, states.get("door"), "REFRESH answered from the last value received");
        assertEquals(java.time.Instant.parse("2026-11-25T12:00:00Z"),
                ((org.openhab.core.library.types.DateTimeType) states.get("seen")).getInstant());
        assertEquals("button=PRESSED", triggers.poll(30, TimeUnit.SECONDS));
        handler.dispose();
    }

    /**
     * Eight state topics go out together, four filters per {@code AT+QMTSUB}, not one round trip each; the thing is
     * UNKNOWN until the broker granted them and ONLINE after, so a message sent the moment it is ONLINE arrives.
     */
    @Test
    void aThingsFiltersGoOutTogetherAndItIsOnlineOnlyOnceTheyAreGranted() throws Exception {
        List<Channel> channels = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            channels.add(channel("value" + i, "string", Map.of("stateTopic", "batch/" + i)));
            filters.add("batch/" + i);
        }
        int commandsBefore = modem.simulator().receivedCommands().size();
        int statusesBefore = rig.mirror.statuses.size();
        Bc26TopicHandler handler = rig.topicThing(channels, Map.of());
        handler.initialize();
        assertNotEquals(ThingStatus.ONLINE, handler.getThing().getStatus(),
                "initialize() returns before the broker could have answered");
        Await.until("thing ONLINE", WAIT, () -> handler.getThing().getStatus() == ThingStatus.ONLINE);
        assertTrue(modem.simulator().subscribedFilters().containsAll(filters), "ONLINE means granted");
        List<String> subscribes = modem.simulator().receivedCommands()
                .subList(commandsBefore, modem.simulator().receivedCommands().size()).stream()
                .filter(c -> c.startsWith("AT+QMTSUB=")).toList();
        assertEquals(2, subscribes.size(), String.valueOf(subscribes));
        assertTrue(subscribes.get(0).endsWith("\"batch/0\",1,\"batch/1\",1,\"batch/2\",1,\"batch/3\",1"),
                subscribes.get(0));
        List<ThingStatus> seen = rig.mirror.statuses.subList(statusesBefore, rig.mirror.statuses.size()).stream()
                .map(ThingStatusInfo::getStatus).toList();
        assertEquals(ThingStatus.UNKNOWN, seen.get(0), "UNKNOWN while the grants are awaited: " + seen);
        assertTrue(seen.indexOf(ThingStatus.ONLINE) > 0, "then ONLINE: " + seen);
        observer.publish("batch/7", "first", 1, false);
        Await.until("the last channel receives at once", WAIT, () -> new StringType("first").equals(states.get("value7")));

        int beforeDispose = modem.simulator().receivedCommands().size();
        handler.dispose();
        java.util.function.Supplier<List<String>> unsubscribes = () -> modem.simulator().receivedCommands()
                .subList(beforeDispose, modem.simulator().receivedCommands().size()).stream()
                .filter(c -> c.startsWith("AT+QMTUNS=")).toList();
        Await.until("every filter unsubscribed", WAIT,
                () -> filters.stream().allMatch(f -> unsubscribes.get().stream().anyMatch(c -> c.contains("\"" + f + "\""))));
        assertEquals(2, unsubscribes.get().size(), "the filters are unsubscribed together too: " + unsubscribes.get());
    }

    /** The topic thing ONLINE (its availability retained as online), and the observer subscribed to {@code topic}. */
    private Bc26TopicHandler onlineTopicThingWatching(String topic) throws Exception {
        Bc26TopicHandler handler = topicThing();
        handler.initialize();
        observer.subscribe(topic, 1);
        observer.publish("pump/available", "online", 1, true);
        Await.until("ONLINE", WAIT, () -> handler.getThing().getStatus() == ThingStatus.ONLINE);
        return handler;
    }

    /**
     * Commands given in quick succession reach the broker in the order they were given: each is sent on the bridge's
     * own thread after the one before (they used to be separate tasks on openHAB's pool, free to overtake).
     */
    @Test
    void commandsInQuickSuccessionReachTheBrokerInOrder() throws Exception {
        Bc26TopicHandler handler = onlineTopicThingWatching("pump/light/set");
        List<String> given = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            OnOffType command = i % 2 == 0 ? OnOffType.ON : OnOffType.OFF;
            given.add("light:" + command);
            handler.handleCommand(new ChannelUID(THING_UID, "light"), command);
        }
        List<String> atBroker = new ArrayList<>();
        while (atBroker.size() < given.size()) {
            atBroker.add(observer.next(30).payload());
        }
        assertEquals(given, atBroker);
        handler.dispose();
    }

    private static @Nullable String acceptedItemType(Bc26TopicHandler handler, String channel) {
        return java.util.Objects.requireNonNull(handler.getThing().getChannel(channel)).getAcceptedItemType();
    }

    @Test
    void aQuantityCommandIsPublishedInTheChannelsUnitAndAnIncompatibleOneIsNot() throws Exception {
        Bc26TopicHandler handler = onlineTopicThingWatching("pump/power/set");
        ChannelUID power = new ChannelUID(THING_UID, "power");
        // Real openHAB strips the unit of a command on a channel that accepts plain Number (0.5 kW arrives as
        // 0.5): the channel with unit W was rebuilt to accept Number:Power, as the MQTT binding builds it.
        assertEquals("Number:Power", acceptedItemType(handler, "power"));
        assertEquals("Number", acceptedItemType(handler, "count"), "no unit: plain Number");
        handler.handleCommand(power, new org.openhab.core.library.types.QuantityType<>("0.5 kW"));
        assertEquals("500", observer.next(30).payload(), "0.5 kW in the channel's unit W");
        // Three metres cannot be watts: refused with a warning; the next command is the next message.
        handler.handleCommand(power, new org.openhab.core.library.types.QuantityType<>("3 m"));
        handler.handleCommand(power, new org.openhab.core.library.types.QuantityType<>("1500 mW"));
        assertEquals("1.5", observer.next(30).payload(), "the incompatible command was not published");
        handler.dispose();
    }

    @Test
    void aStringChannelWithAllowedStatesTakesAndPublishesOnlyThose() throws Exception {
        Bc26TopicHandler handler = onlineTopicThingWatching("pump/mode/set");
        Await.until("subscribed", WAIT, () -> modem.simulator().subscribedFilters().contains("pump/mode"));
        observer.publish("pump/mode", "turbo", 1, false);
        observer.publish("pump/mode", "manual", 1, false);
        Await.until("the allowed value taken", WAIT, () -> new StringType("manual").equals(states.get("mode")));
        ChannelUID mode = new ChannelUID(THING_UID, "mode");
        handler.handleCommand(mode, new StringType("turbo"));
        handler.handleCommand(mode, new StringType("auto"));
        assertEquals("auto", observer.next(30).payload(), "turbo is not an allowed state: not published");
        handler.dispose();
    }

    @Test
    void commandsPublishAndAvailabilityDrivesTheStatus() throws Exception {
        Bc26TopicHandler handler = topicThing();
        handler.initialize();
        observer.subscribe("pump/light/set", 1);
        // Retained, as devices publish availability, so it arrives whenever the subscription is made.
        observer.publish("pump/available", "online", 1, true);
        Await.until("ONLINE", WAIT, () -> handler.getThing().getStatus() == ThingStatus.ONLINE);
        handler.handleCommand(new ChannelUID(THING_UID, "light"), OnOffType.OFF);
        assertEquals("light:OFF", observer.next(30).payload());
        observer.publish("pump/available", "offline", 1, false);
        Await.until("OFFLINE when the device says so", WAIT,
                () -> handler.getThing().getStatusInfo().equals(new ThingStatusInfo(ThingStatus.OFFLINE,
                        ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.topic.not-available")));
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                null));
        assertEquals(ThingStatusDetail.BRIDGE_OFFLINE, handler.getThing().getStatusInfo().getStatusDetail());
        handler.dispose();
    }

    @Test
    void disposeUnsubscribesItsTopics() {
        Bc26TopicHandler handler = topicThing();
        handler.initialize();
        Await.until("subscribed", WAIT, () -> modem.simulator().receivedCommands().stream()
                .anyMatch(c -> c.startsWith("AT+QMTSUB=") && c.contains("pump/button/+")));
        handler.dispose();
        Await.until("unsubscribed", WAIT, () -> modem.simulator().receivedCommands().stream()
                .anyMatch(c -> c.startsWith("AT+QMTUNS=") && c.contains("pump/button/+")));
    }
}
