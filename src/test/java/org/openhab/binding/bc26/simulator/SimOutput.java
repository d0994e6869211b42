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
package org.openhab.binding.bc26.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The simulator's UART transmitter: bytes leave in order, paced at the line rate (10 bits per byte), because a pty
 * or a socket would otherwise deliver them instantly. Rate 0 means no pacing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimOutput implements AutoCloseable {

    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

    /** Bytes to transmit, or a quiet time before the next ones. */
    private record Chunk(byte[] bytes, long pauseNanos) {
    }
    private final Thread writer;
    private volatile Consumer<byte[]> sink;
    private volatile int baudRate;
    private volatile boolean running = true;

    SimOutput(Consumer<byte[]> sink, int baudRate) {
        this.sink = sink;
        this.baudRate = baudRate;
        this.writer = new Thread(this::run, "bc26-sim-uart-tx");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    void setSink(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) {
        if (bytes.length > 0) {
            queue.add(new Chunk(bytes, 0));
        }
    }

    /** The line stays quiet for {@code pause} before what is sent next (a modem working on its answer). */
    void pause(Duration pause) {
        if (!pause.isZero()) {
            queue.add(new Chunk(new byte[0], pause.toNanos()));
        }
    }

    /** Chunks waiting for the line: a flood keeps this small so the line is busy but memory is not. */
    int pending() {
        return queue.size();
    }

    private void run() {
        long nextFree = System.nanoTime();
        while (running) {
            Chunk next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            byte[] bytes = next.bytes();
            if (next.pauseNanos() > 0) {
                nextFree = Math.max(nextFree, System.nanoTime()) + next.pauseNanos();
                long wait = nextFree - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                continue;
            }
            int rate = baudRate;
            if (rate <= 0) {
                sink.accept(bytes);
                continue;
            }
            // Write in chunks of up to 64 bytes, each when the line would have finished sending it.
            for (int offset = 0; offset < bytes.length; offset += 64) {
                int n = Math.min(64, bytes.length - offset);
                byte[] chunk = java.util.Arrays.copyOfRange(bytes, offset, offset + n);
                long now = System.nanoTime();
                if (now - nextFree > 2_000_000) {
                    // The line was idle; a late wake-up of a few hundred microseconds is caught up instead.
                    nextFree = now;
                }
                nextFree += n * 10L * 1_000_000_000L / rate;
                sink.accept(chunk);
                long wait = nextFree - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
    }
}
