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
 * Receives what arrives on a {@link ModemLink}. Both methods are called on the link's reader thread and must not
 * block for long.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface LinkListener {

    /**
     * Bytes arrived from the modem.
     *
     * @param data buffer holding the bytes
     * @param length number of valid bytes at the start of {@code data}
     */
    void bytesReceived(byte[] data, int length);

    /**
     * The link is gone (adapter unplugged, EIO, far end closed). Called at most once per link.
     *
     * @param reason what happened, for the user
     */
    void linkLost(String reason);
}
