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
 * A command did not succeed; {@link #getKind()} says how.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class AtException extends Exception {

    private static final long serialVersionUID = 1L;

    /** How a command failed. */
    public enum Kind {
        /** No final answer within the command's time. */
        TIMEOUT,
        /** The modem answered {@code ERROR} (BC26 MQTT write commands report every error this way). */
        ERROR,
        /** The modem answered {@code +CME ERROR: <n>}; see {@link #getCmeError()}. */
        CME_ERROR,
        /** The answer could not be understood. */
        UNEXPECTED_ANSWER,
        /** The link to the modem was lost while the command was pending. */
        LINK_LOST,
        /** The engine was closed. */
        CLOSED,
        /** The modem restarted while the command was pending. */
        MODEM_RESTARTED
    }

    private final Kind kind;
    private final int cmeError;
    private final boolean written;

    public AtException(Kind kind, String message) {
        this(kind, message, -1);
    }

    public AtException(Kind kind, String message, int cmeError) {
        this(kind, message, cmeError, true);
    }

    private AtException(Kind kind, String message, int cmeError, boolean written) {
        super(message);
        this.kind = kind;
        this.cmeError = cmeError;
        this.written = written;
    }

    /** A command the engine gave up on before writing it: the modem never saw it and will never answer it. */
    public static AtException unsent(Kind kind, String message) {
        return new AtException(kind, message, -1, false);
    }

    /**
     * Whether the command may have reached the modem: false only for one failed before it was written, whose answer
     * can therefore never come late.
     */
    public boolean wasWritten() {
        return written;
    }

    public Kind getKind() {
        return kind;
    }

    /** The +CME ERROR code, or -1. */
    public int getCmeError() {
        return cmeError;
    }
}
