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
package org.openhab.core.config.discovery.usbserial;

import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB core 5.2.1 {@code UsbSerialDeviceInformation}: what the USB serial discovery tells a
 * participant of one USB interface with a serial port.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class UsbSerialDeviceInformation {

    private final int vendorId;
    private final int productId;
    private final @Nullable String serialNumber;
    private final @Nullable String manufacturer;
    private final @Nullable String product;
    private final int interfaceNumber;
    private final @Nullable String interfaceDescription;
    private final String serialPort;
    private boolean remote;

    public UsbSerialDeviceInformation(int vendorId, int productId, @Nullable String serialNumber,
            @Nullable String manufacturer, @Nullable String product, int interfaceNumber,
            @Nullable String interfaceDescription, String serialPort) {
        this.vendorId = vendorId;
        this.productId = productId;
        this.serialNumber = serialNumber;
        this.manufacturer = manufacturer;
        this.product = product;
        this.interfaceNumber = interfaceNumber;
        this.interfaceDescription = interfaceDescription;
        this.serialPort = serialPort;
    }

    public int getVendorId() {
        return vendorId;
    }

    public int getProductId() {
        return productId;
    }

    public @Nullable String getSerialNumber() {
        return serialNumber;
    }

    public @Nullable String getManufacturer() {
        return manufacturer;
    }

    public @Nullable String getProduct() {
        return product;
    }

    public int getInterfaceNumber() {
        return interfaceNumber;
    }

    public @Nullable String getInterfaceDescription() {
        return interfaceDescription;
    }

    public String getSerialPort() {
        return serialPort;
    }

    public boolean getRemote() {
        return remote;
    }

    public UsbSerialDeviceInformation setRemote(boolean remote) {
        this.remote = remote;
        return this;
    }

    @Override
    public int hashCode() {
        return Objects.hash(vendorId, productId, serialNumber, manufacturer, product, interfaceNumber,
                interfaceDescription, serialPort, remote);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof UsbSerialDeviceInformation other && vendorId == other.vendorId
                && productId == other.productId && interfaceNumber == other.interfaceNumber && remote == other.remote
                && Objects.equals(serialNumber, other.serialNumber) && Objects.equals(manufacturer, other.manufacturer)
                && Objects.equals(product, other.product)
                && Objects.equals(interfaceDescription, other.interfaceDescription)
                && serialPort.equals(other.serialPort);
    }

    @Override
    public String toString() {
        return "UsbSerialDeviceInformation [vendorId=" + vendorId + ", productId=" + productId + ", serialPort="
                + serialPort + "]";
    }
}
