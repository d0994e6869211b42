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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One owner per modem port, whatever name the port is given under.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class PortClaimsTest {

    @Test
    void aPortHasOneOwnerUntilItIsReleased(@TempDir Path dir) throws Exception {
        Path device = Files.createFile(dir.resolve("ttyUSB0"));
        Path byId = Files.createSymbolicLink(dir.resolve("usb-1a86_USB_Serial-if00-port0"), device);
        PortClaims claims = new PortClaims();
        assertEquals(Optional.empty(), claims.claim(device.toString(), "bc26:modem:a"));
        assertEquals(Optional.empty(), claims.claim(device.toString(), "bc26:modem:a"), "again by its owner");
        assertEquals(Optional.of("bc26:modem:a"), claims.claim(byId.toString(), "bc26:modem:b"),
                "the by-id link is the same port");
        claims.release(byId.toString(), "bc26:modem:b");
        assertEquals(Optional.of("bc26:modem:a"), claims.claim(device.toString(), "bc26:modem:b"),
                "only the owner gives it up");
        claims.release(device.toString(), "bc26:modem:a");
        assertEquals(Optional.empty(), claims.claim(byId.toString(), "bc26:modem:b"));
    }

    @Test
    void networkLinksAreKnownByTheirAddress() {
        PortClaims claims = new PortClaims();
        assertEquals(Optional.empty(), claims.claim("socket://Modem.local:2000", "bc26:modem:a"));
        assertEquals(Optional.of("bc26:modem:a"), claims.claim("socket://modem.local:2000 ", "bc26:modem:b"));
        assertEquals(Optional.empty(), claims.claim("socket://modem.local:2001", "bc26:modem:b"));
    }
}
