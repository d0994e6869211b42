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
        return SerialModemLink.open(trimmed, settings, listener);
    }
}
