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
package org.openhab.binding.bc26.internal.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The MQTT binding's broker thing parameters read on the modem bridge, so a {@code .things} line copied from a
 * {@code mqtt:broker} works after changing the thing type: {@code host}, {@code port}, {@code clientID},
 * {@code secure}, {@code qos}, {@code lwtTopic}, {@code lwtMessage}, {@code lwtQos}, {@code lwtRetain} and
 * {@code mqttVersion} ({@code V3}; {@code V5} is refused: the modems speak MQTT 3.1.1). Where a parameter is given
 * under both names, the MQTT binding's wins. Parameters of the broker thing a modem cannot honour (WebSockets,
 * certificate pinning, discovery) are not read.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class MqttBrokerNames {

    private MqttBrokerNames() {
    }

    /**
     * Copies the MQTT binding's names found in {@code raw} into {@code config}.
     *
     * @return the names that were read, for the log
     * @throws IllegalArgumentException for a value that cannot work here (MQTT 5, a value of the wrong type)
     */
    public static List<String> apply(Map<String, ?> raw, Bc26ModemConfiguration config) {
        List<String> read = new ArrayList<>();
        read(raw, "host", MqttBrokerNames::text, value -> config.brokerHost = value, read);
        read(raw, "port", MqttBrokerNames::number, value -> config.brokerPort = value, read);
        read(raw, "clientID", MqttBrokerNames::text, value -> config.clientId = value, read);
        read(raw, "secure", MqttBrokerNames::flag, value -> config.tls = value, read);
        read(raw, "qos", MqttBrokerNames::number, value -> config.defaultQos = value, read);
        read(raw, "lwtTopic", MqttBrokerNames::text, value -> config.willTopic = value, read);
        read(raw, "lwtMessage", MqttBrokerNames::text, value -> config.willMessage = value, read);
        read(raw, "lwtQos", MqttBrokerNames::number, value -> config.willQos = value, read);
        read(raw, "lwtRetain", MqttBrokerNames::flag, value -> config.willRetain = value, read);
        Object version = raw.get("mqttVersion");
        if ("V3".equals(version)) {
            config.mqttVersion = "3.1.1";
            read.add("mqttVersion");
        } else if ("V5".equals(version)) {
            throw new IllegalArgumentException("mqttVersion V5: the modem's MQTT client speaks MQTT 3.1.1 (V3) only");
        }
        return read;
    }

    /** A value as the parameter's type takes it. */
    private interface Conversion<T> {
        T convert(String name, Object value);
    }

    /** Sets {@code name}'s value through {@code target} when {@code raw} has it, and notes it in {@code read}. */
    private static <T> void read(Map<String, ?> raw, String name, Conversion<T> conversion, Consumer<T> target,
            List<String> read) {
        Object value = raw.get(name);
        if (value != null) {
            target.accept(conversion.convert(name, value));
            read.add(name);
        }
    }

    private static String text(String name, Object value) {
        return value.toString();
    }

    private static Integer number(String name, Object value) {
        try {
            return value instanceof Number number ? Integer.valueOf(new BigDecimal(number.toString()).intValueExact())
                    : Integer.valueOf(value.toString().trim());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    private static Boolean flag(String name, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(name + " must be true or false, not " + value);
        }
        return Boolean.valueOf(text);
    }
}
