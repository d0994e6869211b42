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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

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
        String host = text(raw, "host", read);
        if (host != null) {
            config.brokerHost = host;
        }
        Integer port = number(raw, "port", read);
        if (port != null) {
            config.brokerPort = port;
        }
        String clientId = text(raw, "clientID", read);
        if (clientId != null) {
            config.clientId = clientId;
        }
        Boolean secure = flag(raw, "secure", read);
        if (secure != null) {
            config.tls = secure;
        }
        Integer qos = number(raw, "qos", read);
        if (qos != null) {
            config.defaultQos = qos;
        }
        String lwtTopic = text(raw, "lwtTopic", read);
        if (lwtTopic != null) {
            config.willTopic = lwtTopic;
        }
        String lwtMessage = text(raw, "lwtMessage", read);
        if (lwtMessage != null) {
            config.willMessage = lwtMessage;
        }
        Integer lwtQos = number(raw, "lwtQos", read);
        if (lwtQos != null) {
            config.willQos = lwtQos;
        }
        Boolean lwtRetain = flag(raw, "lwtRetain", read);
        if (lwtRetain != null) {
            config.willRetain = lwtRetain;
        }
        Object version = raw.get("mqttVersion");
        if ("V3".equals(version)) {
            config.mqttVersion = "3.1.1";
            read.add("mqttVersion");
        } else if ("V5".equals(version)) {
            throw new IllegalArgumentException("mqttVersion V5: the modem's MQTT client speaks MQTT 3.1.1 (V3) only");
        }
        return read;
    }

    private static @Nullable String text(Map<String, ?> raw, String name, List<String> read) {
        Object value = raw.get(name);
        if (value == null) {
            return null;
        }
        read.add(name);
        return value.toString();
    }

    private static @Nullable Integer number(Map<String, ?> raw, String name, List<String> read) {
        Object value = raw.get(name);
        if (value == null) {
            return null;
        }
        read.add(name);
        try {
            return value instanceof Number number ? Integer.valueOf(new BigDecimal(number.toString()).intValueExact())
                    : Integer.valueOf(value.toString().trim());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    private static @Nullable Boolean flag(Map<String, ?> raw, String name, List<String> read) {
        Object value = raw.get(name);
        if (value == null) {
            return null;
        }
        read.add(name);
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
