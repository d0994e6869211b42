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
package org.openhab.binding.bc26.internal.modem.network;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The answer of {@code AT+CPIN?}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public enum SimState {
    READY,
    PIN_REQUIRED,
    PUK_REQUIRED,
    /** No SIM, or the SIM cannot be read ({@code +CME ERROR: 10} or {@code 13}). */
    NOT_INSERTED,
    /** Another code ({@code PH-SIM PIN}, {@code SIM PIN2}, ...). */
    OTHER;

    /** Parses the value after {@code +CPIN:}. */
    public static SimState parse(String value) {
        return switch (value.trim().toUpperCase()) {
            case "READY" -> READY;
            case "SIM PIN" -> PIN_REQUIRED;
            case "SIM PUK" -> PUK_REQUIRED;
            default -> OTHER;
        };
    }
}
