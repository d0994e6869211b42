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
import org.eclipse.jdt.annotation.Nullable;

/**
 * Network registration from {@code +CEREG}. The read form is {@code +CEREG: <n>,<stat>[,"<tac>","<ci>",<AcT>...]},
 * the URC form one field shorter: {@code +CEREG: <stat>[,"<tac>","<ci>",<AcT>]} (protocol reference §6.9).
 *
 * @param state the registration state
 * @param trackingAreaCode hex TAC, or null
 * @param cellId hex cell id, or null
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record Registration(State state, @Nullable String trackingAreaCode, @Nullable String cellId) {

    /** {@code <stat>} of +CEREG. */
    public enum State {
        NOT_REGISTERED(0),
        REGISTERED_HOME(1),
        SEARCHING(2),
        DENIED(3),
        UNKNOWN(4),
        REGISTERED_ROAMING(5);

        private final int code;

        State(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** Whether the modem can carry data. */
        public boolean isRegistered() {
            return this == REGISTERED_HOME || this == REGISTERED_ROAMING;
        }

        static State of(int code) {
            for (State state : values()) {
                if (state.code == code) {
                    return state;
                }
            }
            return UNKNOWN;
        }
    }

    /** Parses the value of the read form {@code AT+CEREG?}. */
    public static Registration parseRead(String value) {
        String[] fields = Fields.split(value);
        if (fields.length < 2) {
            throw new IllegalArgumentException("Malformed +CEREG: " + value);
        }
        return of(fields, 1);
    }

    /** Parses the value of the URC. */
    public static Registration parseUrc(String value) {
        String[] fields = Fields.split(value);
        if (fields.length < 1 || fields[0].isEmpty()) {
            throw new IllegalArgumentException("Malformed +CEREG: " + value);
        }
        return of(fields, 0);
    }

    private static Registration of(String[] fields, int statIndex) {
        State state = State.of(Fields.integer(fields[statIndex], "registration state"));
        String tac = fields.length > statIndex + 1 ? Fields.unquote(fields[statIndex + 1]) : null;
        String ci = fields.length > statIndex + 2 ? Fields.unquote(fields[statIndex + 2]) : null;
        return new Registration(state, tac == null || tac.isEmpty() ? null : tac, ci == null || ci.isEmpty() ? null : ci);
    }
}
