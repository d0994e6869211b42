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
 * A byte pipe to the modem: a serial port or a TCP connection to a serial server. Implementations deliver received
 * bytes and loss of the link to the {@link LinkListener} given at open time.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface ModemLink extends AutoCloseable {

    /**
     * Writes all bytes.
     *
     * @param data the bytes
     * @throws LinkException if the link is closed or lost
     */
    void write(byte[] data) throws LinkException;

    /**
     * Bytes received and not yet read by the link's reader: more than 0 means the line is not quiet, whatever the
     * reader's timing says (a reader held up by the host is not a modem that stopped printing).
     */
    default int bytesWaiting() {
        return 0;
    }

    /** A name for logs and messages, e.g. {@code /dev/ttyUSB0}. */
    String describe();

    /** Closes the link; never throws; idempotent. No listener call follows. */
    @Override
    void close();
}
