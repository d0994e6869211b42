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
package org.openhab.binding.bc26.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of the {@code bc26:modem} bridge, mapped by {@code getConfigAs}; field names are the parameter names
 * of {@code OH-INF/thing/modem.xml}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class Bc26ModemConfiguration {

    /** Device path, {@code /dev/serial/by-id/...} link, or {@code socket://host:port} of the modem. */
    public String serialPort = "";
}
