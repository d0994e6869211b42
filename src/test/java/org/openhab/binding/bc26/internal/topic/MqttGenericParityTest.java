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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.config.TopicChannelConfig;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.HSBType;
import org.openhab.core.library.types.IncreaseDecreaseType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.PercentType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StopMoveType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.types.UpDownType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * The MQTT binding's generic thing, case for case: every case of its value tests ({@code ValueTests} in
 * {@code org.openhab.binding.mqtt.generic}, openHAB 4.3/5.x), told in our own words and run through our
 * {@link TopicChannel} as a topic thing runs it ({@link TopicChannel#received} for a message,
 * {@link TopicChannel#commanded} for a command), with the configuration that gives the generic value the same
 * constructor arguments.
 * <p>
 * How a generic case maps: {@code parseMessage(text)}, and {@code parseCommand(StringType)} where the value reads
 * messages that way, is a message received; {@code parseCommand(DecimalType)} on a dimmer is a number received (no
 * Dimmer item sends one); {@code parseCommand(command)} returning a command is "the command is taken" and
 * {@code getMQTTpublishValue} is the payload published. A state is compared as the linked item holds it: a
 * Rollershutter item stores UP as 0 %, a Dimmer item ON as 100 %.
 * <p>
 * The test fails when a case disagrees that {@link #DIFFERENCES} does not list, and when a listed one agrees (the
 * list, which README repeats under "Differences from the MQTT binding", stays true).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class MqttGenericParityTest {

    /** Where ours differs on purpose: case to the reason (README, "Differences from the MQTT binding"). */
    private static final Map<String, String> DIFFERENCES = Map.of( //
            "increaseDecreaseCalc: DECREASE after INCREASE is 45 %",
            "ours steps from the last command (55 %, back to 50 %); the generic test steps both from 50 %",
            "upDownCalc: DOWN after UP is 45 %",
            "ours steps from the last command (55 %, back to 50 %); the generic test steps both from 50 %");

    /**
     * Cases no channel configuration of the generic thing reaches either: a constructor its value factory never
     * calls, or a text command no linked item sends. Counted apart, not run.
     */
    private static final Map<String, String> NOT_REACHABLE = Map.of( //
            "onoffMultiStates", "the generic switch takes no onState/offState: no .things line asks for it",
            "rollershutterUpdateWithDiscreteCommandAndStateStrings: text commands",
            "a text command OPEN/CLOSE on a rollershutter: no Rollershutter item sends one");

    private final List<String> agreed = new ArrayList<>();
    private final Map<String, String> disagreed = new LinkedHashMap<>();

    @Test
    void everyValueTestCaseOfTheGenericThingAgreesOrIsAListedDifference() {
        text();
        color();
        illegalCommandsAndMessages();
        onOff();
        openClosed();
        number();
        rollershutter();
        percent();

        int total = agreed.size() + disagreed.size();
        System.out.printf("MQTT generic thing value cases: %d of %d agree (%d listed differences, %d not reachable"
                + " by configuration)%n", agreed.size(), total, DIFFERENCES.size(), NOT_REACHABLE.size());
        disagreed.forEach((name, detail) -> System.out.println("  differs: " + name + " - " + detail));
        Map<String, String> unexpected = new LinkedHashMap<>(disagreed);
        unexpected.keySet().removeAll(DIFFERENCES.keySet());
        assertEquals(Map.of(), unexpected, "cases that differ from the generic thing without a listed reason");
        List<String> listedButAgreeing = DIFFERENCES.keySet().stream().filter(agreed::contains).toList();
        assertEquals(List.of(), listedButAgreeing, "listed as differences, but they agree: update the list and README");
        assertEquals(DIFFERENCES.size(), disagreed.size());
    }

    private void text() {
        Channel allowed = channel("string", c -> c.allowedStates = "one,two");
        refuses("illegalTextStateUpdate: three is not allowed", allowed, new StringType("three"));
        publishes("textStateUpdate: one is allowed", allowed, new StringType("one"), "one");

        Channel plain = channel("string", c -> {
        });
        receives("textUpdate: an empty payload is empty text", plain, "", new StringType(""));
        receives("textUpdate: NULL is text", plain, "NULL", new StringType("NULL"));
        Channel emptyIsNull = channel("string", c -> c.nullValue = "");
        receives("textUpdate: nullValue '' makes an empty payload NULL", emptyIsNull, "", UnDefType.NULL);
        receives("textUpdate: nullValue '' leaves NULL text", emptyIsNull, "NULL", new StringType("NULL"));
        Channel nullIsNull = channel("string", c -> c.nullValue = "NULL");
        receives("textUpdate: nullValue NULL makes NULL NULL", nullIsNull, "NULL", UnDefType.NULL);
        receives("textUpdate: nullValue NULL leaves empty text", nullIsNull, "", new StringType(""));
    }

    private void color() {
        Channel rgb = channel("color", c -> {
            c.colorMode = "RGB";
            c.on = "fancyON";
            c.off = "fancyOFF";
            c.onBrightness = 77;
        });
        receives("colorUpdate: 255,255,255 is white", rgb, "255,255,255", new HSBType("0,0,100"));
        publishes("colorUpdate: OFF is brightness 0", rgb, OnOffType.OFF, "0,0,0");
        publishes("colorUpdate: ON after OFF is onBrightness 77", rgb, OnOffType.ON, "196,196,196");
        publishes("colorUpdate: 0 % is brightness 0", rgb, PercentType.ZERO, "0,0,0");
        publishes("colorUpdate: 1 % is brightness 1", rgb, new PercentType(1), "3,3,3");
        receives("colorUpdate: an empty payload is NULL", rgb, "", UnDefType.NULL);
        ignores("illegalColorUpdate: 255,255,abc", channel("color", c -> c.colorMode = "RGB"), "255,255,abc");
    }

    private void illegalCommandsAndMessages() {
        refuses("illegalNumberCommand: OFF on a number", channel("number", c -> {
        }), OnOffType.OFF);
        ignores("illegalPercentCommand: demo on a dimmer", channel("dimmer", c -> {
        }), "demo");
        refuses("illegalOnOffCommand: 101 on a switch", channel("switch", c -> {
        }), new DecimalType(101));
        ignores("illegalPercentUpdate: 101 on a 0-100 dimmer", channel("dimmer", c -> {
        }), "101");
        ignores("percentCalcInvalid: 9 below a 10-110 dimmer", dimmer("10", "110", "1"), "9.0");
    }

    private void onOff() {
        Channel fancy = channel("switch", c -> {
            c.on = "fancyON";
            c.off = "fancyOff";
        });
        takes("onoffUpdate: OFF is taken", fancy, OnOffType.OFF);
        takes("onoffUpdate: ON is taken", fancy, OnOffType.ON);
        receives("onoffUpdate: OFF is understood beside the custom payload", fancy, "OFF", OnOffType.OFF);
        receives("onoffUpdate: ON is understood beside the custom payload", fancy, "ON", OnOffType.ON);
        receives("onoffUpdate: fancyOff is OFF", fancy, "fancyOff", OnOffType.OFF);
        receives("onoffUpdate: fancyON is ON", fancy, "fancyON", OnOffType.ON);
        publishes("onoffUpdate: ON publishes fancyON", fancy, OnOffType.ON, "fancyON");
        publishes("onoffUpdate: OFF publishes fancyOff", fancy, OnOffType.OFF, "fancyOff");
        Channel formatted = channel("switch", c -> {
            c.on = "fancyON";
            c.off = "fancyOff";
            c.formatBeforePublish = "=%s";
        });
        publishes("onoffUpdate: =%s formats OFF", formatted, OnOffType.OFF, "=fancyOff");
        publishes("onoffUpdate: =%s formats ON", formatted, OnOffType.ON, "=fancyON");
        receives("onoffUpdate: an empty payload is NULL", fancy, "", UnDefType.NULL);
    }

    private void openClosed() {
        Channel fancy = channel("contact", c -> {
            c.on = "fancyON";
            c.off = "fancyOff";
        });
        takes("openCloseUpdate: CLOSED is taken", fancy, OpenClosedType.CLOSED);
        takes("openCloseUpdate: OPEN is taken", fancy, OpenClosedType.OPEN);
        receives("openCloseUpdate: CLOSED is understood", fancy, "CLOSED", OpenClosedType.CLOSED);
        receives("openCloseUpdate: OPEN is understood", fancy, "OPEN", OpenClosedType.OPEN);
        receives("openCloseUpdate: fancyOff is CLOSED", fancy, "fancyOff", OpenClosedType.CLOSED);
        receives("openCloseUpdate: fancyON is OPEN", fancy, "fancyON", OpenClosedType.OPEN);
        publishes("openCloseUpdate: CLOSED publishes fancyOff", fancy, OpenClosedType.CLOSED, "fancyOff");
        publishes("openCloseUpdate: OPEN publishes fancyON", fancy, OpenClosedType.OPEN, "fancyON");
        receives("openCloseUpdate: an empty payload is NULL", fancy, "", UnDefType.NULL);
    }

    private void number() {
        Channel watt = channel("number", c -> {
            c.unit = "W";
            c.step = BigDecimal.TEN;
        });
        takes("numberUpdate: 20 W is taken", watt, new QuantityType<>(20, Units.WATT));
        publishes("numberUpdate: 20 W publishes 20", watt, new QuantityType<>(20, Units.WATT), "20");
        takes("numberUpdate: 20 kW is taken", watt, new QuantityType<>("20 kW"));
        publishes("numberUpdate: 20 kW publishes 20000", watt, new QuantityType<>("20 kW"), "20000");
        takes("numberUpdate: a unitless 20 is taken as 20 W", watt, new QuantityType<>("20"));
        publishes("numberUpdate: a unitless 20 publishes 20", watt, new QuantityType<>("20"), "20");
        for (String nan : new String[] { "NaN", "nan", "-NaN", "-nan" }) {
            receives("numberUpdate: " + nan + " is UNDEF", watt, nan, UnDefType.UNDEF);
        }
        receives("numberUpdate: an empty payload is NULL", watt, "", UnDefType.NULL);

        Channel mired = channel("number", c -> {
            c.unit = "mired";
            c.formatBeforePublish = "%.0f";
        });
        publishes("numberUpdateMireds: 2700 K publishes 370 mired", mired, new QuantityType<>("2700 K"), "370");

        Channel percent = channel("number", c -> c.unit = "%");
        takes("numberPercentageUpdate: 20 % is taken", percent, new QuantityType<>("20 %"));
        publishes("numberPercentageUpdate: 20 % publishes 20", percent, new QuantityType<>("20 %"), "20");
        takes("numberPercentageUpdate: 0.2 is taken as 20 %", percent, new QuantityType<>("0.2"));
        publishes("numberPercentageUpdate: 0.2 publishes 20", percent, new QuantityType<>("0.2"), "20");
        takes("numberPercentageUpdate: a decimal 20 is taken", percent, new DecimalType(20));
        publishes("numberPercentageUpdate: a decimal 20 publishes 20", percent, new DecimalType(20), "20");
    }

    private void rollershutter() {
        // The generic value's three-argument constructor publishes 0 % and 100 % as the strings: with
        // the channel configuration, that is transformExtentsToString.
        Channel fancy = channel("rollershutter", c -> {
            c.on = "fancyON";
            c.off = "fancyOff";
            c.stop = "fancyStop";
            c.transformExtentsToString = true;
        });
        commandCases("rollershutterUpdateWithStrings", fancy, "fancyON", "fancyOff", "fancyStop");
        receives("rollershutterUpdateWithStrings: a text fancyON is UP", fancy, "fancyON", UpDownType.UP);
        receives("rollershutterUpdateWithStrings: a text fancyOff is DOWN", fancy, "fancyOff", UpDownType.DOWN);
        extentCases("rollershutterUpdateWithStrings", fancy, "fancyON", "fancyOff");
        receives("rollershutterUpdateWithStrings: message fancyON is UP", fancy, "fancyON", UpDownType.UP);
        receives("rollershutterUpdateWithStrings: message fancyOff is DOWN", fancy, "fancyOff", UpDownType.DOWN);
        receives("rollershutterUpdateWithStrings: an empty payload is NULL", fancy, "", UnDefType.NULL);

        Channel discrete = channel("rollershutter", c -> {
            c.on = "OPEN";
            c.off = "CLOSE";
            c.stop = "STOP";
            c.onState = "open";
            c.offState = "closed";
            c.transformExtentsToString = true;
        });
        String name = "rollershutterUpdateWithDiscreteCommandAndStateStrings";
        commandCases(name, discrete, "OPEN", "CLOSE", "STOP");
        extentCases(name, discrete, "OPEN", "CLOSE");
        receives(name + ": message open is UP", discrete, "open", UpDownType.UP);
        receives(name + ": message closed is DOWN", discrete, "closed", UpDownType.DOWN);

        Channel plain = channel("rollershutter", c -> c.stop = "fancyStop");
        publishes("rollershutterUpdateWithOutStrings: UP is position 0", plain, UpDownType.UP, "0");
        publishes("rollershutterUpdateWithOutStrings: DOWN is position 100", plain, UpDownType.DOWN, "100");
        publishes("rollershutterUpdateWithOutStrings: 0 % publishes 0", plain, PercentType.ZERO, "0");
        publishes("rollershutterUpdateWithOutStrings: 100 % publishes 100", plain, PercentType.HUNDRED, "100");
    }

    private void commandCases(String name, Channel channel, String up, String down, String stop) {
        takes(name + ": UP is taken", channel, UpDownType.UP);
        publishes(name + ": UP publishes " + up, channel, UpDownType.UP, up);
        takes(name + ": DOWN is taken", channel, UpDownType.DOWN);
        publishes(name + ": DOWN publishes " + down, channel, UpDownType.DOWN, down);
        takes(name + ": STOP is taken", channel, StopMoveType.STOP);
        publishes(name + ": STOP publishes " + stop, channel, StopMoveType.STOP, stop);
    }

    private void extentCases(String name, Channel channel, String up, String down) {
        takes(name + ": 27 % is taken", channel, new PercentType(27));
        publishes(name + ": 27 % publishes 27", channel, new PercentType(27), "27");
        publishes(name + ": 0 % publishes " + up, channel, PercentType.ZERO, up);
        publishes(name + ": 100 % publishes " + down, channel, PercentType.HUNDRED, down);
    }

    private void percent() {
        Channel wide = dimmer("10", "110", "1");
        receives("percentCalc: 110 is 100 %", wide, "110.0", PercentType.HUNDRED);
        publishes("percentCalc: 100 % publishes 110", wide, PercentType.HUNDRED, "110");
        receives("percentCalc: 10 is 0 %", wide, "10.0", PercentType.ZERO);
        publishes("percentCalc: 0 % publishes 10", wide, PercentType.ZERO, "10");
        takes("percentCalc: ON is taken", wide, OnOffType.ON);
        publishes("percentCalc: ON publishes the max", wide, OnOffType.ON, "110");
        takes("percentCalc: OFF is taken", wide, OnOffType.OFF);
        publishes("percentCalc: OFF publishes the min", wide, OnOffType.OFF, "10");

        Channel plain = channel("dimmer", c -> {
        });
        receives("percentMQTTValue: 10.10000 is 10.1 %", plain, "10.10000", new PercentType("10.1"));
        publishes("percentMQTTValue: 10.1 % publishes 10.1", plain, new PercentType("10.1"), "10.1");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            Optional<State> state = plain.receive(Integer.toString(i));
            Outcome payload = plain.command(state.get() instanceof Command command ? command : UpDownType.UP);
            if (!Integer.toString(i).equals(payload.payload)) {
                wrong.add(i + " -> " + payload);
            }
        }
        record("percentMQTTValue: every whole percentage 0-100 goes out as itself", wrong.isEmpty(),
                String.valueOf(wrong));
        receives("percentMQTTValue: an empty payload is NULL", plain, "", UnDefType.NULL);

        Channel custom = channel("dimmer", c -> {
            c.min = new BigDecimal("0.0");
            c.max = new BigDecimal("100.0");
            c.step = new BigDecimal("1.0");
            c.on = "on";
            c.off = "off";
        });
        receives("percentCustomOnOff: on is ON", custom, "on", OnOffType.ON);
        publishes("percentCustomOnOff: ON publishes on", custom, OnOffType.ON, "on");
        receives("percentCustomOnOff: off is OFF", custom, "off", OnOffType.OFF);
        publishes("percentCustomOnOff: OFF publishes off", custom, OnOffType.OFF, "off");

        Channel fraction = dimmer("0.1", "1.0", "0.1");
        receives("decimalCalc: 1.0 is 100 %", fraction, "1.0", PercentType.HUNDRED);
        receives("decimalCalc: 0.1 is 0 %", fraction, "0.1", PercentType.ZERO);
        Optional<State> eleven = fraction.receive("0.2");
        record("decimalCalc: 0.2 is 11.11 %", eleven.isPresent() && eleven.get() instanceof PercentType p
                && Math.abs(p.floatValue() - 11.11f) <= 0.01f, String.valueOf(eleven));

        steps("increaseDecreaseCalc", IncreaseDecreaseType.INCREASE, IncreaseDecreaseType.DECREASE, "INCREASE",
                "DECREASE");
        steps("upDownCalc", UpDownType.UP, UpDownType.DOWN, "UP", "DOWN");
    }

    /** A dimmer from 1 to 11 in steps of 0.5: 50 % is 6, a step is 5 %; the payloads are the device's values. */
    private void steps(String name, Command up, Command down, String upName, String downName) {
        Channel dimmer = dimmer("1.0", "11.0", "0.5");
        receives(name + ": 6.0 is 50 %", dimmer, "6.0", new PercentType(50));
        publishes(name + ": " + upName + " from 50 % is 55 %", dimmer, up, "6.5");
        publishes(name + ": " + downName + " after " + upName + " is 45 %", dimmer, down, "5.5");
        receives(name + ": 1.1 is 1 %", dimmer, "1.1", new PercentType(1));
        publishes(name + ": " + downName + " from 1 % stops at 0 %", dimmer, down, "1");
        receives(name + ": 10.8 is 98 %", dimmer, "10.8", new PercentType(98));
        publishes(name + ": " + upName + " from 98 % stops at 100 %", dimmer, up, "11");
    }

    private Channel dimmer(String min, String max, String step) {
        return channel("dimmer", c -> {
            c.min = new BigDecimal(min);
            c.max = new BigDecimal(max);
            c.step = new BigDecimal(step);
        });
    }

    // -- the cases' checks: each records one case as agreeing or not

    private void receives(String name, Channel channel, String payload, State expected) {
        Optional<State> state = channel.receive(payload);
        record(name, state.isPresent() && sameForTheItem(expected, state.get()), String.valueOf(state));
    }

    private void ignores(String name, Channel channel, String payload) {
        Optional<State> state = channel.receive(payload);
        record(name, state.isEmpty(), "took it as " + state);
    }

    private void publishes(String name, Channel channel, Command command, String expected) {
        Outcome outcome = channel.command(command);
        record(name, expected.equals(outcome.payload), "published " + outcome);
    }

    private void takes(String name, Channel channel, Command command) {
        Outcome outcome = channel.command(command);
        record(name, outcome.payload != null, "refused: " + outcome);
    }

    private void refuses(String name, Channel channel, Command command) {
        Outcome outcome = channel.command(command);
        record(name, outcome.payload == null, "published " + outcome);
    }

    private void record(String name, boolean agrees, String detail) {
        if (agrees) {
            agreed.add(name);
        } else {
            disagreed.put(name, detail);
        }
    }

    /** As a linked item stores it: a Rollershutter item holds UP as 0 %, a Dimmer item ON as 100 %. */
    private static boolean sameForTheItem(State expected, State actual) {
        if (expected.equals(actual)) {
            return true;
        }
        State asItem = expected == UpDownType.UP || expected == OnOffType.OFF ? PercentType.ZERO
                : expected == UpDownType.DOWN || expected == OnOffType.ON ? PercentType.HUNDRED : expected;
        return asItem.equals(actual);
    }

    private static Channel channel(String type, Consumer<TopicChannelConfig> settings) {
        TopicChannelConfig config = new TopicChannelConfig();
        config.stateTopic = "device/state";
        config.commandTopic = "device/set";
        settings.accept(config);
        return new Channel(TopicChannel.of(type, config));
    }

    /** A published payload, or why there was none. */
    private record Outcome(@Nullable String payload, String refusal) {
        @Override
        public String toString() {
            return payload != null ? "'" + payload + "'" : refusal;
        }
    }

    /** One topic channel, driven as the topic thing drives it. */
    private record Channel(TopicChannel topic) {

        Optional<State> receive(String payload) {
            return topic.received(new MqttMessage(0, 1, "device/state", payload.getBytes(StandardCharsets.UTF_8)));
        }

        Outcome command(Command command) {
            try {
                String payload = topic.commanded(command);
                return new Outcome(payload, "not a command this channel publishes");
            } catch (IllegalArgumentException e) {
                return new Outcome(null, "refused: " + e.getMessage());
            }
        }
    }
}
