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
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtException;

/**
 * BG95, BG96, BG77 (their MQTT, SSL and file application notes): certificates are files in the modem's file system,
 * uploaded with {@code AT+QFUPL="UFS:<name>",<size>,<timeout>} (data after {@code CONNECT}, answered
 * {@code +QFUPL: <size>,<checksum>}), after {@code AT+QFDEL} of the old one; SSL context 0 names them with
 * {@code AT+QSSLCFG="cacert",0,"UFS:<name>"} and takes any TLS version the firmware has, every cipher suite, the check level, SNI, and no check of
 * the modem's own clock (often unset after a start) against the certificates' validity;
 * {@code AT+QMTCFG="ssl",<id>,1,0} makes the client use it.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bg9xTls implements ModemTls {

    static final String CA_FILE = "UFS:bc26-ca.pem";
    static final String CERTIFICATE_FILE = "UFS:bc26-client.pem";
    static final String KEY_FILE = "UFS:bc26-client.key";
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(15);

    @Override
    public void upload(AtEngine engine, TlsMaterial material) throws AtException {
        upload(engine, CA_FILE, material.caPem());
        upload(engine, CERTIFICATE_FILE, material.clientCertificatePem());
        upload(engine, KEY_FILE, material.clientKeyPem());
    }

    private static void upload(AtEngine engine, String file, @Nullable String pem) throws AtException {
        if (pem == null) {
            return;
        }
        try {
            engine.execute(AtCommand.of("AT+QFDEL=\"" + file + "\""));
        } catch (AtException e) {
            // Not there yet: nothing to delete.
        }
        byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
        String answer = engine.execute(AtCommand.of("AT+QFUPL=\"" + file + "\"," + bytes.length + ",10")
                .withDataAfterConnect(bytes).withTimeout(UPLOAD_TIMEOUT)).value("+QFUPL:").orElse("");
        if (!answer.replace(" ", "").startsWith(bytes.length + ",")) {
            throw new AtException(AtException.Kind.UNEXPECTED_ANSWER,
                    "The modem stored " + file + " as \"" + answer + "\", not " + bytes.length + " bytes");
        }
    }

    /** Each file there with its size ({@code AT+QFLST="UFS:<name>"} answers {@code +QFLST: "UFS:<name>",<size>}). */
    @Override
    public boolean holds(AtEngine engine, TlsMaterial material) throws AtException {
        return holds(engine, CA_FILE, material.caPem())
                && holds(engine, CERTIFICATE_FILE, material.clientCertificatePem())
                && holds(engine, KEY_FILE, material.clientKeyPem());
    }

    private static boolean holds(AtEngine engine, String file, @Nullable String pem) throws AtException {
        if (pem == null) {
            return true;
        }
        try {
            String answer = engine.execute(AtCommand.of("AT+QFLST=\"" + file + "\"")).value("+QFLST:").orElse("");
            return answer.replace(" ", "").endsWith("," + pem.getBytes(StandardCharsets.US_ASCII).length);
        } catch (AtException e) {
            if (e.getKind() == AtException.Kind.ERROR || e.getKind() == AtException.Kind.CME_ERROR) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<AtCommand> enable(int connectId, TlsMaterial material) {
        List<AtCommand> commands = new ArrayList<>();
        // 4: every version the firmware has, so it negotiates the best the broker offers (TLS 1.2 on these modems)
        commands.add(AtCommand.of("AT+QSSLCFG=\"sslversion\",0,4"));
        commands.add(AtCommand.of("AT+QSSLCFG=\"ciphersuite\",0,0XFFFF"));
        commands.add(AtCommand.of("AT+QSSLCFG=\"seclevel\",0," + material.securityLevel()));
        if (material.caPem() != null) {
            commands.add(AtCommand.of("AT+QSSLCFG=\"cacert\",0,\"" + CA_FILE + "\""));
        }
        if (material.clientCertificatePem() != null) {
            commands.add(AtCommand.of("AT+QSSLCFG=\"clientcert\",0,\"" + CERTIFICATE_FILE + "\""));
            commands.add(AtCommand.of("AT+QSSLCFG=\"clientkey\",0,\"" + KEY_FILE + "\""));
        }
        commands.add(AtCommand.of("AT+QSSLCFG=\"ignorelocaltime\",0,1"));
        commands.add(AtCommand.of("AT+QSSLCFG=\"sni\",0," + (material.serverNameIndication() ? 1 : 0)));
        commands.add(AtCommand.of("AT+QMTCFG=\"ssl\"," + connectId + ",1,0"));
        return commands;
    }

    @Override
    public AtCommand disable(int connectId) {
        return AtCommand.of("AT+QMTCFG=\"ssl\"," + connectId + ",0");
    }
}
