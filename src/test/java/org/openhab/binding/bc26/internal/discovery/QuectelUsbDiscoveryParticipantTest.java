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
package org.openhab.binding.bc26.internal.discovery;

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.usbserial.UsbSerialDeviceInformation;

/**
 * A Quectel module on its own USB is offered once, with its AT port; its other ports and other vendors' devices are
 * not offered.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class QuectelUsbDiscoveryParticipantTest {

    private final QuectelUsbDiscoveryParticipant participant = new QuectelUsbDiscoveryParticipant();

    private static UsbSerialDeviceInformation usb(int vendor, int product, @Nullable String serial, int interfaceNumber,
            String port) {
        return new UsbSerialDeviceInformation(vendor, product, serial, "Quectel", "BG96", interfaceNumber, null, port);
    }

    @Test
    void aBg96IsOfferedWithItsAtPortAndModel() {
        DiscoveryResult result = participant.createResult(usb(0x2C7C, 0x0296, "A1B2:C3", 2, "/dev/ttyUSB2"));
        assertNotNull(result);
        assertEquals("bc26:modem:a1b2_c3", result.getThingUID().getAsString(), "from the USB serial number");
        assertEquals(Bc26BindingConstants.THING_TYPE_MODEM, result.getThingTypeUID());
        assertEquals("/dev/ttyUSB2", result.getProperties().get("serialPort"));
        assertEquals("BG96", result.getProperties().get("modemModel"));
        assertEquals("serialPort", result.getRepresentationProperty());
        assertEquals("Quectel BG96 modem", result.getLabel());
    }

    @Test
    void aBg95OrBg77IsReadFromTheModemAndAModuleWithoutSerialNumberIsNamedByItsPort() {
        DiscoveryResult result = participant.createResult(usb(0x2C7C, 0x0700, null, 2, "/dev/ttyUSB6"));
        assertNotNull(result);
        assertEquals("auto", result.getProperties().get("modemModel"), "BG95 and BG77 share the product id");
        assertEquals("bc26:modem:_dev_ttyusb6", result.getThingUID().getAsString());
    }

    @Test
    void otherPortsOfTheModuleAndOtherDevicesAreNotOffered() {
        for (int other : new int[] { 0, 1, 3 }) {
            assertNull(participant.createResult(usb(0x2C7C, 0x0296, "X", other, "/dev/ttyUSB" + other)),
                    "interface " + other + " is diagnostics, GNSS or PPP, not AT");
        }
        assertNull(participant.createResult(usb(0x1A86, 0x7523, null, 0, "/dev/ttyUSB0")),
                "a CH340 adapter: could be anything");
        assertNull(participant.createResult(usb(0x2C7C, 0x0125, "X", 2, "/dev/ttyUSB2")),
                "an EC25 (another Quectel module, not a model this binding speaks)");
        assertNull(participant.getThingUID(usb(0x0403, 0x6001, "FT1", 2, "/dev/ttyUSB2")));
    }
}
