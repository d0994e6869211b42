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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Opens the right kind of link for a port name: {@code socket://host:port} or a serial device path.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ModemLinks {

    private ModemLinks() {
    }

    /** {@code 127.0.0.1:5000} or {@code gateway.local:4001}: a serial server given without its scheme. */
    private static final java.util.regex.Pattern HOST_AND_PORT = java.util.regex.Pattern
            .compile("[A-Za-z0-9.\\-]+:[0-9]{1,5}");

    /**
     * Opens a link.
     *
     * @param port device path, symlink, or {@code socket://host:port}
     * @param settings serial line settings (ignored for sockets)
     * @param listener receives bytes and link loss
     * @return the open link
     * @throws LinkException when the link cannot be opened
     */
    public static ModemLink open(String port, SerialSettings settings, LinkListener listener) throws LinkException {
        String trimmed = port.trim();
        if (trimmed.isEmpty()) {
            throw new LinkException(LinkException.Kind.INVALID_NAME, port, "No serial port given");
        }
        if (trimmed.startsWith(SocketModemLink.SCHEME)) {
            return SocketModemLink.open(trimmed, listener);
        }
        if (trimmed.contains("://")) {
            throw new LinkException(LinkException.Kind.INVALID_NAME, port,
                    "Unsupported port " + port + ": use a device path or socket://host:port");
        }
        if (HOST_AND_PORT.matcher(trimmed).matches()) {
            throw new LinkException(LinkException.Kind.INVALID_NAME, port,
                    "Port " + port + " looks like a network address: use socket://" + trimmed);
        }
        return SerialModemLink.open(trimmed, settings, listener);
    }
}
