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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.network.Registration;
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

    /** Asks the modem (several AT commands) and reports what it said. */
    public static Json of(Bc26Modem modem) throws AtException {
        ModemIdentity identity = modem.identity();
        Json json = Json.object().put("manufacturer", identity.manufacturer()).put("model", identity.model())
                .put("revision", identity.revision()).put("imei", identity.imei()).put("imsi", identity.imsi())
                .put("iccid", identity.iccid()).put("sim", modem.simState().name())
                .put("dialect", ModemModel.identify(identity.model()).map(Enum::name).orElse("BC26 (model unknown)"));
        Registration registration = modem.registration();
        SignalQuality signal = modem.signal();
        // AT+CEREG? names the cell only in its verbose modes; the serving cell (AT+QENG=0) always does.
        String cellId = modem.servingCell().map(cell -> cell.cellId()).orElse(registration.cellId());
        return json.put("registration", registration.state().name()).put("cellId", cellId)
                .put("attached", modem.attached()).put("rssiDbm", signal.rssiDbm()).put("rsrpDbm", signal.rsrpDbm())
                .put("rsrqDb", signal.rsrqDb());
    }
}
