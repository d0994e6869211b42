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
import org.eclipse.jdt.annotation.Nullable;

/**
 * The one timer thread the AT engines of all running sessions share for their command and URC timeouts.
 * <p>
 * Why not the scheduler the handler passes: a bring-up blocks a thread of that pool (openHAB's shared
 * {@code thingHandler} pool, five threads) while it waits for the modem, and the wait ends by a timeout. With as many
 * bridges starting as the pool has threads (or other bindings holding them), the timeouts found no thread and every
 * bring-up hung. The tasks here only complete futures, so one thread serves every bridge; it exists while a session
 * runs and ends with the last one.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class EngineTimer {

    private static @Nullable ScheduledThreadPoolExecutor timer;
    private static int users;

    private EngineTimer() {
    }

    /** The shared timer, started for the first user. */
    static synchronized ScheduledExecutorService acquire() {
        ScheduledThreadPoolExecutor current = timer;
        if (current == null) {
            current = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "OH-bc26-timer");
                thread.setDaemon(true);
                return thread;
            });
            current.setRemoveOnCancelPolicy(true);
            timer = current;
        }
        users++;
        return current;
    }

    /** One user less; the last one stops the thread. */
    static synchronized void release() {
        users = Math.max(0, users - 1);
        ScheduledThreadPoolExecutor current = timer;
        if (users == 0 && current != null) {
            current.shutdownNow();
            timer = null;
        }
    }
}
