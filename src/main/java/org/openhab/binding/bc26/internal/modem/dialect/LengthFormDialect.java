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
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.PublishEncoding;
import org.openhab.binding.bc26.internal.modem.tls.Bc660kTls;
import org.openhab.binding.bc26.internal.modem.tls.ModemTls;

/**
 * BC660K-GL and BC260Y (BC660K-GL&BC950K-GL MQTT application note V1.2): client ids 0-4; the length-delimited publish
 * {@code AT+QMTPUB=...,"topic",<len>,"payload"} (quotes allowed, 1460 bytes), data mode for text with line breaks,
 * hex for binary (730 bytes); {@code AT+QMTCFG="showrecvlen"} puts the payload's length into {@code +QMTRECV}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class LengthFormDialect implements ModemDialect {

    private final ModemModel model;

    LengthFormDialect(ModemModel model) {
        this.model = model;
    }

    @Override
    public ModemModel model() {
        return model;
    }

    @Override
    public int maxConnectId() {
        return 4;
    }

    @Override
    public PublishEncoding encode(byte[] payload) throws MqttException {
        return PublishEncoding.ofLengthForm(payload);
    }

    @Override
    public boolean showsReceiveLength() {
        return true;
    }

    @Override
    public Optional<ModemTls> tls() {
        return Optional.of(new Bc660kTls());
    }

    @Override
    public NetworkSetup network() {
        return new QbandNetwork(model.name(), List.of());
    }
}
