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
import org.openhab.binding.bc26.internal.modem.tls.ModemTls;

/**
 * What differs between the modems of the {@code AT+QMT*} family, in one place; the AT engine, the framer, the session,
 * the recovery and the outbox are the same for all. Chosen per model ({@link #of(ModemModel)}) from what the modem
 * says it is, or from what the user forced.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface ModemDialect {

    ModemModel model();

    /** Highest MQTT client (connect) id the model has. */
    int maxConnectId();

    /**
     * The form a payload goes to the modem in.
     *
     * @throws MqttException PAYLOAD_TOO_LARGE when no form of this model can carry it
     */
    PublishEncoding encode(byte[] payload) throws MqttException;

    /**
     * Whether the model takes a payload in quotes inside the command ({@code AT+QMTPUB=...,"topic","payload"}, BC26's
     * direct form); the others want its length with it.
     */
    boolean hasDirectForm();

    /**
     * Whether {@code +QMTRECV} can be made to show the payload's length with {@code AT+QMTCFG="showrecvlen"} (BC660K,
     * BC260Y): then a received payload is read by its length, and no publisher can make it look like the modem's own
     * lines. BG9x show it through their {@code recv/mode} instead (see {@link #buffersReceivedMessages()}).
     */
    boolean showsReceiveLength();

    /**
     * Whether the modem can keep received messages until the host reads them ({@code AT+QMTCFG="recv/mode",<id>,1}):
     * it announces each with {@code +QMTRECV: <id>,<recv_id>} and prints it only when asked
     * ({@code AT+QMTRECV=<id>,<recv_id>}), so a host that is slow or missed the announcement loses nothing the modem
     * could store.
     */
    boolean buffersReceivedMessages();

    /** How the model is told its APN and bands. */
    NetworkSetup network();

    /** How the model takes certificates and opens TLS, or empty for a model without TLS (BC26). */
    Optional<ModemTls> tls();

    static ModemDialect of(ModemModel model) {
        return switch (model) {
            case BC26 -> FamilyDialect.bc26();
            case BC660K, BC260Y -> FamilyDialect.lengthForm(model);
            case BG95, BG96, BG77 -> FamilyDialect.bufferedReceive(model);
        };
    }
}
