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
import static org.openhab.binding.bc26.internal.handler.TopicThingRig.*;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.TransformationServices;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.HSBType;
import org.openhab.core.library.types.IncreaseDecreaseType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.PercentType;
import org.openhab.core.library.types.PointType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.RawType;
import org.openhab.core.library.types.StopMoveType;
import org.openhab.core.library.types.UpDownType;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;

/**
 * Every channel type of a {@code bc26:topic} thing and the transformation chains, each through the simulator and
 * mosquitto: what a device publishes reaches the channel as the right openHAB type, and a command reaches the broker
 * as the payload the device expects.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class TopicChannelTypesTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private @NonNullByDefault({}) TransformationServices transformations;
    private @NonNullByDefault({}) TopicThingRig rig;
    private @NonNullByDefault({}) Observer observer;
    private @NonNullByDefault({}) Map<String, State> states;

    @BeforeEach
    void start() throws Exception {
        transformations = new TransformationServices();
        rig = new TopicThingRig(dir);
        observer = rig.observer;
        observer.subscribe("shed/+/set", 1);
        states = rig.mirror.states;
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
        transformations.close();
    }

    /** A topic thing with these channels, ONLINE and holding the subscriptions of every state topic. */
    private Bc26TopicHandler online(Channel... channels) {
        Bc26TopicHandler handler = rig.topicThing(List.of(channels), Map.of());
        handler.initialize();
        Await.until("topic thing ONLINE", WAIT, () -> handler.getThing().getStatus() == ThingStatus.ONLINE);
        rig.awaitSubscribed(Arrays.stream(channels).map(c -> (String) c.getConfiguration().get("stateTopic"))
                .filter(topic -> topic != null).distinct().toArray(String[]::new));
        return handler;
    }

    private void awaitState(String channelId, State expected) {
        Await.until(channelId + " = " + expected, WAIT, () -> expected.equals(states.get(channelId)));
    }

    private String nextPublished() throws InterruptedException {
        return observer.next(30).payload();
    }

    @Test
    void aJsonPayloadDrivesATemperatureItemThroughATransformationChain() throws Exception {
        Bc26TopicHandler handler = online(
                channel("temperature", "number",
                        Map.of("stateTopic", "shed/sensor", "unit", "°C", "transformationPattern",
                                List.of("JSONPATH:$.temp"))),
                channel("humidity", "number", Map.of("stateTopic", "shed/sensor", "transformationPattern",
                        List.of("JSONPATH:$.air.humidity∩REGEX:([0-9.]+) ?%"))),
                channel("relay", "switch", Map.of("commandTopic", "shed/relay/set", "transformationPatternOut",
                        List.of("REGEX:s/ON/1/g", "REGEX:s/OFF/0/g"), "formatBeforePublish", "{\"relay\":%s}")));

        observer.publish("shed/sensor", "{\"temp\":4.5,\"air\":{\"humidity\":\"55 %\"}}", 1, false);
        awaitState("temperature", new QuantityType<>("4.5 °C"));
        awaitState("humidity", new DecimalType(55));

        // A message without the path, then one whose value is not a number: both ignored, the channel keeps 4.5 °C.
        observer.publish("shed/sensor", "{\"pressure\":1013}", 1, false);
        observer.publish("shed/sensor", "{\"temp\":\"sensor fault\"}", 1, false);
        observer.publish("shed/sensor", "{\"temp\":-2,\"air\":{\"humidity\":\"60%\"}}", 1, false);
        awaitState("humidity", new DecimalType(60));
        assertEquals(new QuantityType<>("-2 °C"), states.get("temperature"));
        assertEquals(ThingStatus.ONLINE, handler.getThing().getStatus());

        // Outgoing: the command's payload through the chain (ON → 1), then formatted.
        handler.handleCommand(uid("relay"), OnOffType.ON);
        assertEquals("{\"relay\":1}", nextPublished());
        handler.handleCommand(uid("relay"), OnOffType.OFF);
        assertEquals("{\"relay\":0}", nextPublished());
        handler.dispose();
    }

    @Test
    void aTransformationThatCannotBeReadIsAConfigurationErrorOnTheThing() {
        Bc26TopicHandler handler = rig.topicThing(List.of(channel("temperature", "number",
                Map.of("stateTopic", "shed/sensor", "transformationPattern", List.of("JSONPATH")))), Map.of());
        handler.initialize();
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, handler.getThing().getStatusInfo().getStatusDetail());
        assertTrue(String.valueOf(handler.getThing().getStatusInfo().getDescription()).contains("JSONPATH"),
                "the description names the pattern: " + handler.getThing().getStatusInfo().getDescription());
        handler.dispose();
    }

    @Test
    void aTransformationWhoseAddOnIsMissingDropsThePayloadNotTheThing() throws Exception {
        Bc26TopicHandler handler = online(
                channel("level", "number", Map.of("stateTopic", "shed/tank", "transformationPattern",
                        List.of("XSLT:tank.xsl"))),
                channel("raw", "string", Map.of("stateTopic", "shed/tank")));
        observer.publish("shed/tank", "<tank level=\"3\"/>", 1, false);
        awaitState("raw", new org.openhab.core.library.types.StringType("<tank level=\"3\"/>"));
        assertNull(states.get("level"), "no XSLT service: the value is dropped, not passed through untransformed");
        assertEquals(ThingStatus.ONLINE, handler.getThing().getStatus());
        handler.dispose();
    }

    /** A device that reports its availability as JSON: the generic thing's availability transformation. */
    @Test
    void anAvailabilityPayloadGoesThroughItsTransformation() throws Exception {
        observer.publish("shed/status", "{\"state\":\"online\"}", 1, true);
        Bc26TopicHandler handler = rig.topicThing(List.of(channel("level", "number", Map.of("stateTopic", "shed/n"))),
                Map.of("availabilityTopic", "shed/status", "transformationPattern", List.of("JSONPATH:$.state")));
        handler.initialize();
        Await.until("ONLINE from {\"state\":\"online\"}", WAIT,
                () -> handler.getThing().getStatus() == ThingStatus.ONLINE);
        observer.publish("shed/status", "{\"state\":\"offline\"}", 1, true);
        Await.until("OFFLINE from {\"state\":\"offline\"}", WAIT,
                () -> handler.getThing().getStatus() == ThingStatus.OFFLINE);
        handler.dispose();
    }

    @Test
    void aDimmerMapsTheDevicesRangeToPercentAndBack() throws Exception {
        Bc26TopicHandler handler = online(channel("level", "dimmer",
                Map.of("stateTopic", "shed/level", "commandTopic", "shed/level/set", "min", BigDecimal.ZERO, "max",
                        BigDecimal.valueOf(255), "step", BigDecimal.valueOf(25))));
        observer.publish("shed/level", "51", 1, false);
        awaitState("level", new PercentType(20));
        observer.publish("shed/level", "300", 1, false);
        observer.publish("shed/level", "ON", 1, false);
        awaitState("level", PercentType.HUNDRED);

        handler.handleCommand(uid("level"), new PercentType(50));
        assertEquals("127.5", nextPublished());
        handler.handleCommand(uid("level"), OnOffType.OFF);
        assertEquals("0", nextPublished(), "without an off payload: the device's min, as the generic thing");
        observer.publish("shed/level", "51", 1, false);
        awaitState("level", new PercentType(20));
        handler.handleCommand(uid("level"), IncreaseDecreaseType.INCREASE);
        assertEquals("76", nextPublished(), "one step of 25 above the device's 51");
        handler.dispose();
    }

    @Test
    void aRollershutterTakesPositionsAndPublishesUpDownAndStop() throws Exception {
        Bc26TopicHandler handler = online(channel("blind", "rollershutter", Map.of("stateTopic", "shed/blind",
                "commandTopic", "shed/blind/set", "up", "open", "down", "close", "stop", "halt")));
        observer.publish("shed/blind", "close", 1, false);
        awaitState("blind", PercentType.HUNDRED);
        observer.publish("shed/blind", "40", 1, false);
        awaitState("blind", new PercentType(40));
        observer.publish("shed/blind", "open", 1, false);
        awaitState("blind", PercentType.ZERO);

        handler.handleCommand(uid("blind"), UpDownType.DOWN);
        assertEquals("close", nextPublished());
        handler.handleCommand(uid("blind"), StopMoveType.STOP);
        assertEquals("halt", nextPublished());
        handler.handleCommand(uid("blind"), StopMoveType.MOVE);
        handler.handleCommand(uid("blind"), new PercentType(30));
        assertEquals("30", nextPublished(), "MOVE has no payload: nothing published for it");
        handler.handleCommand(uid("blind"), UpDownType.UP);
        assertEquals("open", nextPublished());
        handler.dispose();
    }

    @Test
    void colorChannelsReadAndWriteHsbAndRgbPayloads() throws Exception {
        Bc26TopicHandler handler = online(
                channel("lamp", "color", Map.of("stateTopic", "shed/lamp", "commandTopic", "shed/lamp/set")),
                channel("strip", "color", Map.of("stateTopic", "shed/strip", "commandTopic", "shed/strip/set",
                        "colorMode", "RGB")));
        observer.publish("shed/lamp", "120,100,50", 1, false);
        observer.publish("shed/strip", "255,0,0", 1, false);
        awaitState("lamp", new HSBType("120,100,50"));
        awaitState("strip", new HSBType("0,100,100"));
        observer.publish("shed/strip", "0,0,300", 1, false);
        observer.publish("shed/strip", "0,0,255", 1, false);
        awaitState("strip", new HSBType("240,100,100"));

        handler.handleCommand(uid("lamp"), new PercentType(30));
        assertEquals("120,100,30", nextPublished(), "a brightness keeps the lamp's hue and saturation");
        // Blue commanded, the lamp has not echoed it yet: half brightness is blue's, as on the generic thing.
        handler.handleCommand(uid("lamp"), new HSBType("240,100,100"));
        assertEquals("240,100,100", nextPublished());
        handler.handleCommand(uid("lamp"), new PercentType(50));
        assertEquals("240,100,50", nextPublished(), "from the last command, not the last state received");
        handler.handleCommand(uid("lamp"), OnOffType.OFF);
        assertEquals("240,100,0", nextPublished(), "without an off payload: brightness 0, as the generic thing");
        handler.handleCommand(uid("strip"), new HSBType("120,100,100"));
        assertEquals("0,255,0", nextPublished());
        handler.handleCommand(uid("strip"), new HSBType("0,0,50"));
        assertEquals("128,128,128", nextPublished());
        observer.publish("shed/lamp", "ON", 1, false);
        // Received ON keeps the hue, at least the default onBrightness (10 %), as the generic thing.
        awaitState("lamp", new HSBType("240,100,10"));
        handler.dispose();
    }

    @Test
    void aLocationChannelReadsPointsAndAnswersRefreshFromTheLastOne() throws Exception {
        Bc26TopicHandler handler = online(channel("position", "location",
                Map.of("stateTopic", "shed/gps", "commandTopic", "shed/gps/set")));
        observer.publish("shed/gps", "52.52,13.405,34", 1, false);
        awaitState("position", new PointType("52.52,13.405,34"));
        observer.publish("shed/gps", "north of the barn", 1, false);
        observer.publish("shed/gps", "25.03,121.56", 1, false);
        awaitState("position", new PointType("25.03,121.56"));
        states.remove("position");
        handler.handleCommand(uid("position"), RefreshType.REFRESH);
        assertEquals(new PointType("25.03,121.56"), states.get("position"));
        handler.handleCommand(uid("position"), new PointType("1.5,2.5"));
        assertEquals("1.5,2.5", nextPublished());
        handler.dispose();
    }

    @Test
    void anImageChannelGetsTheBytesAsTheyCameWithTheirType() throws Exception {
        Bc26TopicHandler handler = online(channel("snapshot", "image", Map.of("stateTopic", "shed/camera")));
        // A PNG signature followed by every byte value: NUL, CR, LF, Ctrl+Z, quotes and invalid UTF-8 included.
        List<Byte> bytes = new ArrayList<>();
        for (int b : new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }) {
            bytes.add((byte) b);
        }
        for (int b = 0; b < 256; b++) {
            bytes.add((byte) b);
        }
        byte[] png = new byte[bytes.size()];
        for (int i = 0; i < png.length; i++) {
            png[i] = bytes.get(i);
        }
        observer.publish("shed/camera", png, 1, false);
        awaitState("snapshot", new RawType(png, "image/png"));
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };
        observer.publish("shed/camera", jpeg, 1, false);
        awaitState("snapshot", new RawType(jpeg, "image/jpeg"));
        handler.dispose();
    }
}
