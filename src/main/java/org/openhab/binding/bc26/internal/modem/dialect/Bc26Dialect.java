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
package org.openhab.binding.bc26.internal.modem.dialect;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.PublishEncoding;

/**
 * BC26 (MQTT application note V1.1): client ids 0-5; the direct form up to 700 bytes without quotes or commas, data
 * mode up to 1024, hex for binary; {@code +QMTRECV} without a length, so received payloads are framed by quotes and
 * line breaks (hex receive keeps them from imitating the modem).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class Bc26Dialect implements ModemDialect {

    @Override
    public ModemModel model() {
        return ModemModel.BC26;
    }

    @Override
    public int maxConnectId() {
        return 5;
    }

    @Override
    public PublishEncoding encode(byte[] payload) throws MqttException {
        return PublishEncoding.of(payload);
    }

    @Override
    public boolean hasDirectForm() {
        return true;
    }

    @Override
    public boolean showsReceiveLength() {
        return false;
    }

    @Override
    public NetworkSetup network() {
        return new QbandNetwork("BC26", List.of(1, 3, 5, 8, 20));
    }
}
