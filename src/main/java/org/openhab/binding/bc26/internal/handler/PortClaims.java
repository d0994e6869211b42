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

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.service.component.annotations.Component;

/**
 * Which bridge owns which modem port, one owner per port: a second bridge on the port of a running one would take the
 * line over (the first one's answers would go to the second), so it is refused with the owner's name instead. One
 * instance per binding, a service of its own that the handler factory and the serial port scan share (the scan never
 * touches a port a bridge holds). A port is known by its real device ({@code /dev/serial/by-id/...}
 * and the {@code /dev/ttyUSB0} it points to are one port).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = PortClaims.class)
public final class PortClaims {

    private final Map<String, String> owners = new ConcurrentHashMap<>();

    /**
     * Claims {@code port} for {@code owner}.
     *
     * @return the other owner that holds the port, or empty when it is {@code owner}'s now
     */
    public Optional<String> claim(String port, String owner) {
        String holder = owners.putIfAbsent(key(port), owner);
        return holder == null || holder.equals(owner) ? Optional.empty() : Optional.of(holder);
    }

    /** Whether a bridge holds {@code port}. */
    public boolean isClaimed(String port) {
        return owners.containsKey(key(port));
    }

    /** Gives {@code port} up, if {@code owner} holds it. */
    public void release(String port, String owner) {
        owners.remove(key(port), owner);
    }

    /** The port's identity: a network link by its address, a device by the file it resolves to. */
    static String key(String port) {
        String name = port.trim();
        if (name.contains("://")) {
            return name.toLowerCase(Locale.ROOT);
        }
        try {
            return Path.of(name).toRealPath().toString();
        } catch (IOException | InvalidPathException | SecurityException e) {
            // not there (yet): its name is all that is known of it
            return name;
        }
    }
}
