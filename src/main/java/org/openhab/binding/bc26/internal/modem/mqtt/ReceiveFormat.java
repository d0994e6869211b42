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
package org.openhab.binding.bc26.internal.modem.mqtt;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How the modem prints the payload of a received message ({@code AT+QMTCFG="dataformat",<id>,<send>,<recv>}).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public enum ReceiveFormat {
    /** Hex digits, one record per line: no payload can look like a modem line. The default. */
    HEX,
    /** Raw text: a payload can hold line breaks and lines that look like the modem's own. */
    TEXT,
    /**
     * Raw text with its length shown (BC660K, BC260Y; BG95, BG96, BG77 unless buffered): read by its length, so it is
     * exact and no payload can look like a modem line. Chosen by the driver where the model has it.
     */
    LENGTH,
    /**
     * Kept in the modem until read, then printed with its length (BG95, BG96, BG77, when asked for): exact, and a host
     * that was slow or missed the announcement still gets it; but only five messages wait, a burst of more is lost.
     */
    BUFFERED;

    /** The configuration and command-line word: {@code hex} or {@code text}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
