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
package org.openhab.binding.bc26.internal.modem;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The one thread that owns a modem: bring-up, recovery, status polls and publishes of one bridge run on it, one after
 * the other, so they never run on openHAB's shared {@code thingHandler} pool (five threads for every binding) and
 * never overtake each other. A bring-up that waits two minutes for the cell holds this thread only.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ModemWorker {

    private ModemWorker() {
    }

    /**
     * Starts a worker.
     *
     * @param name the thread's name, {@code OH-bc26-<thing id>} for a bridge
     */
    public static ScheduledExecutorService start(String name) {
        ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled polls and retries leave no tasks behind.
        worker.setRemoveOnCancelPolicy(true);
        return worker;
    }
}
