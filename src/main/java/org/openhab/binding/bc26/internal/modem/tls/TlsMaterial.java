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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The certificates, read and checked, ready to be put into a modem.
 *
 * @param caPem the CA certificate (PEM), or null when the broker is not checked
 * @param clientCertificatePem the client certificate (PEM), or null
 * @param clientKeyPem its private key (PEM), or null
 * @param serverNameIndication send SNI where the model can
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record TlsMaterial(@Nullable String caPem, @Nullable String clientCertificatePem, @Nullable String clientKeyPem,
        boolean serverNameIndication) {

    /**
     * The modems' security level: 0 encrypts without checking, 1 checks the broker, 2 also shows the client
     * certificate (Quectel {@code AT+QSSLCFG="seclevel"}).
     */
    public int securityLevel() {
        return caPem == null ? 0 : clientCertificatePem == null ? 1 : 2;
    }

    /** What identifies these certificates (SHA-256 over them): when it changes, they go into the modem again. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new @Nullable String[] { caPem, clientCertificatePem, clientKeyPem }) {
                digest.update((part == null ? "-" : part).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Never the key.
        return "TlsMaterial[level " + securityLevel() + ", sni " + serverNameIndication + "]";
    }
}
