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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How a serial port is named on each platform: Linux and macOS name a device file ({@code /dev/ttyUSB0},
 * {@code /dev/serial/by-id/...}, {@code /dev/cu.usbserial-1410}), whose presence can be checked before opening it;
 * Windows names a port ({@code COM3}, {@code \\.\COM12}) that is no file at all and only the serial library can
 * find.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PortNames {

    private static final Pattern WINDOWS_PORT = Pattern.compile("(\\\\\\\\\\.\\\\)?COM[1-9][0-9]{0,2}");

    private PortNames() {
    }

    /** A Windows port name such as {@code COM3} or {@code \\.\COM12} (any letter case). */
    public static boolean isWindowsPort(String name) {
        return WINDOWS_PORT.matcher(name.trim().toUpperCase(Locale.ROOT)).matches();
    }

    /** A device file path (Linux, macOS and other Unix systems), which exists while the device is there. */
    public static boolean isDevicePath(String name) {
        return !isWindowsPort(name);
    }

    /**
     * The {@code /dev/serial/by-id/} link that points at {@code port} when {@code port} is a name the kernel hands out
     * in plug order ({@code /dev/ttyUSB0}, {@code /dev/ttyACM1}): after a re-plug or a reboot another adapter may get
     * that name, while the by-id link follows the adapter. Empty when {@code port} is already stable, or no link
     * points at it.
     */
    public static Optional<String> stableNameFor(String port) {
        return stableNameFor(port, Path.of("/dev/serial/by-id"));
    }

    static Optional<String> stableNameFor(String port, Path byIdFolder) {
        if (!isPlugOrderName(port)) {
            return Optional.empty();
        }
        try {
            return linkTo(Path.of(port.trim()).toRealPath(), byIdFolder);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code /dev/ttyUSB<n>} or {@code /dev/ttyACM<n>}: given by the kernel in the order adapters appear. */
    static boolean isPlugOrderName(String port) {
        return port.trim().matches("/dev/tty(USB|ACM)\\d+");
    }

    /** The first link (by name) in {@code folder} that resolves to {@code device}. */
    static Optional<String> linkTo(Path device, Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> links = Files.list(folder)) {
            return links.filter(link -> {
                try {
                    return link.toRealPath().equals(device);
                } catch (IOException e) {
                    return false;
                }
            }).map(Path::toString).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
