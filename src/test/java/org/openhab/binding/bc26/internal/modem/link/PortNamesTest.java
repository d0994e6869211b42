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
package org.openhab.binding.bc26.internal.modem.link;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stable name of a port named in plug order: which names are plug-order names, and the lookup of the
 * {@code /dev/serial/by-id/}-style link that points at a device (a folder of links made by the test).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class PortNamesTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    @Test
    void plugOrderNamesAreTheKernelsNumberedOnes() {
        assertTrue(PortNames.isPlugOrderName("/dev/ttyUSB0"));
        assertTrue(PortNames.isPlugOrderName("/dev/ttyACM12"));
        assertFalse(PortNames.isPlugOrderName("/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K1Z2X-if00-port0"));
        assertFalse(PortNames.isPlugOrderName("/dev/ttyS0"), "a built-in UART keeps its name");
        assertFalse(PortNames.isPlugOrderName("COM3"));
        assertFalse(PortNames.isPlugOrderName("socket://192.168.1.20:4001"));
    }

    @Test
    void theLinkPointingAtTheDeviceIsFoundAndNoOther() throws Exception {
        Path byId = Files.createDirectories(dir.resolve("by-id"));
        Path device = Files.createFile(dir.resolve("ttyUSB0"));
        Path other = Files.createFile(dir.resolve("ttyUSB1"));
        Path link = Files.createSymbolicLink(byId.resolve("usb-FTDI_FT232R_USB_UART_A10K1Z2X-if00-port0"), device);
        Files.createSymbolicLink(byId.resolve("usb-Silicon_Labs_CP2102-if00-port0"), other);
        assertEquals(Optional.of(link.toString()), PortNames.linkTo(device.toRealPath(), byId));
        assertEquals(Optional.empty(), PortNames.linkTo(Files.createFile(dir.resolve("ttyUSB2")).toRealPath(), byId));
        assertEquals(Optional.empty(), PortNames.linkTo(device.toRealPath(), dir.resolve("missing")));
    }

    @Test
    void aPortThatIsNoPlugOrderNameOrDoesNotExistGetsNoAdvice() {
        assertEquals(Optional.empty(), PortNames.stableNameFor("/dev/serial/by-id/usb-x", dir));
        assertEquals(Optional.empty(), PortNames.stableNameFor("/dev/ttyUSB987", dir), "no such device");
    }
}
