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

import static org.openhab.binding.bc26.internal.Bc26BindingConstants.THING_TYPE_MODEM;

import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.config.discovery.usbserial.UsbSerialDeviceInformation;
import org.openhab.core.config.discovery.usbserial.UsbSerialDiscoveryParticipant;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;

/**
 * BG95, BG96 and BG77 modules on their own USB (Quectel's vendor id 0x2C7C) offered in the inbox with their AT port,
 * through openHAB's USB serial discovery. Such a module shows several serial ports, one per USB interface (diagnostics,
 * GNSS, AT commands, PPP); only interface 2, the AT command port on these models, becomes a bridge. BC26, BC660K and
 * BC260Y have no USB of their own: they sit behind generic USB serial chips that cannot be told apart from other
 * devices, so they are added by hand.
 * <p>
 * An optional service: where openHAB's USB serial discovery is not installed, its package is missing, this component
 * is not started and the rest of the binding works as before.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = UsbSerialDiscoveryParticipant.class)
public class QuectelUsbDiscoveryParticipant implements UsbSerialDiscoveryParticipant {

    /** Quectel's USB vendor id. */
    static final int QUECTEL_VENDOR_ID = 0x2C7C;
    /** BG96 (Linux's option driver table). */
    static final int PRODUCT_BG96 = 0x0296;
    /** BG95 and BG77 share one product id (Linux's option driver table): the model is read from the modem. */
    static final int PRODUCT_BG95_BG77 = 0x0700;
    /** The USB interface of the AT command port on BG95, BG96 and BG77 (the third serial port, ttyUSB2 alone). */
    static final int AT_INTERFACE = 2;

    @Override
    public Set<ThingTypeUID> getSupportedThingTypeUIDs() {
        return Set.of(THING_TYPE_MODEM);
    }

    @Override
    public @Nullable DiscoveryResult createResult(UsbSerialDeviceInformation device) {
        ThingUID uid = getThingUID(device);
        if (uid == null) {
            return null;
        }
        boolean bg96 = device.getProductId() == PRODUCT_BG96;
        return DiscoveryResultBuilder.create(uid).withThingType(THING_TYPE_MODEM)
                .withLabel(bg96 ? "Quectel BG96 modem" : "Quectel BG95/BG77 modem")
                .withProperty("serialPort", device.getSerialPort())
                .withProperty("modemModel", bg96 ? "BG96" : "auto").withRepresentationProperty("serialPort")
                .build();
    }

    @Override
    public @Nullable ThingUID getThingUID(UsbSerialDeviceInformation device) {
        if (device.getVendorId() != QUECTEL_VENDOR_ID
                || (device.getProductId() != PRODUCT_BG96 && device.getProductId() != PRODUCT_BG95_BG77)
                || device.getInterfaceNumber() != AT_INTERFACE) {
            return null;
        }
        return new ThingUID(THING_TYPE_MODEM, idOf(device));
    }

    /** The module's USB serial number (stable across ports and re-plugging), else its port name, as a UID segment. */
    private static String idOf(UsbSerialDeviceInformation device) {
        String serial = device.getSerialNumber();
        String base = serial != null && !serial.isBlank() ? serial : device.getSerialPort();
        String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return id.isEmpty() ? "usb" : id;
    }
}
