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
package org.openhab.binding.bc26.internal.modem.testing;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The used heap after full collections, the one way the soak and the benchmarks read memory.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Heap {

    private Heap() {
    }

    /** Megabytes in use after four full collections. */
    public static double usedAfterGcMb() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100); // lets reference processing finish between collections; not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
    }
}
