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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.setting.InvalidSettingException;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;

/**
 * The bridge's parameters as the driver takes them, without a thing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class BridgeSettingsTest {

    private static Bc26ModemConfiguration config() {
        Bc26ModemConfiguration config = new Bc26ModemConfiguration();
        config.serialPort = " /dev/ttyUSB0 ";
        config.host = "broker.example.com";
        config.clientID = "cabin";
        config.mqttVersion = "3.1.1";
        return config;
    }

    @Test
    void parametersBecomeTheDriversOptions() {
        Bc26ModemConfiguration config = config();
        config.bands = "3, 8,20";
        config.receiveFormat = "text";
        config.powerSaving = false;
        SessionOptions options = BridgeSettings.sessionOptions(config, Path.of("record"));
        assertEquals("/dev/ttyUSB0", options.port());
        assertEquals(List.of(3, 8, 20), options.bands());
        assertFalse(options.mqtt().hexReceive(), "text receive");
        assertTrue(options.keepAwake(), "power saving off keeps the modem awake");
        assertNull(options.tls());
        assertNull(options.model(), "auto");
    }

    @Test
    void aParameterThatCannotWorkIsNamedByItsError() {
        Bc26ModemConfiguration bands = config();
        bands.bands = "3, eight";
        assertEquals(SettingError.BANDS_SYNTAX, assertThrows(InvalidSettingException.class,
                () -> BridgeSettings.sessionOptions(bands, Path.of("r"))).getError());
        Bc26ModemConfiguration delays = config();
        delays.reconnectMaxSeconds = 1;
        delays.reconnectInitialSeconds = 5;
        assertEquals(SettingError.RECONNECT_DELAYS, assertThrows(InvalidSettingException.class,
                () -> BridgeSettings.sessionOptions(delays, Path.of("r"))).getError());
    }

    @Test
    void aClientIdOfLongThingIdsStaysWithinMqtt31sLimit() {
        assertEquals("oh-bc26-cabin", BridgeSettings.stableClientId("cabin"));
        String id = BridgeSettings.stableClientId("pump-house-north-field-2");
        assertTrue(id.length() <= 23, id);
        assertNotEquals(id, BridgeSettings.stableClientId("pump-house-north-field-3"));
    }
}
