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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.testing.PseudoTerminal;

/**
 * Connects a {@link Bc26Simulator} to the host: through a pseudo-terminal reached by a stable symlink (the driver
 * goes through jSerialComm as with a USB adapter), or through a TCP port (a modem behind ser2net). The link can be
 * cut and restored at the same name while the simulated modem keeps running, as when a USB adapter is unplugged.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimTransport implements AutoCloseable {

    private final Bc26Simulator simulator;
    private final @Nullable Path link;
    private final @Nullable ServerSocket server;
    private final AtomicReference<@Nullable PseudoTerminal> pty = new AtomicReference<>();
    private final AtomicReference<@Nullable Socket> socket = new AtomicReference<>();
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong bytesToHost = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytesFromHost = new java.util.concurrent.atomic.AtomicLong();

    private SimTransport(Bc26Simulator.Options options, @Nullable Path link, @Nullable ServerSocket server) {
        this.link = link;
        this.server = server;
        this.simulator = new Bc26Simulator(options, this::toHost);
    }

    /** A simulator on a new pseudo-terminal, reachable as {@code link}. */
    public static SimTransport onPseudoTerminal(Bc26Simulator.Options options, Path link) throws IOException {
        SimTransport transport = new SimTransport(options, link, null);
        transport.restoreLink();
        return transport;
    }

    /** A simulator on TCP {@code port} of the loopback interface (0 picks a free port). */
    public static SimTransport onTcp(Bc26Simulator.Options options, int port) throws IOException {
        ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        SimTransport transport = new SimTransport(options, null, server);
        Thread acceptor = new Thread(transport::acceptLoop, "bc26-sim-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
        return transport;
    }

    public Bc26Simulator simulator() {
        return simulator;
    }

    /** The name the driver opens: the symlink path or {@code socket://127.0.0.1:port}. */
    public String portName() {
        Path link = this.link;
        ServerSocket server = this.server;
        if (link != null) {
            return link.toString();
        }
        return "socket://127.0.0.1:" + (server == null ? 0 : server.getLocalPort());
    }

    /** Bytes the modem sent to the host so far. */
    public long bytesToHost() {
        return bytesToHost.get();
    }

    /** Bytes the host sent to the modem so far. */
    public long bytesFromHost() {
        return bytesFromHost.get();
    }

    private void fromHost(byte[] bytes, int length) {
        bytesFromHost.addAndGet(length);
        simulator.receive(bytes, length);
    }

    private void toHost(byte[] bytes) {
        bytesToHost.addAndGet(bytes.length);
        PseudoTerminal terminal = pty.get();
        if (terminal != null) {
            terminal.write(bytes);
            return;
        }
        Socket client = socket.get();
        if (client != null) {
            try {
                OutputStream out = client.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // host went away; bytes are lost as on a cut line
            }
        }
    }

    /** Cuts the line: the host sees its port disappear (pty hang-up, or the TCP connection closed). */
    public void cutLink() {
        PseudoTerminal terminal = pty.getAndSet(null);
        if (terminal != null) {
            terminal.close();
        }
        Socket client = socket.getAndSet(null);
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Plugs the line back in: a new pseudo-terminal behind the same symlink. */
    public void restoreLink() throws IOException {
        Path link = this.link;
        if (link == null) {
            return;
        }
        PseudoTerminal terminal = PseudoTerminal.open(this::fromHost);
        terminal.linkAs(link);
        PseudoTerminal old = pty.getAndSet(terminal);
        if (old != null) {
            old.close();
        }
    }

    private void acceptLoop() {
        ServerSocket server = this.server;
        while (running && server != null) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Socket old = socket.getAndSet(client);
                if (old != null) {
                    old.close();
                }
                Thread reader = new Thread(() -> readLoop(client), "bc26-sim-tcp-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readLoop(Socket client) {
        byte[] buffer = new byte[4096];
        try (InputStream in = client.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                fromHost(buffer, n);
            }
        } catch (IOException e) {
            // connection closed
        }
        socket.compareAndSet(client, null);
    }

    @Override
    public void close() {
        running = false;
        cutLink();
        ServerSocket server = this.server;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        Path link = this.link;
        if (link != null) {
            try {
                java.nio.file.Files.deleteIfExists(link);
            } catch (IOException e) {
                // best effort
            }
        }
        simulator.close();
    }
}
