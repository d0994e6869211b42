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
package org.openhab.binding.bc26.internal.modem.dialect;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;

/**
 * The modems the driver speaks to: BC26 and its NB-IoT successors with the same {@code AT+QMT*} family.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public enum ModemModel {
    /** Quectel BC26 (NB-IoT): the original; no length form, no length-shown receive, no TLS. */
    BC26,
    /** Quectel BC660K-GL (NB-IoT, Release 14): length-delimited publish, length-shown receive, client ids 0-4. */
    BC660K,
    /** Quectel BC260Y (NB-IoT): the BC660K's MQTT dialect. */
    BC260Y,
    /** Quectel BG95 (LTE-M, NB-IoT): exact-length publish, buffered receive read with AT+QMTRECV=. */
    BG95,
    /** Quectel BG96 (LTE-M, NB-IoT): the BG95's MQTT dialect. */
    BG96,
    /** Quectel BG77 (LTE-M, NB-IoT): the BG95's MQTT dialect. */
    BG77;

    /**
     * The model a modem names itself in its {@code ATI} answer ({@code Quectel_BC26}, {@code BC660K-GL},
     * {@code BC260Y-CN}), or empty for one the driver does not know.
     */
    public static Optional<ModemModel> identify(String reported) {
        String upper = reported.toUpperCase(Locale.ROOT);
        for (ModemModel model : values()) {
            // "BC26" must not match "BC260Y": the name ends where no digit follows
            if (Pattern.compile(model.name() + "(?![0-9])").matcher(upper).find()) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /**
     * The model a user named (configuration, command line), any case.
     *
     * @throws IllegalArgumentException for a name that is not a supported model
     */
    public static ModemModel named(String name) {
        for (ModemModel model : values()) {
            if (model.name().equalsIgnoreCase(name.trim())) {
                return model;
            }
        }
        throw SettingError.MODEL_UNKNOWN.with(name);
    }
}
