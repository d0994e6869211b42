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
package org.openhab.binding.bc26.internal.handler;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Maps a decoded session failure to openHAB's status detail and a translated description
 * ({@code offline.<kind>} in the i18n files, with the modem's own words as parameter).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class FailureStatus {

    private FailureStatus() {
    }

    /** Failures the user must fix in the configuration or on site; the rest are communication errors. */
    static ThingStatusDetail detail(SessionFailure failure) {
        return failure.needsTheUser() ? ThingStatusDetail.CONFIGURATION_ERROR : ThingStatusDetail.COMMUNICATION_ERROR;
    }

    /**
     * {@code @text/offline.port-not-found ["detail"]}; a network link ({@code socket://}, {@code rfc2217://}) that is
     * not there is told in network words ({@code offline.link-unreachable}), not as a missing serial port.
     */
    static String description(SessionFailure failure, String port) {
        String key = failure.kind() == SessionFailure.Kind.PORT_NOT_FOUND && port.contains("://")
                ? "offline.link-unreachable"
                : key(failure.kind());
        return "@text/" + key + " [\"" + failure.detail().replace('"', '\'') + "\"]";
    }

    /** The i18n key of a failure kind. */
    static String key(SessionFailure.Kind kind) {
        return "offline." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
