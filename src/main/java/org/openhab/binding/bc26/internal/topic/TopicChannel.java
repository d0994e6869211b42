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

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.IllegalFormatConversionException;
import java.util.HashSet;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.config.TopicChannelConfig;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.thing.binding.generic.ChannelTransformation;
import org.openhab.core.transform.TransformationHelper;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel of a {@code bc26:topic} thing, as the MQTT binding's generic channels work: an incoming payload goes
 * through the channel's transformation chain, then the "no value" payload check, then the channel type's reading;
 * a command becomes the type's payload, goes through the outgoing chain, then {@code formatBeforePublish}.
 * Transformations are openHAB's own ({@link ChannelTransformation} and the installed transformation services).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TopicChannel {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicChannel.class);

    /**
     * The channel types of a topic thing, as in {@code OH-INF/thing/topic.xml}; {@code colorRGB} and {@code colorHSB}
     * are the MQTT binding's deprecated names of a color channel in one mode, still read from copied files.
     */
    public static final List<String> TYPES = List.of("string", "number", "dimmer", "switch", "contact",
            "rollershutter", "color", "colorRGB", "colorHSB", "location", "image", "datetime", "trigger");

    private final TopicChannelConfig config;
    private final @Nullable TopicValue value;
    private final ChannelTransformation incoming;
    private final ChannelTransformation outgoing;
    /** The last value received (or, with no state topic, commanded): what a REFRESH is answered with. */
    private volatile @Nullable State last;
    /** What the next relative command starts from: the last value received or commanded, whichever came last. */
    private volatile @Nullable State basis;
    /** Services found missing, each told once. */
    private final Set<String> missingWarned = new HashSet<>();
    /** The service name a transformation step starts with: {@code JSONPATH:$.x} or {@code JSONPATH($.x)}. */
    private static final Pattern SERVICE_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*[:(]");

    private TopicChannel(TopicChannelConfig config, @Nullable TopicValue value) {
        this.config = config;
        this.value = value;
        this.incoming = new ChannelTransformation(config.transformationPattern);
        this.outgoing = new ChannelTransformation(config.transformationPatternOut);
    }

    /**
     * The channel of a type with its configuration.
     *
     * @throws IllegalArgumentException for a configuration that cannot work, with the reason for the user
     */
    public static TopicChannel of(String type, TopicChannelConfig config) {
        checkTransformations(config.transformationPattern);
        checkTransformations(config.transformationPatternOut);
        TopicValue value = switch (type) {
            case "string" -> new TextValue(config.allowedStates);
            case "number" -> new NumberValue(config.unit, config.min, config.max, config.step);
            case "dimmer" -> new DimmerValue(config.min, config.max, config.step, config.on, config.off);
            case "switch" -> new OnOffValue(config.on, config.off, OnOffType.ON, OnOffType.OFF);
            case "contact" -> new OnOffValue(config.on, config.off, OpenClosedType.OPEN, OpenClosedType.CLOSED);
            case "rollershutter" -> new RollershutterValue(renamed(config.on, config.up, "up", "on"),
                    renamed(config.off, config.down, "down", "off"), config.stop, config.onState, config.offState,
                    config.invert, config.transformExtentsToString);
            case "color" -> new ColorValue(config.colorMode, config.on, config.off, config.onBrightness);
            case "colorRGB", "colorHSB" -> {
                LOGGER.info("The channel type '{}' is deprecated, as on the MQTT binding: use 'color' with colorMode={}",
                        type, type.substring(5));
                yield new ColorValue(type.substring(5), config.on, config.off, config.onBrightness);
            }
            case "location" -> new LocationValue();
            case "image" -> new ImageValue();
            case "datetime" -> new DateTimeValue();
            case "trigger" -> null;
            default -> throw SettingError.CHANNEL_TYPE_UNKNOWN.with(type);
        };
        return new TopicChannel(config, value);
    }

    /** A parameter under its current name, else under its old one (with a note in the log that it was renamed). */
    private static String renamed(String current, String old, String oldName, String newName) {
        if (current.isEmpty() && !old.isEmpty()) {
            LOGGER.info("The rollershutter parameter '{}' is now '{}', as on the MQTT binding: please rename it",
                    oldName, newName);
            return old;
        }
        return current;
    }

    /**
     * A transformation chain checked as a channel's are (for the topic thing's availability payload).
     *
     * @throws IllegalArgumentException for a pattern that is not a transformation, with the reason
     */
    public static ChannelTransformation transformation(List<String> patterns) {
        checkTransformations(patterns);
        return new ChannelTransformation(patterns);
    }

    private static void checkTransformations(List<String> patterns) {
        for (String pattern : patterns) {
            // core drops a chain it cannot parse with only a log line; a user should see it on the thing instead
            if (!pattern.isBlank() && !ChannelTransformation.isValidTransformation(pattern)) {
                throw SettingError.TRANSFORMATION_SYNTAX.with(pattern);
            }
        }
    }

    public TopicChannelConfig config() {
        return config;
    }

    public boolean isTrigger() {
        return value == null;
    }

    /** The text a message carries after the incoming transformations, or empty when a transformation gave none. */
    public Optional<String> transformedText(MqttMessage message) {
        String text = message.payloadAsString();
        if (!incoming.isPresent()) {
            return Optional.of(text);
        }
        Optional<String> result = incoming.apply(text);
        if (result.isEmpty()) {
            warnIfMissing(config.transformationPattern);
        }
        return result;
    }

    /**
     * The transformation services this channel's chains name that are not installed: every value through them is
     * dropped. Told once per service with a warning, as users need to see it (core only logs it at debug level).
     */
    public Set<String> missingTransformations() {
        synchronized (missingWarned) {
            return Set.copyOf(missingWarned);
        }
    }

    private void warnIfMissing(List<String> patterns) {
        for (String pattern : patterns) {
            for (String step : pattern.split("∩")) {
                Matcher matcher = SERVICE_NAME.matcher(step.strip());
                if (!matcher.lookingAt()) {
                    continue;
                }
                String service = matcher.group(1);
                boolean first;
                synchronized (missingWarned) {
                    first = TransformationHelper.getTransformationService(service) == null
                            && missingWarned.add(service);
                }
                if (first) {
                    LOGGER.warn("The transformation '{}' needs the {} transformation add-on, which is not installed:"
                            + " values through it are dropped until it is", pattern, service);
                }
            }
        }
    }

    /**
     * The state a message means on its own (no last value): NULL for the "no value" payload, empty when the channel cannot take it (wrong
     * type, out of range, not allowed, a transformation that gave no value).
     */
    public Optional<State> stateOf(MqttMessage message) {
        return stateOf(message, null);
    }

    /**
     * A message received as the topic thing receives it: its state ({@link #stateOf}), kept as the channel's last
     * value and the basis of the next relative command.
     */
    public synchronized Optional<State> received(MqttMessage message) {
        Optional<State> state = stateOf(message, basis);
        state.ifPresent(value -> {
            last = value;
            basis = value;
        });
        return state;
    }

    /** The last value received (or commanded, when nothing reports the channel's value), for a REFRESH. */
    public Optional<State> lastState() {
        return Optional.ofNullable(last);
    }

    /**
     * A command as the topic thing publishes it: its payload ({@link #payloadFor}) from the channel's basis, which
     * then becomes the value the command gave (a dimmer after INCREASE, a color after OFF), as the generic thing.
     *
     * @throws IllegalArgumentException when the command cannot be published, with the reason
     */
    public synchronized @Nullable String commanded(Command command) {
        State before = basis;
        String payload = payloadFor(command, before);
        TopicValue writer = value;
        State after = payload == null || writer == null ? null : writer.stateAfter(command, before);
        if (after != null) {
            basis = after;
            if (config.stateTopic.isBlank()) {
                // Nothing reports this channel's value: what was last asked is the best known, also for REFRESH.
                last = after;
            }
        }
        return payload;
    }

    private Optional<State> stateOf(MqttMessage message, @Nullable State before) {
        TopicValue reader = value;
        if (reader == null) {
            return Optional.empty();
        }
        if (reader.isBinary()) {
            return Optional.ofNullable(reader.toState(message.payload()));
        }
        return transformedText(message).flatMap(text -> {
            String nullValue = config.nullValue;
            if (nullValue != null && text.equals(nullValue)) {
                return Optional.of(UnDefType.NULL);
            }
            // An empty payload is how devices clear their state (a retained message deleted when they go offline):
            // NULL, as the generic thing gives, not the last value kept; a string channel takes it as text.
            return text.isEmpty() && !reader.takesEmptyPayload() ? Optional.of(UnDefType.NULL)
                    : Optional.ofNullable(reader.toState(text, before));
        });
    }

    /**
     * The payload for a command, or null when this channel does not publish that kind of command.
     *
     * @param last the channel's last state (INCREASE/DECREASE, a color's brightness)
     * @throws IllegalArgumentException when the command cannot be published, with the reason
     */
    public @Nullable String payloadFor(Command command, @Nullable State last) {
        TopicValue writer = value;
        String payload = writer == null ? null : writer.toPayload(command, last);
        if (payload == null) {
            return null;
        }
        if (outgoing.isPresent()) {
            Optional<String> transformed = outgoing.apply(payload);
            if (transformed.isEmpty()) {
                warnIfMissing(config.transformationPatternOut);
                throw new IllegalArgumentException("the outgoing transformation gave no value");
            }
            payload = transformed.get();
        }
        return formatted(payload);
    }

    /**
     * {@code formatBeforePublish} applied to the value the payload holds, as the generic thing formats the channel's
     * state: a number as a number ({@code %.1f}, {@code %03.0f}; {@code %d} takes its integral part), a date-time as a
     * date-time in the system's zone ({@code %1$tH:%1$tM}), a color's three parts as three numbers
     * ({@code %3$d,%2$d,%1$d}) when the pattern names more than one, anything else as text. A pattern that fits none
     * leaves the payload as it is, with a warning (it used to fail silently).
     */
    private String formatted(String payload) {
        String pattern = config.formatBeforePublish;
        if (pattern.isEmpty() || pattern.equals("%s")) {
            return payload;
        }
        Object[] values = typedValues(payload, pattern);
        try {
            return String.format(pattern, values);
        } catch (IllegalFormatConversionException e) {
            Object[] integral = integralParts(values);
            if (integral != null) {
                try {
                    return String.format(pattern, integral);
                } catch (IllegalFormatException again) {
                    // reported below
                }
            }
        } catch (IllegalFormatException e) {
            // reported below
        }
        LOGGER.warn("formatBeforePublish '{}' does not fit the value '{}': it is published as it is", pattern,
                payload);
        return payload;
    }

    private static Object[] typedValues(String payload, String pattern) {
        String text = payload.trim();
        BigDecimal number = Numbers.parse(text);
        if (number != null) {
            return new Object[] { number };
        }
        String[] parts = text.split(",");
        if (parts.length == 3 && conversions(pattern) > 1) {
            BigDecimal[] numbers = new BigDecimal[3];
            for (int i = 0; i < 3; i++) {
                numbers[i] = Numbers.parse(parts[i].trim());
                if (numbers[i] == null) {
                    return new Object[] { payload };
                }
            }
            return numbers;
        }
        try {
            // a date-time channel's payload: the local date-time in the system's zone
            return new Object[] { LocalDateTime.parse(text).atZone(ZoneId.systemDefault()) };
        } catch (DateTimeParseException e) {
            return new Object[] { payload };
        }
    }

    /** The numbers' integral parts, for {@code %d}; null if a value is not a number. */
    private static Object @Nullable [] integralParts(Object[] values) {
        Object[] integral = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] instanceof BigDecimal number)) {
                return null;
            }
            integral[i] = number.toBigInteger();
        }
        return integral;
    }

    /** Conversions in a format pattern, {@code %%} and {@code %n} not counted. */
    private static int conversions(String pattern) {
        int count = 0;
        for (int i = 0; i < pattern.length() - 1; i++) {
            if (pattern.charAt(i) == '%') {
                char next = pattern.charAt(i + 1);
                if (next == '%') {
                    i++;
                } else if (next != 'n') {
                    count++;
                }
            }
        }
        return count;
    }
}
