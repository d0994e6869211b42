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
package org.openhab.binding.bc26.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The simulated modem's TLS: the certificates it holds (BC660K: typed in per item; BG9x: files in its file system
 * named by SSL context 0) and a real TLS handshake with Java's TLS over the broker connection, so a wrong
 * certificate fails as it would in the field; TLS 1.2, the newest these modems speak. Security level 0 encrypts without checking; 1 checks the broker against
 * the CA and the host name; 2 also presents the client certificate. SNI only where the dialect has its setting (BG9x).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimTls {

    /** BC660K: what was typed in after {@code AT+QSSLCFG=0,0,"<item>"}, by item. */
    final Map<String, String> typed = new HashMap<>();
    /** BG9x: the modem's file system ({@code UFS:name}). */
    final Map<String, byte[]> files = new HashMap<>();
    /** BG9x: the files SSL context 0 names, by item (cacert, clientcert, clientkey). */
    final Map<String, String> contextFiles = new HashMap<>();
    int securityLevel;
    boolean serverNameIndication;

    /** Forgets everything but the file system (a reboot: typed certificates and settings are not saved). */
    void reset() {
        typed.clear();
        contextFiles.clear();
        securityLevel = 0;
        serverNameIndication = false;
    }

    private @Nullable String pem(String item, boolean fromFiles) {
        if (!fromFiles) {
            return typed.get(item);
        }
        String file = contextFiles.get(item);
        byte[] content = file == null ? null : files.get(file);
        return content == null ? null : new String(content, StandardCharsets.US_ASCII);
    }

    /** TLS over {@code tcp} to {@code host}, handshake done. */
    Socket over(Socket tcp, String host, int port, boolean fromFiles) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(fromFiles), trustManagers(fromFiles), null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            // These modems speak TLS up to 1.2 (BG95's SSL note: SSL 3.0 to TLS 1.2); 1.2 also refuses a missing client
            // certificate during the handshake, as the modem reports it (+QMTOPEN: <id>,-1).
            parameters.setProtocols(new String[] { "TLSv1.2" });
            boolean name = !InetAddress.getByName(host).getHostAddress().equals(host);
            parameters.setServerNames(fromFiles && serverNameIndication && name ? List.of(new SNIHostName(host)) : List.of());
            if (securityLevel > 0) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    private TrustManager[] trustManagers(boolean fromFiles) throws GeneralSecurityException, IOException {
        if (securityLevel == 0) {
            return new TrustManager[] { new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate @Nullable [] chain, @Nullable String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate @Nullable [] chain, @Nullable String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            } };
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        String ca = pem("cacert", fromFiles);
        if (ca != null) {
            trusted.setCertificateEntry("ca", certificate(ca));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    private KeyManager @Nullable [] keyManagers(boolean fromFiles) throws GeneralSecurityException, IOException {
        String certificate = pem("clientcert", fromFiles);
        String key = pem("clientkey", fromFiles);
        if (securityLevel < 2 || certificate == null || key == null) {
            return null;
        }
        char[] password = "sim".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", privateKey(key), password, new Certificate[] { certificate(certificate) });
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static Certificate certificate(String pem) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        }
    }
}
