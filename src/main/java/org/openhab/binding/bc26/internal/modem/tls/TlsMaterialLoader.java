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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.setting.SettingField;

/**
 * Reads the certificates a {@link TlsConfig} names and checks them before any modem sees them: a path that is not
 * there, a file that is not PEM, a certificate Java cannot read, a key without its certificate are told at once, as
 * configuration errors.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TlsMaterialLoader {

    /** {@code caCertificate} of this form names a certificate of the Java trust store instead of a file. */
    public static final String TRUSTSTORE_PREFIX = "truststore:";
    /** Longest PEM file taken: the modems keep certificates of a few KB (BC660K's example: 1282 bytes). */
    private static final int MAX_PEM_BYTES = 8 * 1024;

    private TlsMaterialLoader() {
    }

    /**
     * @throws IllegalArgumentException with what is wrong, for the user
     */
    public static TlsMaterial load(TlsConfig config) {
        String ca = null;
        if (config.verifyServer()) {
            if (config.caCertificate().isBlank()) {
                throw SettingError.TLS_CA_MISSING.with();
            }
            ca = config.caCertificate().startsWith(TRUSTSTORE_PREFIX)
                    ? fromTrustStore(config.caCertificate().substring(TRUSTSTORE_PREFIX.length()).trim())
                    : certificate(config.caCertificate(), SettingField.CA_CERTIFICATE);
        }
        String certificate = config.clientCertificate().isBlank() ? null
                : certificate(config.clientCertificate(), SettingField.CLIENT_CERTIFICATE);
        String key = config.clientKey().isBlank() ? null : key(config.clientKey());
        if ((certificate == null) != (key == null)) {
            throw SettingError.TLS_KEY_PAIR.with();
        }
        if (certificate != null && ca == null) {
            throw SettingError.TLS_CLIENT_NEEDS_CA.with();
        }
        return new TlsMaterial(ca, certificate, key, config.serverNameIndication());
    }

    private static String read(String path, SettingField what) {
        Path file = Path.of(path.trim());
        try {
            if (Files.size(file) > MAX_PEM_BYTES) {
                throw SettingError.TLS_FILE_TOO_LARGE.with(what, path, MAX_PEM_BYTES);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).replace("\r\n", "\n").strip() + "\n";
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw SettingError.TLS_FILE_UNREADABLE.with(what, path, e.getMessage());
        }
    }

    private static String certificate(String path, SettingField what) {
        String pem = read(path, what);
        if (!pem.startsWith("-----BEGIN CERTIFICATE-----")) {
            throw SettingError.TLS_NOT_PEM.with(what, path);
        }
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw SettingError.TLS_NOT_A_CERTIFICATE.with(what, path, e.getMessage());
        }
        return pem;
    }

    private static String key(String path) {
        String pem = read(path, SettingField.CLIENT_KEY);
        if (!pem.startsWith("-----BEGIN ") || !pem.contains("PRIVATE KEY-----")) {
            throw SettingError.TLS_KEY_NOT_PEM.with(SettingField.CLIENT_KEY, path);
        }
        return pem;
    }

    /** A certificate of the Java trust store ({@code java.home}/lib/security/cacerts), as PEM. */
    private static String fromTrustStore(String alias) {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try (InputStream in = Files.newInputStream(cacerts)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, null);
            @Nullable
            Certificate certificate = store.getCertificate(alias);
            if (certificate == null) {
                throw SettingError.TRUSTSTORE_ALIAS_MISSING.with(alias);
            }
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (IOException | KeyStoreException | NoSuchAlgorithmException | CertificateException e) {
            throw SettingError.TRUSTSTORE_UNREADABLE.with(cacerts, e.getMessage());
        }
    }
}
