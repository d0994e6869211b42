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
 * Who the modem is: from ATI, AT+CGMR, AT+CGSN=1, AT+CIMI and AT+QCCID.
 *
 * @param manufacturer e.g. {@code Quectel_Ltd}
 * @param model e.g. {@code Quectel_BC26}
 * @param revision firmware, e.g. {@code BC26NBR01A01}
 * @param imei 15 digits
 * @param imsi of the SIM, null without a readable SIM
 * @param iccid of the SIM, null without a readable SIM
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record ModemIdentity(String manufacturer, String model, String revision, String imei, @Nullable String imsi,
        @Nullable String iccid) {
}
