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
import org.openhab.binding.bc26.internal.modem.tls.Bg9xTls;
import org.openhab.binding.bc26.internal.modem.tls.ModemTls;

/**
 * A family's dialect as values: the three families differ in what they take and print, not in how the driver
 * asks, so one record serves all of them, made by the factory of each family.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
record FamilyDialect(ModemModel model, int maxConnectId, Encoder encoder, boolean hasDirectForm,
        boolean showsReceiveLength, boolean buffersReceivedMessages, Optional<ModemTls> tls,
        NetworkSetup network) implements ModemDialect {

    /** Chooses the form of a payload within the family's limits. */
    @FunctionalInterface
    interface Encoder {
        PublishEncoding encode(byte[] payload) throws MqttException;
    }

    @Override
    public PublishEncoding encode(byte[] payload) throws MqttException {
        return encoder.encode(payload);
    }

    /**
     * BC26 (MQTT application note V1.1): client ids 0-5; the direct form up to 700 bytes without quotes or commas,
     * data mode up to 1024, hex for binary; {@code +QMTRECV} without a length, so received payloads are framed by
     * quotes and line breaks (hex receive keeps them from imitating the modem); no TLS; bands 1, 3, 5, 8, 20.
     */
    static FamilyDialect bc26() {
        return new FamilyDialect(ModemModel.BC26, 5, PublishEncoding::of, true, false, false, Optional.empty(),
                new QbandNetwork("BC26", List.of(1, 3, 5, 8, 20)));
    }

    /**
     * BC660K-GL and BC260Y (BC660K-GL&BC950K-GL MQTT application note V1.2): client ids 0-4; the length-delimited
     * publish {@code AT+QMTPUB=...,"topic",<len>,"payload"} (quotes allowed, 1460 bytes), data mode for text with line
     * breaks, hex for binary (730 bytes); {@code AT+QMTCFG="showrecvlen"} puts the payload's length into
     * {@code +QMTRECV}; TLS with typed-in certificates.
     */
    static FamilyDialect lengthForm(ModemModel model) {
        return new FamilyDialect(model, 4, PublishEncoding::ofLengthForm, false, true, false,
                Optional.of(new Bc660kTls()), new QbandNetwork(model.name(), List.of()));
    }

    /**
     * BG95, BG96 and BG77 (BG95&BG77&BG600L series and BG96 MQTT application notes): client ids 0-5; the exact-length
     * publish {@code AT+QMTPUB=...,"topic",<len>}, then {@code >} and exactly {@code len} bytes of any value (no
     * Ctrl+Z, no hex needed); {@code AT+QMTCFG="recv/mode",<id>,<0|1>,1} prints received messages at once with their
     * length, or keeps them until read with {@code AT+QMTRECV=<id>,<recv_id>}; TLS with certificate files; APN and
     * bands with {@code AT+QICSGP} and {@code AT+QCFG="band"}.
     */
    static FamilyDialect bufferedReceive(ModemModel model) {
        return new FamilyDialect(model, 5, PublishEncoding::ofExactLength, false, false, true,
                Optional.of(new Bg9xTls()), new QcfgBandNetwork());
    }
}
