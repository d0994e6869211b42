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

import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.PublishEncoding;
import org.openhab.binding.bc26.internal.modem.tls.Bg9xTls;
import org.openhab.binding.bc26.internal.modem.tls.ModemTls;

/**
 * BG95, BG96 and BG77 (BG95&amp;BG77&amp;BG600L series and BG96 MQTT application notes): client ids 0-5; the
 * exact-length publish {@code AT+QMTPUB=...,"topic",<len>}, then {@code >} and exactly {@code len} bytes of any value
 * (no Ctrl+Z, no hex needed); received messages kept in the modem ({@code AT+QMTCFG="recv/mode",<id>,1,1}), announced
 * by {@code +QMTRECV: <id>,<recv_id>} and read, with their length, by {@code AT+QMTRECV=<id>,<recv_id>}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class BufferedReceiveDialect implements ModemDialect {

    private final ModemModel model;

    BufferedReceiveDialect(ModemModel model) {
        this.model = model;
    }

    @Override
    public ModemModel model() {
        return model;
    }

    @Override
    public int maxConnectId() {
        return 5;
    }

    @Override
    public PublishEncoding encode(byte[] payload) throws MqttException {
        return PublishEncoding.ofExactLength(payload);
    }

    @Override
    public boolean showsReceiveLength() {
        return true;
    }

    @Override
    public boolean buffersReceivedMessages() {
        return true;
    }

    @Override
    public Optional<ModemTls> tls() {
        return Optional.of(new Bg9xTls());
    }

    @Override
    public NetworkSetup network() {
        return new QcfgBandNetwork();
    }
}
