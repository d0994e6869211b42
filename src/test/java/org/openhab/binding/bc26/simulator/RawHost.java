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

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A bare host for simulator tests: writes command lines and reads the modem's lines, with none of the driver's
 * code in between (the simulator is checked against the protocol reference, not against the driver).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class RawHost implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder raw = new StringBuilder();

    RawHost(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "raw-host");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        StringBuilder line = new StringBuilder();
        byte[] buffer = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                synchronized (raw) {
                    raw.append(text);
                }
                for (char c : text.toCharArray()) {
                    if (c == '\r' || c == '\n') {
                        if (!line.toString().isBlank()) {
                            lines.add(line.toString());
                        }
                        line.setLength(0);
                    } else {
                        line.append(c);
                        if (line.toString().equals(">") || line.toString().equals("> ")) {
                            lines.add(">");
                            line.setLength(0);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void command(String command) throws IOException {
        send(command + "\r");
    }

    /** The next non-empty line within {@code timeout}. */
    String next(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(line, "no line from the simulator within " + timeout);
        return line;
    }

    /** Collects lines until {@code count} arrived. */
    List<String> next(int count, Duration timeout) throws InterruptedException {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(next(timeout));
        }
        return result;
    }

    /** Everything received so far, with the original line endings. */
    String raw() {
        synchronized (raw) {
            return raw.toString();
        }
    }

    boolean idle(Duration quiet) throws InterruptedException {
        return lines.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
