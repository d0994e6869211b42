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
 * Opening or using a {@link ModemLink} failed; {@link #getKind()} says why in a way a user interface can translate.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a link could not be opened or used. */
    public enum Kind {
        /** The port name is malformed (e.g. {@code socket://} without a port). */
        INVALID_NAME,
        /** No such device (yet): unplugged adapter or wrong path. */
        PORT_NOT_FOUND,
        /** Another program holds the port. */
        PORT_IN_USE,
        /** The openHAB user may not open the device (Linux: add it to the {@code dialout} group). */
        PERMISSION_DENIED,
        /** The name is a file that is no serial port ({@code /dev/null}, a directory): a wrong name, not a busy port. */
        NOT_A_SERIAL_PORT,
        /** Any other I/O failure: EIO, connection refused, far end closed. */
        IO_ERROR
    }

    private final Kind kind;
    private final String port;

    public LinkException(Kind kind, String port, String message) {
        super(message);
        this.kind = kind;
        this.port = port;
    }

    public Kind getKind() {
        return kind;
    }

    /** The port name as the user wrote it. */
    public String getPort() {
        return port;
    }
}
