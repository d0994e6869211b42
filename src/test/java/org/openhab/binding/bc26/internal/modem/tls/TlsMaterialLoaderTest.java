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

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.modem.testing.TestCertificates;

/**
 * Certificates are read and checked before a modem sees them: a CA from a file or from the Java trust store by alias,
 * the security level they make, and every way they can be wrong as a clear error.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class TlsMaterialLoaderTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    @Test
    void aCaFromAFileOrTheJavaTrustStoreAndTheLevelsTheyMake() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        TlsMaterial checked = TlsMaterialLoader.load(new TlsConfig(true, certificates.ca().toString(), "", "", true));
        assertEquals(1, checked.securityLevel());
        assertEquals(Files.readString(certificates.ca()).strip() + "\n", checked.caPem());
        TlsMaterial mutual = TlsMaterialLoader.load(new TlsConfig(true, certificates.ca().toString(),
                certificates.clientCertificate().toString(), certificates.clientKey().toString(), true));
        assertEquals(2, mutual.securityLevel());
        assertFalse(mutual.toString().contains("PRIVATE"), "the key never shows in a log line");
        assertEquals(0, TlsMaterialLoader.load(new TlsConfig(false, "", "", "", true)).securityLevel());

        String alias;
        try (InputStream in = Files.newInputStream(
                Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, null);
            alias = store.aliases().nextElement();
        }
        TlsMaterial fromStore = TlsMaterialLoader.load(new TlsConfig(true, "truststore:" + alias, "", "", true));
        assertTrue(String.valueOf(fromStore.caPem()).startsWith("-----BEGIN CERTIFICATE-----\n"), alias);
        assertNotEquals(checked.fingerprint(), fromStore.fingerprint());
    }

    @Test
    void everyWayCertificatesCanBeWrongIsAClearError() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertMessage(new TlsConfig(true, "", "", "", true), "give the CA certificate");
        assertMessage(new TlsConfig(true, dir.resolve("missing.pem").toString(), "", "", true), "Cannot read");
        assertMessage(new TlsConfig(true, notPem.toString(), "", "", true), "not a PEM certificate");
        assertMessage(new TlsConfig(true, "truststore:no such alias", "", "", true), "has no certificate");
        assertMessage(new TlsConfig(true, certificates.ca().toString(), certificates.clientCertificate().toString(),
                "", true), "needs its key");
        assertMessage(new TlsConfig(false, "", certificates.clientCertificate().toString(),
                certificates.clientKey().toString(), true), "needs the broker checked");
        assertMessage(new TlsConfig(true, certificates.ca().toString(), certificates.clientCertificate().toString(),
                certificates.ca().toString(), true), "not a PEM private key");
    }

    private static void assertMessage(TlsConfig config, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TlsMaterialLoader.load(config));
        assertTrue(String.valueOf(error.getMessage()).contains(expected), error.getMessage());
    }
}
