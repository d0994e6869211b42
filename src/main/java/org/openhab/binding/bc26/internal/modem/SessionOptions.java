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
package org.openhab.binding.bc26.internal.modem;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.tls.TlsConfig;

/**
 * What a {@link ModemSession} needs.
 *
 * @param port device path, symlink or {@code socket://host:port}
 * @param serial line settings
 * @param pin SIM PIN, or null
 * @param apn APN to set (needs a modem reboot when it changes), or null to keep the modem's
 * @param bands LTE bands to lock to, or an empty list to keep the modem's
 * @param keepAwake disable PSM, eDRX and sleep (recommended for an always-on gateway)
 * @param mqtt the MQTT client settings
 * @param initialBackoff first wait before a recovery attempt
 * @param maxBackoff longest wait between recovery attempts
 * @param registrationTimeout how long to wait for the cell network at each attempt
 * @param model the modem model to speak to, or null to read it from the modem ({@code ATI}) at every bring-up
 * @param tls MQTT over TLS, or null for plain MQTT
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record SessionOptions(String port, SerialSettings serial, @Nullable String pin, @Nullable String apn,
        java.util.List<Integer> bands, boolean keepAwake, MqttSettings mqtt, Duration initialBackoff, Duration maxBackoff,
        Duration registrationTimeout, @Nullable ModemModel model, @Nullable TlsConfig tls) {

    /** Options with the defaults: 115200 8N1, no PIN, keep the APN, keep awake, back-off 5 s to 5 min, 120 s. */
    public static SessionOptions of(String port, MqttSettings mqtt) {
        return new SessionOptions(port, SerialSettings.DEFAULT, null, null, java.util.List.of(), true, mqtt, Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofSeconds(120), null, null);
    }

    /** Same options with other back-off limits. */
    public SessionOptions withBackoff(Duration initial, Duration max) {
        return new SessionOptions(port, serial, pin, apn, bands, keepAwake, mqtt, initial, max, registrationTimeout,
                model, tls);
    }

    /** Same options with other MQTT settings. */
    public SessionOptions withMqtt(MqttSettings newMqtt) {
        return new SessionOptions(port, serial, pin, apn, bands, keepAwake, newMqtt, initialBackoff, maxBackoff,
                registrationTimeout, model, tls);
    }

    /** Same options with a SIM PIN. */
    public SessionOptions withPin(@Nullable String newPin) {
        return new SessionOptions(port, serial, newPin, apn, bands, keepAwake, mqtt, initialBackoff, maxBackoff,
                registrationTimeout, model, tls);
    }

    /** Same options with the modem model forced (null: read from the modem at every bring-up). */
    public SessionOptions withModel(@Nullable ModemModel forced) {
        return new SessionOptions(port, serial, pin, apn, bands, keepAwake, mqtt, initialBackoff, maxBackoff,
                registrationTimeout, forced, tls);
    }

    /** Same options with an APN (null keeps the modem's) and bands (empty keeps the modem's). */
    public SessionOptions withNetwork(@Nullable String newApn, java.util.List<Integer> newBands) {
        return new SessionOptions(port, serial, pin, newApn, newBands, keepAwake, mqtt, initialBackoff, maxBackoff,
                registrationTimeout, model, tls);
    }

    /** Same options, keeping the modem awake (true) or leaving its power saving on (false). */
    public SessionOptions withKeepAwake(boolean newKeepAwake) {
        return new SessionOptions(port, serial, pin, apn, bands, newKeepAwake, mqtt, initialBackoff, maxBackoff,
                registrationTimeout, model, tls);
    }

    /** Same options with MQTT over TLS (null: plain MQTT). */
    public SessionOptions withTls(@Nullable TlsConfig newTls) {
        return new SessionOptions(port, serial, pin, apn, bands, keepAwake, mqtt, initialBackoff, maxBackoff,
                registrationTimeout, model, newTls);
    }
}
