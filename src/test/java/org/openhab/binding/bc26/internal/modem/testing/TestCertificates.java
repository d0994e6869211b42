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
package org.openhab.binding.bc26.internal.modem.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A test certificate authority made with the {@code openssl} command (Debian's package, installed by {@code .ci/run}):
 * a CA, a broker certificate for {@code localhost} and 127.0.0.1 signed by it, a client certificate signed by it (for
 * brokers that want one, as AWS IoT does), and an unrelated CA that signed none of them (the wrong one to trust).
 * EC P-256 keys, PEM files, private keys in PKCS#8.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record TestCertificates(Path ca, Path serverCertificate, Path serverKey, Path clientCertificate,
        Path clientKey, Path otherCa) {

    /** Makes the files in {@code directory}. */
    public static TestCertificates create(Path directory) throws IOException {
        Files.createDirectories(directory);
        String curve = "ec_paramgen_curve:prime256v1";
        openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-keyout", "ca.key", "-out",
                "ca.pem", "-days", "30", "-subj", "/CN=BC26 Test CA");
        openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-keyout", "other-ca.key",
                "-out", "other-ca.pem", "-days", "30", "-subj", "/CN=Someone Else's CA");
        signed(directory, "server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        signed(directory, "client", "bc26-client", "extendedKeyUsage=clientAuth\n");
        return new TestCertificates(directory.resolve("ca.pem"), directory.resolve("server.pem"),
                directory.resolve("server.key"), directory.resolve("client.pem"), directory.resolve("client.key"),
                directory.resolve("other-ca.pem"));
    }

    private static void signed(Path directory, String name, String commonName, String extensions) throws IOException {
        String curve = "ec_paramgen_curve:prime256v1";
        openssl(directory, "req", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-keyout", name + ".key", "-out",
                name + ".csr", "-subj", "/CN=" + commonName);
        Files.writeString(directory.resolve(name + ".ext"), extensions);
        openssl(directory, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "30", "-extfile", name + ".ext");
    }

    private static void openssl(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
