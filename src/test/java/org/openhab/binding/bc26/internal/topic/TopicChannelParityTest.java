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
package org.openhab.binding.bc26.internal.topic;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.config.TopicChannelConfig;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.HSBType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.PercentType;
import org.openhab.core.library.types.StopMoveType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.types.UpDownType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Topic channels that behave as the MQTT binding's generic thing where it is known and the binding used to differ:
 * contact payloads, standard words understood beside custom payloads, an empty payload, NaN, and what a dimmer and a
 * color publish for ON and OFF without on/off payloads. Pure: the channel as a topic thing runs it, no modem.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class TopicChannelParityTest {

    private static TopicChannel channel(String type, Consumer<TopicChannelConfig> settings) {
        TopicChannelConfig config = new TopicChannelConfig();
        config.stateTopic = "s";
        config.commandTopic = "c";
        settings.accept(config);
        return TopicChannel.of(type, config);
    }

    private static TopicChannel channel(String type) {
        return channel(type, config -> {
        });
    }

    private static Optional<State> received(TopicChannel channel, String payload) {
        return channel.stateOf(new MqttMessage(0, 1, "s", payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static @Nullable String published(TopicChannel channel, Command command, @Nullable State last) {
        return channel.payloadFor(command, last);
    }

    @Test
    void aContactReadsAndPublishesOpenAndClosedByDefault() {
        TopicChannel contact = channel("contact");
        assertEquals(Optional.of(OpenClosedType.OPEN), received(contact, "OPEN"));
        assertEquals(Optional.of(OpenClosedType.CLOSED), received(contact, "CLOSED"));
        assertEquals(Optional.empty(), received(contact, "ON"), "ON is a switch's word");
        assertEquals("OPEN", published(contact, OpenClosedType.OPEN, null));
        assertEquals("CLOSED", published(contact, OpenClosedType.CLOSED, null));
    }

    @Test
    void customPayloadsAddToTheStandardWords() {
        TopicChannel contact = channel("contact", config -> {
            config.on = "1";
            config.off = "0";
        });
        assertEquals(Optional.of(OpenClosedType.OPEN), received(contact, "1"));
        assertEquals(Optional.of(OpenClosedType.OPEN), received(contact, "OPEN"), "the standard word as well");
        assertEquals(Optional.of(OpenClosedType.CLOSED), received(contact, "CLOSED"));
        assertEquals("1", published(contact, OpenClosedType.OPEN, null), "published: the configured payload");
        TopicChannel toggle = channel("switch", config -> {
            config.on = "true";
            config.off = "false";
        });
        assertEquals(Optional.of(OnOffType.ON), received(toggle, "true"));
        assertEquals(Optional.of(OnOffType.OFF), received(toggle, "OFF"));
        assertEquals("false", published(toggle, OnOffType.OFF, null));
        TopicChannel plain = channel("switch");
        assertEquals("ON", published(plain, OnOffType.ON, null));
        assertEquals(Optional.of(OnOffType.OFF), received(plain, "OFF"));
    }

    @Test
    void anEmptyPayloadClearsTheStateToNullExceptTextAndNanIsUndef() {
        for (String type : new String[] { "number", "switch", "contact", "dimmer", "color", "datetime" }) {
            assertEquals(Optional.of(UnDefType.NULL), received(channel(type), ""), type);
        }
        assertEquals(Optional.of(new StringType("")), received(channel("string"), ""), "text takes it as text");
        assertEquals(Optional.of(UnDefType.NULL), received(channel("string", config -> config.nullValue = ""), ""),
                "unless nullValue says so");
        assertEquals(Optional.of(UnDefType.UNDEF), received(channel("number"), "NaN"));
        assertEquals(Optional.of(UnDefType.UNDEF), received(channel("number", config -> config.unit = "°C"), "nan"));
        assertEquals(Optional.of(new DecimalType(new BigDecimal("21.5"))), received(channel("number"), "21.5"));
        assertEquals(Optional.of(new StringType("text")), received(channel("string"), "text"));
    }

    @Test
    void aDimmerWithoutOnOffPayloadsGoesToItsEndsAndNeverPublishesNothing() {
        TopicChannel dimmer = channel("dimmer", config -> {
            config.min = BigDecimal.ZERO;
            config.max = new BigDecimal(254);
        });
        assertEquals("254", published(dimmer, OnOffType.ON, null));
        assertEquals("0", published(dimmer, OnOffType.OFF, null));
        assertEquals("10", published(dimmer, UpDownType.UP, PercentType.ZERO), "UP steps as INCREASE (step 10)");
        assertEquals("0", published(dimmer, UpDownType.DOWN, PercentType.ZERO), "DOWN steps, not below min");
        TopicChannel named = channel("dimmer", config -> config.on = "ON");
        assertEquals("ON", published(named, OnOffType.ON, null), "a configured payload is published as it is");
        assertEquals("0", published(named, OnOffType.OFF, null));
    }

    @Test
    void aColorWithoutOnOffPayloadsSwitchesItsBrightnessAndKeepsItsHue() {
        TopicChannel color = channel("color");
        HSBType green = new HSBType("120,100,60");
        assertEquals("120,100,0", published(color, OnOffType.OFF, green));
        assertEquals("120,100,60", published(color, OnOffType.ON, green), "ON keeps a brightness it had");
        assertEquals("120,100,10", published(color, OnOffType.ON, new HSBType("120,100,0")),
                "ON after OFF: the generic thing's default onBrightness, 10 %");
        TopicChannel rgb = channel("color", config -> config.colorMode = "RGB");
        assertEquals("0,0,0", published(rgb, OnOffType.OFF, green));
    }

    @Test
    void formatBeforePublishFormatsTheValueNotItsText() {
        assertEquals("21.6", published(channel("number", config -> config.formatBeforePublish = "%.1f"),
                new DecimalType(new BigDecimal("21.55")), null));
        assertEquals("21", published(channel("number", config -> config.formatBeforePublish = "%d"),
                new DecimalType(new BigDecimal("21.55")), null), "%d: the integral part");
        TopicChannel dimmer = channel("dimmer", config -> {
            config.min = BigDecimal.ZERO;
            config.max = new BigDecimal(254);
            config.formatBeforePublish = "%03.0f";
        });
        assertEquals("010", published(dimmer, new PercentType(4), null), "a 0-254 dimmer at 4 %");
        assertEquals("value=42", published(channel("string", config -> config.formatBeforePublish = "value=%s"),
                new StringType("42"), null));
        ZonedDateTime noon = ZonedDateTime.of(2026, 12, 4, 12, 5, 0, 0, ZoneId.systemDefault());
        assertEquals("12:05", published(channel("datetime", config -> config.formatBeforePublish = "%1$tH:%1$tM"),
                new DateTimeType(noon), null), "in the system's zone");
        assertEquals("30,100,120", published(channel("color", config -> config.formatBeforePublish = "%3$d,%2$d,%1$d"),
                new HSBType("120,100,30"), null));
        assertEquals("ON", published(channel("switch", config -> config.formatBeforePublish = "%d"), OnOffType.ON,
                null), "a pattern that fits no value: the payload as it is (and a warning)");
    }

    @Test
    void anXyyColorReadsAndPublishesCieXyWithBrightnessInPercent() {
        TopicChannel xyy = channel("color", config -> config.colorMode = "XYY");
        String white = published(xyy, new HSBType("0,0,100"), null);
        assertNotNull(white);
        assertTrue(white.matches("0\\.32\\d{4},0\\.32\\d{4},100\\.00"), "D65 white point, brightness 100: " + white);
        String green = published(xyy, new HSBType("120,100,40"), null);
        assertNotNull(green);
        assertTrue(green.endsWith(",40.00"), green);
        HSBType back = (HSBType) received(xyy, green).orElseThrow();
        assertEquals(40, back.getBrightness().intValue(), "the brightness is the third part");
        assertTrue(Math.abs(back.getHue().doubleValue() - 120) < 2, "green again: " + back);
        assertEquals(Optional.empty(), received(xyy, "1.5,0.3,50"), "x beyond 1 is no color");
        assertEquals(Optional.empty(), received(xyy, "0.3,0.3"), "three parts");
    }

    @Test
    void aDateTimeIsPublishedAsLocalIsoTimeAsTheGenericThingDoes() {
        ZonedDateTime noon = ZonedDateTime.of(2026, 12, 4, 12, 5, 0, 0, ZoneId.systemDefault());
        assertEquals("2026-12-04T12:05:00", published(channel("datetime"), new DateTimeType(noon), null));
        ZonedDateTime elsewhere = noon.withZoneSameInstant(ZoneId.of("Asia/Taipei"));
        assertEquals("2026-12-04T12:05:00", published(channel("datetime"), new DateTimeType(elsewhere), null),
                "in the system's zone, whatever zone the command had");
    }

    @Test
    void aLocalDateTimeWithoutZoneIsReadInTheSystemsZone() {
        Optional<State> state = received(channel("datetime"), "2019-07-11T11:05:10");
        assertTrue(state.isPresent());
        assertEquals(ZonedDateTime.of(2019, 7, 11, 11, 5, 10, 0, ZoneId.systemDefault()).toInstant(),
                ((DateTimeType) state.get()).getInstant());
    }

    @Test
    void aRollershutterTakesTheGenericThingsParameterNamesAndPublishesPositionsWithoutThem() {
        TopicChannel plain = channel("rollershutter");
        assertEquals("0", published(plain, UpDownType.UP, null));
        assertEquals("100", published(plain, UpDownType.DOWN, null));
        assertEquals("STOP", published(plain, StopMoveType.STOP, null));
        assertEquals(Optional.of(PercentType.HUNDRED), received(plain, "DOWN"));
        TopicChannel named = channel("rollershutter", config -> {
            config.on = "open";
            config.off = "close";
        });
        assertEquals("open", published(named, UpDownType.UP, null));
        assertEquals(Optional.of(PercentType.HUNDRED), received(named, "close"));
        assertEquals(Optional.of(PercentType.ZERO), received(named, "UP"), "the word as well");
        TopicChannel old = channel("rollershutter", config -> config.down = "shut");
        assertEquals("shut", published(old, UpDownType.DOWN, null), "the old name still works");
    }

    @Test
    void aTransformationWhoseAddOnIsMissingIsNamedOnce() {
        TopicChannel channel = channel("number", config -> config.transformationPattern = java.util.List
                .of("XSLT:level.xsl∩REGEX:(.*)"));
        assertEquals(Optional.empty(), received(channel, "<tank level=\"3\"/>"), "dropped, not passed through");
        assertEquals(received(channel, "<tank/>"), Optional.empty());
        assertTrue(channel.missingTransformations().contains("XSLT"), String.valueOf(channel.missingTransformations()));
    }
}
