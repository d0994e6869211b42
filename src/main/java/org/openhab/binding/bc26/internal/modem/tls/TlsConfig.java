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

import java.nio.file.Path;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the user asked for MQTT over TLS: where the certificates are, whether the broker is checked.
 *
 * @param verifyServer check the broker's certificate against {@code caCertificate}; false encrypts without knowing
 *            who is at the other end
 * @param caCertificate a PEM file of the CA that signed the broker's certificate, or {@code truststore:<alias>} for
 *            a certificate of the Java trust store openHAB runs with; empty only when {@code verifyServer} is false
 * @param clientCertificate a PEM file of the client certificate, for brokers that want one (AWS IoT); empty: none
 * @param clientKey a PEM file (PKCS#8) of the client certificate's private key; empty: none
 * @param serverNameIndication send the broker's host name in the handshake (SNI), where the model can
 * @param uploadRecord a file where the driver notes which certificates it put into which modem, so a modem that keeps
 *            them as files (BG95/BG96/BG77) gets them again only when they changed; null: put them in at every modem
 *            start
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record TlsConfig(boolean verifyServer, String caCertificate, String clientCertificate, String clientKey,
        boolean serverNameIndication, @Nullable Path uploadRecord) {

    /** Without a record: the certificates go into the modem at every modem start. */
    public TlsConfig(boolean verifyServer, String caCertificate, String clientCertificate, String clientKey,
            boolean serverNameIndication) {
        this(verifyServer, caCertificate, clientCertificate, clientKey, serverNameIndication, null);
    }
}
