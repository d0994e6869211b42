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
package org.openhab.binding.bc26.internal.modem.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A raw TCP connection to a serial server (ser2net in raw mode, or the simulator): {@code socket://host:port}.
 * A socket read blocks, so this link owns one daemon reader thread, as openHAB's DSMR binding does for its serial
 * reader; it ends when the link is closed.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SocketModemLink implements ModemLink {

    /** URI scheme of raw TCP links. */
    public static final String SCHEME = "socket://";
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final OutputStream out;
    private final String name;
    private final LinkListener listener;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private SocketModemLink(Socket socket, String name, LinkListener listener) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.name = name;
        this.listener = listener;
    }

    /**
     * Connects to {@code socket://host:port}.
     *
     * @param name the URI
     * @param listener receives bytes and link loss
     * @return the connected link
     * @throws LinkException if the name is malformed or the connection fails
     */
    public static SocketModemLink open(String name, LinkListener listener) throws LinkException {
        if (!name.startsWith(SCHEME)) {
            throw new LinkException(LinkException.Kind.INVALID_NAME, name, name + " is not a socket:// address");
        }
        String hostPort = name.substring(SCHEME.length());
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new LinkException(LinkException.Kind.INVALID_NAME, name,
                    "Expected socket://host:port, got " + name);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new LinkException(LinkException.Kind.INVALID_NAME, name, "Invalid TCP port in " + name);
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            SocketModemLink link = new SocketModemLink(socket, name, listener);
            link.startReader();
            return link;
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new LinkException(LinkException.Kind.PORT_NOT_FOUND, name, "Unknown host " + host);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new LinkException(LinkException.Kind.PORT_NOT_FOUND, name,
                    "No serial server at " + name + ": " + e.getMessage());
        } catch (IOException e) {
            closeQuietly(socket);
            throw new LinkException(LinkException.Kind.IO_ERROR, name, "Cannot connect to " + name + ": " + e);
        }
    }

    private void startReader() {
        Thread reader = new Thread(this::readLoop, "OH-bc26-socket-" + name.substring(SCHEME.length()));
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        String reason = "serial server " + name + " closed the connection";
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    listener.bytesReceived(buffer, n);
                }
            }
        } catch (IOException e) {
            reason = "connection to " + name + " failed: " + e.getMessage();
        }
        if (open.compareAndSet(true, false)) {
            closeQuietly(socket);
            listener.linkLost(reason);
        }
    }

    @Override
    public void write(byte[] data) throws LinkException {
        if (!open.get()) {
            throw new LinkException(LinkException.Kind.IO_ERROR, name, "Connection to " + name + " is closed");
        }
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new LinkException(LinkException.Kind.IO_ERROR, name, "Writing to " + name + " failed: " + e);
        }
    }

    @Override
    public int bytesWaiting() {
        try {
            return socket.isClosed() ? 0 : socket.getInputStream().available();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
