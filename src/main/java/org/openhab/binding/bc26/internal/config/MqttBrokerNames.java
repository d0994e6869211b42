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
import org.openhab.binding.bc26.internal.modem.setting.SettingError;

/**
 * The bridge's parameters are named as on the MQTT binding's broker thing ({@code host}, {@code port},
 * {@code clientID}, {@code secure}, {@code qos}, {@code lwtTopic}, {@code lwtMessage}, {@code lwtQos},
 * {@code lwtRetain}, {@code mqttVersion} {@code V3}), so a {@code .things} line copied from a {@code mqtt:broker}
 * works after changing the thing type. The binding's former names ({@code brokerHost}, {@code brokerPort},
 * {@code clientId}, {@code tls}, {@code defaultQos}, {@code willTopic}, {@code willMessage}, {@code willQos},
 * {@code willRetain}) are still read when the current name is not given. The renamed parameters have no default in
 * the XML for that reason: openHAB would add the default under the new name and hide the old one.
 * {@code mqttVersion} {@code V5} is refused: the modems speak MQTT 3.1.1.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class MqttBrokerNames {

    private MqttBrokerNames() {
    }

    /**
     * Reads the former names found in {@code raw} into {@code config} where the current name is absent, and turns
     * {@code mqttVersion} into the version the modem is told.
     *
     * @return the former names that were read, for the note in the log
     * @throws IllegalArgumentException for a value that cannot work here (MQTT 5, a value of the wrong type)
     */
    public static List<String> apply(Map<String, ?> raw, Bc26ModemConfiguration config) {
        List<String> read = new ArrayList<>();
        former(raw, "brokerHost", "host", MqttBrokerNames::text, value -> config.host = value, read);
        former(raw, "brokerPort", "port", MqttBrokerNames::number, value -> config.port = value, read);
        former(raw, "clientId", "clientID", MqttBrokerNames::text, value -> config.clientID = value, read);
        former(raw, "tls", "secure", MqttBrokerNames::flag, value -> config.secure = value, read);
        former(raw, "defaultQos", "qos", MqttBrokerNames::number, value -> config.qos = value, read);
        former(raw, "willTopic", "lwtTopic", MqttBrokerNames::text, value -> config.lwtTopic = value, read);
        former(raw, "willMessage", "lwtMessage", MqttBrokerNames::text, value -> config.lwtMessage = value, read);
        former(raw, "willQos", "lwtQos", MqttBrokerNames::number, value -> config.lwtQos = value, read);
        former(raw, "willRetain", "lwtRetain", MqttBrokerNames::flag, value -> config.lwtRetain = value, read);
        config.mqttVersion = switch (config.mqttVersion.trim()) {
            case "V3", "3.1.1" -> "3.1.1";
            case "3.1" -> "3.1";
            case "V5" -> throw SettingError.MQTT_VERSION_5.with();
            default -> throw SettingError.MQTT_VERSION.with(config.mqttVersion);
        };
        return read;
    }

    /** A value as the parameter's type takes it. */
    private interface Conversion<T> {
        T convert(String name, Object value);
    }

    /**
     * Sets the former name's value through {@code target} when {@code raw} has it and not the current name, and notes
     * it in {@code read}.
     */
    private static <T> void former(Map<String, ?> raw, String name, String current, Conversion<T> conversion,
            Consumer<T> target, List<String> read) {
        Object value = raw.get(name);
        if (value != null && raw.get(current) == null) {
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
            throw SettingError.NOT_A_NUMBER.with(name, value);
        }
    }

    private static Boolean flag(String name, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw SettingError.NOT_A_BOOLEAN.with(name, value);
        }
        return Boolean.valueOf(text);
    }
}
