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
package org.openhab.binding.bc26.internal.modem.at;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Receives what the modem says on its own. Called on the link's reader thread: do not block.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface AtEventListener {

    /** A listener that ignores everything: for one-shot uses of an engine (a probe, a raw command). */
    AtEventListener IGNORE = new AtEventListener() {
        @Override
        public void urc(AtLine line) {
        }

        @Override
        public void modemRestarted() {
        }

        @Override
        public void claimToVerify(AtLine line) {
        }

        @Override
        public void linkLost(String reason) {
        }
    };

    /** An unsolicited result code ({@code +QMTRECV}, {@code +QMTSTAT}, {@code +CEREG}, ...). */
    void urc(AtLine line);

    /** The modem printed its boot banner: it restarted and lost all state. */
    void modemRestarted();

    /**
     * A {@code +QMTSTAT} or a boot banner line that may be payload text of a {@code +QMTRECV} record rather than the
     * modem's own (see {@link AtLine.Trust}): ask the modem (AT+QMTCONN?, AT) before ending the session on it. Never
     * blocks the caller; the check runs elsewhere.
     */
    void claimToVerify(AtLine line);

    /**
     * The modem has answered none of the last {@link AtEngine#SILENT_AFTER} commands and step checks: its AT task hangs
     * (the MQTT client inside it may live on and print no +QMTSTAT). Told once per silent spell; nothing is closed.
     */
    default void modemSilent(String reason) {
    }

    /** The serial link is gone; the engine is closed and every pending command failed. */
    void linkLost(String reason);
}
