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
package org.openhab.binding.bc26.internal.cli;

import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.network.Registration;
import org.openhab.binding.bc26.internal.modem.network.ServingCell;
import org.openhab.binding.bc26.internal.modem.network.SignalQuality;

/**
 * What {@code probe} prints about a modem (identity, the dialect its model gets, SIM, registration, cell, signal),
 * with the same words for the command line and the openHAB console.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ProbeReport {

    private ProbeReport() {
    }

    /**
     * Asks the modem (several AT commands) and reports what it said. A read that times out is asked once more (the
     * engine proves its answers in step before that); what it still could not read is reported as absent (null).
     *
     * @throws AtException if the modem answers not even its identity, or fails otherwise than by a timeout
     */
    public static Json of(Bc26Modem modem) throws AtException {
        ModemIdentity identity = readTwice(modem::identity);
        if (identity == null) {
            throw new AtException(AtException.Kind.TIMEOUT, "The modem did not tell its identity, asked twice");
        }
        Json json = Json.object().put("manufacturer", identity.manufacturer()).put("model", identity.model())
                .put("revision", identity.revision()).put("imei", identity.imei()).put("imsi", identity.imsi())
                .put("iccid", identity.iccid()).put("sim", name(readTwice(modem::simState)))
                .put("dialect", ModemModel.identify(identity.model()).map(Enum::name).orElse("BC26 (model unknown)"));
        Registration registration = readTwice(modem::registration);
        SignalQuality signal = readTwice(modem::signal);
        // AT+CEREG? names the cell only in its verbose modes; the serving cell (AT+QENG=0) always does.
        Optional<ServingCell> cell = readTwice(modem::servingCell);
        String cellId = cell != null && cell.isPresent() ? cell.get().cellId()
                : registration != null ? registration.cellId() : null;
        return json.put("registration", registration == null ? null : registration.state().name())
                .put("cellId", cellId).put("attached", readTwice(modem::attached))
                .put("rssiDbm", signal == null ? null : signal.rssiDbm())
                .put("rsrpDbm", signal == null ? null : signal.rsrpDbm())
                .put("rsrqDb", signal == null ? null : signal.rsrqDb());
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** One read of the modem. */
    interface Read<T> {
        T read() throws AtException;
    }

    /** The read's value; asked again once after a timeout; null if it timed out twice. */
    static <T> @Nullable T readTwice(Read<T> read) throws AtException {
        for (int attempt = 1;; attempt++) {
            try {
                return read.read();
            } catch (AtException e) {
                if (e.getKind() != AtException.Kind.TIMEOUT) {
                    throw e;
                }
                if (attempt == 2) {
                    return null;
                }
            }
        }
    }
}
