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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;

/**
 * Line settings of a serial port. BC26 uses 8N1; the baud rate is auto-detected by the modem from the first
 * {@code AT} lines (4800, 9600 or 115200) unless fixed with {@code AT+IPR}.
 *
 * @param baudRate bits per second
 * @param dataBits 5 to 8
 * @param parity parity
 * @param stopBits 1 or 2
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record SerialSettings(int baudRate, int dataBits, Parity parity, int stopBits) {

    /** The modem's default line: 115200 8N1. */
    public static final SerialSettings DEFAULT = new SerialSettings(115200, 8, Parity.NONE, 1);

    /** Serial parity. */
    public enum Parity {
        NONE,
        ODD,
        EVEN,
        MARK,
        SPACE
    }

    public SerialSettings {
        if (baudRate < 300 || baudRate > 4_000_000) {
            throw SettingError.BAUD_RATE_RANGE.with(baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw SettingError.DATA_BITS_RANGE.with(dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw SettingError.STOP_BITS_RANGE.with(stopBits);
        }
    }

    /** Same settings with another baud rate. */
    public SerialSettings withBaudRate(int newBaudRate) {
        return new SerialSettings(newBaudRate, dataBits, parity, stopBits);
    }
}
