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
package org.openhab.binding.bc26.internal.modem;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.setting.InvalidSettingException;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;

/**
 * Why the modem session is not up, decoded so a user interface can say what to do.
 *
 * @param kind the cause
 * @param detail what happened in English, for logs, the command line and the English status description
 * @param evidence what the modem or the system said, in its own tokens and no language (a result code, a port
 *            name, a registration state): the detail a translated status description carries; empty when there is
 *            nothing beyond the kind
 * @param setting for a setting that cannot work, which one and how, so the status can name it in any language
 * @param settingArguments the arguments of {@code setting}'s wording
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record SessionFailure(Kind kind, String detail, String evidence, @Nullable SettingError setting,
        List<String> settingArguments) {

    public SessionFailure(Kind kind, String detail) {
        this(kind, detail, "", null, List.of());
    }

    public SessionFailure(Kind kind, String detail, String evidence) {
        this(kind, detail, evidence, null, List.of());
    }

    /** A setting that cannot work: a configuration failure told by its wording. */
    public static SessionFailure misconfigured(InvalidSettingException e) {
        return new SessionFailure(Kind.CONFIGURATION, String.valueOf(e.getMessage()), "", e.getError(),
                e.getArguments());
    }

    /**
     * Whether only the user can fix this (the configuration, the SIM's PIN, the broker's account, a host name that
     * does not resolve, the port's permissions): trying again cannot help, so it is a configuration error, and the
     * command line stops at once.
     */
    public boolean needsTheUser() {
        return switch (kind) {
            case CONFIGURATION, SIM_PIN_REQUIRED, SIM_PIN_WRONG, SIM_PUK_REQUIRED, CONNECTION_REFUSED, DNS_FAILED,
                    PERMISSION_DENIED, NOT_A_SERIAL_PORT ->
                true;
            default -> false;
        };
    }

    /** Causes, each with one piece of advice in the README's troubleshooting table. */
    public enum Kind {
        /** The configuration cannot work (invalid port name, bad MQTT settings). */
        CONFIGURATION,
        PORT_NOT_FOUND,
        PORT_IN_USE,
        PERMISSION_DENIED,
        /** The port name is a file that is no serial port ({@code /dev/null}). */
        NOT_A_SERIAL_PORT,
        /** The link failed or was lost (EIO, unplugged, serial server gone). */
        LINK_FAILED,
        /** Nothing answers AT on the port (wrong port or baud rate, modem off). */
        NO_ANSWER,
        SIM_MISSING,
        SIM_PIN_REQUIRED,
        SIM_PUK_REQUIRED,
        SIM_PIN_WRONG,
        /** Not registered to the cell network within the time allowed. */
        NOT_REGISTERED,
        REGISTRATION_DENIED,
        PDP_ACTIVATION_FAILED,
        DNS_FAILED,
        BROKER_UNREACHABLE,
        /** CONNACK refused; the detail names the reason. */
        CONNECTION_REFUSED,
        /** CONNECT timed out or was cut by the broker. */
        CONNECT_FAILED,
        SUBSCRIPTION_REJECTED,
        /** The modem closed the MQTT connection (+QMTSTAT). */
        CONNECTION_LOST,
        /** The modem rebooted by itself. */
        MODEM_RESTARTED,
        /** The modem answered something else than expected. */
        MODEM_ERROR
    }
}
