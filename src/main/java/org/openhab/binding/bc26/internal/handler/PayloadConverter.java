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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.IllegalFormatException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.config.TopicChannelConfig;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Turns payloads into openHAB states and commands into payloads, per channel type of a {@code bc26:topic} thing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class PayloadConverter {

    private PayloadConverter() {
    }

    /** The state for a payload, or null when the payload does not fit the channel type (ignored, logged). */
    static @Nullable State toState(String channelType, String payload, TopicChannelConfig config) {
        String text = payload.trim();
        if (!config.nullValue.isEmpty() && payload.equals(config.nullValue)) {
            return UnDefType.UNDEF;
        }
        try {
            return switch (channelType) {
                case "string" -> config.allows(payload) ? new StringType(payload) : null;
                case "number" -> config.unit.isBlank() ? new DecimalType(new BigDecimal(text))
                        : new QuantityType<>(new BigDecimal(text).toPlainString() + " " + config.unit.trim());
                case "switch" -> text.equals(config.on) ? OnOffType.ON : text.equals(config.off) ? OnOffType.OFF : null;
                case "contact" -> text.equals(config.on) ? OpenClosedType.OPEN
                        : text.equals(config.off) ? OpenClosedType.CLOSED : null;
                case "datetime" -> dateTime(text);
                default -> null;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        } catch (RuntimeException e) {
            // indriya refuses unknown unit symbols with its own exceptions
            return null;
        }
    }

    private static DateTimeType dateTime(String text) {
        if (text.matches("\\d{9,13}")) {
            long value = Long.parseLong(text);
            return new DateTimeType(value > 99_999_999_999L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
        }
        return new DateTimeType(ZonedDateTime.parse(text));
    }

    /**
     * The payload for a command, or null when the command does not fit the channel.
     *
     * @throws IllegalArgumentException for a quantity whose unit cannot be converted to the channel's unit, or a text
     *             that is not one of a string channel's allowed states
     */
    static @Nullable String toPayload(String channelType, Command command, TopicChannelConfig config) {
        String value;
        if (command instanceof OnOffType onOff) {
            value = onOff == OnOffType.ON ? config.on : config.off;
        } else if (command instanceof OpenClosedType openClosed) {
            value = openClosed == OpenClosedType.OPEN ? config.on : config.off;
        } else if (command instanceof QuantityType<?> quantity) {
            // openHAB passes a command in the unit it was given (0.5 kW); the device expects the channel's unit.
            QuantityType<?> inChannelUnit = config.unit.isBlank() ? quantity : quantity.toUnit(config.unit.trim());
            if (inChannelUnit == null) {
                throw new IllegalArgumentException(
                        "its unit " + quantity.getUnit() + " cannot be converted to the channel's unit " + config.unit);
            }
            value = inChannelUnit.toBigDecimal().stripTrailingZeros().toPlainString();
        } else if (command instanceof DecimalType decimal) {
            value = decimal.toBigDecimal().toPlainString();
        } else if (command instanceof DateTimeType dateTime) {
            value = dateTime.getInstant().toString();
        } else if (command instanceof StringType string) {
            if (!config.allows(string.toString())) {
                throw new IllegalArgumentException("it is not one of the channel's allowed states " + config.allowedStates);
            }
            value = string.toString();
        } else {
            return null;
        }
        try {
            return String.format(config.formatBeforePublish, value);
        } catch (IllegalFormatException e) {
            return value;
        }
    }
}
