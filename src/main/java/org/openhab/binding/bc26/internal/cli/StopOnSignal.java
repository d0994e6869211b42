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
package org.openhab.binding.bc26.internal.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Ctrl+C (SIGINT) and SIGTERM end a running command the way its own end does: the JVM runs shutdown hooks on both,
 * so this one wakes the command, then holds the shutdown until the command has disconnected the modem's MQTT client
 * and printed its last line (at most {@link #CLOSE_SECONDS}). Without it the JVM would stop mid-session and leave the
 * modem's client connected.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class StopOnSignal implements AutoCloseable {

    /** How long a signal waits for the clean close: the disconnect and close take about a second at BC26 timing. */
    static final int CLOSE_SECONDS = 5;
    /** The exit code of a command ended by a signal, as a shell reports Ctrl+C. */
    static final int EXIT_CODE = 130;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Thread hook;

    /** @param wake what makes the command stop waiting (counts its latch down) */
    StopOnSignal(Runnable wake) {
        hook = new Thread(() -> {
            signalled.set(true);
            wake.run();
            try {
                closed.await(CLOSE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bc26-cli-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal ended the command. */
    boolean signalled() {
        return signalled.get();
    }

    /** The command has closed its session: a signal's shutdown may go on, and no signal is watched any more. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook is running, and now lets it go on
        }
    }
}
