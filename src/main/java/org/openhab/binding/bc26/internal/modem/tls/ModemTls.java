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
package org.openhab.binding.bc26.internal.modem.tls;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtException;

/**
 * How one family of modems takes certificates and switches an MQTT client to TLS.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface ModemTls {

    /**
     * Puts the certificates into the modem (on the caller's thread: the session's own).
     *
     * @throws AtException when the modem refuses one
     */
    void upload(AtEngine engine, TlsMaterial material) throws AtException;

    /**
     * Whether the modem still holds these certificates from an earlier upload, where it can tell (files of its file
     * system, BG95/BG96/BG77); false where it cannot (BC660K keeps no file to look at).
     */
    default boolean holds(AtEngine engine, TlsMaterial material) throws AtException {
        return false;
    }

    /** The commands that make MQTT client {@code connectId} open its next connection with TLS, before AT+QMTOPEN. */
    List<AtCommand> enable(int connectId, TlsMaterial material);

    /** The command that makes MQTT client {@code connectId} open plain connections again. */
    AtCommand disable(int connectId);
}
