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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.tls.TlsConfig;

/**
 * Turns the bridge's parameters into what the driver takes ({@link SessionOptions}), checking each: the one place
 * where a parameter's meaning is decided. No openHAB types, so it is tested without a thing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class BridgeSettings {

    private BridgeSettings() {
    }

    /**
     * The session's options from the bridge's parameters, every one checked.
     *
     * @param tlsUploadRecord where the bridge notes which certificates it put into which modem
     * @throws IllegalArgumentException (mostly {@link org.openhab.binding.bc26.internal.modem.setting.InvalidSettingException})
     *             naming the first parameter that cannot work
     */
    public static SessionOptions sessionOptions(Bc26ModemConfiguration config, Path tlsUploadRecord) {
        MqttSettings.Will will = config.lwtTopic.isBlank() ? null
                : new MqttSettings.Will(config.lwtTopic, config.lwtMessage, config.lwtQos, config.lwtRetain);
        if (!"3.1".equals(config.mqttVersion) && !"3.1.1".equals(config.mqttVersion)) {
            throw SettingError.MQTT_VERSION.with(config.mqttVersion);
        }
        MqttSettings.checkQos(config.qos);
        MqttSettings mqtt = new MqttSettings(config.connectId, config.host.trim(), config.port,
                config.clientID, config.username.isEmpty() ? null : config.username,
                config.password.isEmpty() ? null : config.password, config.keepAlive, config.cleanSession,
                "3.1".equals(config.mqttVersion) ? 3 : 4, 10, 3, will, !"text".equals(config.receiveFormat),
                "buffered".equals(config.receiveFormat));
        if (!config.birthTopic.isBlank()) {
            MqttTopics.checkTopicName(config.birthTopic);
        }
        if (!config.shutdownTopic.isBlank()) {
            MqttTopics.checkTopicName(config.shutdownTopic);
        }
        if (!config.simPin.isBlank()) {
            Bc26Modem.checkPin(config.simPin.trim());
        }
        if (!config.apn.isBlank()) {
            Bc26Modem.checkApn(config.apn.trim());
        }
        if (!List.of("text", "hex", "buffered").contains(config.receiveFormat)) {
            throw SettingError.RECEIVE_FORMAT.with(config.receiveFormat);
        }
        if (config.outboxSize < 1) {
            throw SettingError.OUTBOX_SIZE.with(config.outboxSize);
        }
        if (config.reconnectInitialSeconds < 1 || config.reconnectMaxSeconds < config.reconnectInitialSeconds) {
            throw SettingError.RECONNECT_DELAYS.with();
        }
        return new SessionOptions(config.serialPort.trim(), SerialSettings.DEFAULT.withBaudRate(config.baudRate),
                config.simPin.isBlank() ? null : config.simPin.trim(), config.apn.isBlank() ? null : config.apn.trim(),
                bands(config.bands), !config.powerSaving, mqtt, Duration.ofSeconds(config.reconnectInitialSeconds),
                Duration.ofSeconds(config.reconnectMaxSeconds), Duration.ofSeconds(120),
                "auto".equalsIgnoreCase(config.modemModel.trim()) ? null : ModemModel.named(config.modemModel),
                config.secure ? new TlsConfig(config.verifyServer, config.caCertificate, config.clientCertificate,
                        config.clientKey, config.serverNameIndication, tlsUploadRecord) : null);
    }

    private static List<Integer> bands(String text) {
        List<Integer> bands = new ArrayList<>();
        for (String band : text.split(",")) {
            if (!band.isBlank()) {
                try {
                    bands.add(Integer.parseInt(band.trim()));
                } catch (NumberFormatException e) {
                    throw SettingError.BANDS_SYNTAX.with(text);
                }
            }
        }
        // Which bands the model has is checked once the modem is known (BC26: 1, 3, 5, 8, 20).
        for (int band : bands) {
            if (band < 1 || band > 85) {
                throw SettingError.BAND_RANGE.with(band);
            }
        }
        return bands;
    }

    /**
     * The MQTT client id of a bridge that names none: {@code oh-bc26-<thing id>}, within the 23 characters that every
     * MQTT 3.1 broker must accept (a longer thing id is shortened, with a hash of the whole id to keep it unique), and
     * only of letters, digits, '-' and '_'.
     */
    public static String stableClientId(String thingId) {
        String clean = thingId.replaceAll("[^A-Za-z0-9_-]", "_");
        String prefix = "oh-bc26-";
        if (prefix.length() + clean.length() <= 23) {
            return prefix + clean;
        }
        String hash = HexFormat.of().toHexDigits(thingId.hashCode());
        return prefix + clean.substring(0, 23 - prefix.length() - hash.length() - 1) + "-" + hash;
    }
}
