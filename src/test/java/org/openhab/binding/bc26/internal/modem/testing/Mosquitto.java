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

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Debian's mosquitto broker, started by the test on a free loopback port (installed by {@code .ci/run}), with
 * persistence. It can be stopped and started again on the same port to play a broker restart. With a user it requires
 * that password.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Mosquitto implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path directory;
    private final int port;
    private final int tlsPort;
    private @Nullable Process process;

    private Mosquitto(Path directory, int port, int tlsPort) {
        this.directory = directory;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Starts a broker that accepts anyone. */
    public static Mosquitto start(Path directory) throws IOException {
        return start(directory, null, null);
    }

    /** Starts a broker; with a user, only that user and password may connect. */
    public static Mosquitto start(Path directory, @Nullable String user, @Nullable String password)
            throws IOException {
        return start(directory, user, password, null, false);
    }

    /**
     * Starts a broker that also listens with TLS ({@link #tlsPort()}), presenting the test CA's certificate for
     * {@code localhost}; with {@code requireClientCertificate}, only clients with a certificate of that CA connect.
     */
    public static Mosquitto startWithTls(Path directory, TestCertificates certificates,
            boolean requireClientCertificate) throws IOException {
        return start(directory, null, null, certificates, requireClientCertificate);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static Mosquitto start(Path directory, @Nullable String user, @Nullable String password,
            @Nullable TestCertificates tls, boolean requireClientCertificate) throws IOException {
        assertTrue(Files.isExecutable(BINARY),
                "mosquitto is not installed: apt-get install mosquitto (.ci/run does this)");
        int port = freePort();
        int tlsPort = tls == null ? -1 : freePort();
        StringBuilder config = new StringBuilder();
        // Started as root, mosquitto drops to user "mosquitto", which cannot read the test's private directory.
        config.append("user ").append(System.getProperty("user.name")).append('\n');
        config.append("listener ").append(port).append(" 127.0.0.1\n");
        // Persistent, as a production broker: a restart keeps retained messages and queued QoS 1/2 messages, so
        // the tests measure what the binding loses, not what a volatile broker drops.
        config.append("persistence true\npersistence_location ").append(directory.toAbsolutePath()).append("/\n");
        config.append("log_dest stderr\n");
        // Every packet, with its message id and DUP flag: what the broker saw on the wire.
        config.append("log_type all\n");
        config.append("max_inflight_messages 0\n");
        // Small MQTT acknowledgements go out at once (Nagle's algorithm with delayed ACKs can hold them ~40 ms).
        config.append("set_tcp_nodelay true\n");
        config.append("max_queued_messages 100000\n");
        if (user != null && password != null) {
            Path passwords = directory.resolve("passwords");
            Files.writeString(passwords, "");
            run(List.of("mosquitto_passwd", "-b", passwords.toString(), user, password));
            config.append("allow_anonymous false\npassword_file ").append(passwords).append('\n');
        } else {
            config.append("allow_anonymous true\n");
        }
        if (tls != null) {
            // The options after a listener line belong to that listener.
            config.append("listener ").append(tlsPort).append(" 127.0.0.1\n");
            config.append("cafile ").append(tls.ca().toAbsolutePath()).append('\n');
            config.append("certfile ").append(tls.serverCertificate().toAbsolutePath()).append('\n');
            config.append("keyfile ").append(tls.serverKey().toAbsolutePath()).append('\n');
            config.append("tls_version tlsv1.2\n");
            config.append("require_certificate ").append(requireClientCertificate).append('\n');
        }
        Files.writeString(directory.resolve("mosquitto.conf"), config.toString());
        Mosquitto broker = new Mosquitto(directory, port, tlsPort);
        broker.startProcess();
        return broker;
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command + " failed: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void startProcess() throws IOException {
        // Appended: a restarted broker keeps the log of what it saw before.
        process = new ProcessBuilder(BINARY.toString(), "-c", directory.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mosquitto.log").toFile())).start();
        Await.until("mosquitto accepting on port " + port, Duration.ofSeconds(10), () -> accepting(port));
        if (tlsPort > 0) {
            // The TLS listener opens after the plain one; a modem connecting before it would be refused.
            Await.until("mosquitto accepting TLS on port " + tlsPort, Duration.ofSeconds(10), () -> accepting(tlsPort));
        }
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** The TLS listener's port ({@link #startWithTls}), -1 without one. */
    public int tlsPort() {
        return tlsPort;
    }

    /** {@code tcp://127.0.0.1:port} for Paho. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker (connections drop), keeping its port for {@link #restart()}. */
    public void stop() {
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** A PUBLISH the broker received, as its log shows it. */
    public record LoggedPublish(String clientId, boolean dup, int qos, boolean retain, int messageId, String topic) {
    }

    private static final Pattern RECEIVED_PUBLISH = Pattern
            .compile("Received PUBLISH from (\\S+) \\(d(\\d), q(\\d), r(\\d), m(\\d+), '(.*)', \\.\\.\\. \\(\\d+ bytes\\)\\)");

    /** Every PUBLISH the broker received so far, in order, read from its log. */
    public List<LoggedPublish> publishesReceived() throws IOException {
        List<LoggedPublish> publishes = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve("mosquitto.log"), StandardCharsets.ISO_8859_1)) {
            Matcher m = RECEIVED_PUBLISH.matcher(line);
            if (m.find()) {
                publishes.add(new LoggedPublish(m.group(1), m.group(2).equals("1"), Integer.parseInt(m.group(3)),
                        m.group(4).equals("1"), Integer.parseInt(m.group(5)), m.group(6)));
            }
        }
        return publishes;
    }

    /** Starts the broker again on the same port. */
    public void restart() throws IOException {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }
}
