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
package org.openhab.binding.bc26.internal;

import java.nio.file.Path;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Paths of the project under test, handed over by Maven as system properties.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TestPaths {

    private TestPaths() {
    }

    /** The repository root (the bundle root). */
    public static Path projectDir() {
        return Path.of(System.getProperty("bc26.basedir", ".")).toAbsolutePath();
    }

    /** A system property Maven must set; fails with a readable message when run outside Maven. */
    public static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the test through Maven");
        }
        return value;
    }
}
