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
package org.openhab.binding.bc26.internal.modem.tls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtException;

/**
 * BC660K-GL and BC260Y (BC660K MQTT application note V1.2, chapter 6.2): each certificate is typed in after
 * {@code AT+QSSLCFG=0,0,"cacert"} (or {@code clientcert}, {@code clientkey}) and its {@code >}, ended by Ctrl+Z, and
 * the modem answers {@code +QSSLCFG: 0,0,"cacert",<length>}; {@code AT+QSSLCFG=0,0,"seclevel",<n>} chooses the checks
 * and {@code AT+QMTCFG="ssl",<id>,1,0,0} makes the client use SSL context 0, connection 0, as in the vendor's
 * example. The note names no SNI setting.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc660kTls implements ModemTls {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public void upload(AtEngine engine, TlsMaterial material) throws AtException {
        upload(engine, "cacert", material.caPem());
        upload(engine, "clientcert", material.clientCertificatePem());
        upload(engine, "clientkey", material.clientKeyPem());
    }

    private static void upload(AtEngine engine, String item, @Nullable String pem) throws AtException {
        if (pem == null) {
            return;
        }
        byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
        // The key's command must not be logged with its data: the engine never logs prompt data.
        String answer = engine.execute(AtCommand.of("AT+QSSLCFG=0,0,\"" + item + "\"").withPromptData(bytes)
                .withTimeout(UPLOAD_TIMEOUT)).value("+QSSLCFG:").orElse("");
        if (!answer.replace(" ", "").endsWith("\"" + item + "\"," + bytes.length)) {
            throw new AtException(AtException.Kind.UNEXPECTED_ANSWER,
                    "The modem took " + item + " as \"" + answer + "\", not " + bytes.length + " bytes");
        }
    }

    @Override
    public List<AtCommand> enable(int connectId, TlsMaterial material) {
        return List.of(AtCommand.of("AT+QSSLCFG=0,0,\"seclevel\"," + material.securityLevel()),
                AtCommand.of("AT+QMTCFG=\"ssl\"," + connectId + ",1,0,0"));
    }

    @Override
    public AtCommand disable(int connectId) {
        return AtCommand.of("AT+QMTCFG=\"ssl\"," + connectId + ",0");
    }
}
