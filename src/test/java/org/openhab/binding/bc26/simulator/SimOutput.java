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
import java.util.ArrayDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The simulator's UART transmitter: bytes leave in order, paced at the line rate (10 bits per byte), because a pty
 * or a socket would otherwise deliver them instantly. Rate 0 means no pacing.
 * <p>
 * BC26's main UART has no RTS/CTS: once paced, the line never waits for the host. What the host has not read waits in
 * a bounded receive buffer ({@code hostBufferBytes}, as a serial driver's); bytes arriving when it is full are lost,
 * counted in {@link #bytesLost()} and, per record (one {@link #send} call), in {@link #recordsDamaged()}. Unpaced
 * output cannot outrun the host in that sense, so it is never lost: it waits for the host as a pipe does.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimOutput implements AutoCloseable {

    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

    /** Bytes to transmit (one record, numbered), or a quiet time before the next ones. */
    private record Chunk(byte[] bytes, long pauseNanos, long record) {
    }

    private final Thread writer;
    /** Hands what the line carried to the host, as fast as the host reads (a full pty blocks it). */
    private final Thread receiver;
    private final ArrayDeque<byte[]> hostBuffer = new ArrayDeque<>();
    private final int hostBufferBytes;
    private int buffered;
    private long bytesLost;
    private long recordsDamaged;
    private long lastDamagedRecord = -1;
    private long records;
    private volatile Consumer<byte[]> sink;
    private volatile int baudRate;
    private volatile boolean running = true;
    /** A host that stopped reading for a while: what the line carries stays in (or overflows) its buffer. */
    private volatile boolean hostStalled;
    /** Bytes handed to {@link #send} and bytes the line has carried: equal when the transmitter is idle. */
    private final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytesCarried = new java.util.concurrent.atomic.AtomicLong();

    SimOutput(Consumer<byte[]> sink, int baudRate, int hostBufferBytes) {
        this.sink = sink;
        this.baudRate = baudRate;
        this.hostBufferBytes = hostBufferBytes;
        this.writer = new Thread(this::run, "bc26-sim-uart-tx");
        this.writer.setDaemon(true);
        this.receiver = new Thread(this::deliverToHost, "bc26-sim-uart-host");
        this.receiver.setDaemon(true);
        this.writer.start();
        this.receiver.start();
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
            bytesSent.addAndGet(bytes.length);
            synchronized (hostBuffer) {
                queue.add(new Chunk(bytes, 0, records++));
            }
        }
    }

    /** The line stays quiet for {@code pause} before what is sent next (a modem working on its answer). */
    void pause(Duration pause) {
        if (!pause.isZero()) {
            queue.add(new Chunk(new byte[0], pause.toNanos(), -1));
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
                waitForHostBuffer();
                sink.accept(bytes);
                bytesCarried.addAndGet(bytes.length);
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
                onTheLine(chunk, next.record());
                bytesCarried.addAndGet(n);
                long wait = nextFree - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }

    /** The line carried {@code chunk}: it goes to the host's buffer, or what does not fit is lost. */
    private void onTheLine(byte[] chunk, long record) {
        synchronized (hostBuffer) {
            int room = hostBufferBytes - buffered;
            byte[] kept = chunk;
            if (room < chunk.length) {
                bytesLost += chunk.length - Math.max(0, room);
                if (record != lastDamagedRecord) {
                    recordsDamaged++;
                    lastDamagedRecord = record;
                }
                kept = java.util.Arrays.copyOf(chunk, Math.max(0, room));
            }
            if (kept.length > 0) {
                hostBuffer.add(kept);
                buffered += kept.length;
                hostBuffer.notifyAll();
            }
        }
    }

    /** Unpaced output waits until the host took what was paced before it, so the order is kept. */
    private void waitForHostBuffer() {
        synchronized (hostBuffer) {
            while (running && buffered > 0) {
                try {
                    hostBuffer.wait(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void deliverToHost() {
        while (running) {
            byte[] next;
            synchronized (hostBuffer) {
                while (running && (hostBuffer.isEmpty() || hostStalled)) {
                    try {
                        hostBuffer.wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                next = hostBuffer.peek();
            }
            if (next == null) {
                continue;
            }
            // Blocks while the host does not read (a full pty): the line meanwhile fills the buffer.
            sink.accept(next);
            synchronized (hostBuffer) {
                hostBuffer.poll();
                buffered -= next.length;
                hostBuffer.notifyAll();
            }
        }
    }

    /** Whether everything sent so far has gone over the line (to the host's buffer, or lost). */
    boolean idle() {
        return bytesCarried.get() == bytesSent.get();
    }

    /** The host stops (true) or resumes (false) reading; meant for paced output, which does not wait for the host. */
    void stallHost(boolean stalled) {
        synchronized (hostBuffer) {
            hostStalled = stalled;
            hostBuffer.notifyAll();
        }
    }

    /** Bytes the line carried while the host's buffer was full: lost. */
    long bytesLost() {
        synchronized (hostBuffer) {
            return bytesLost;
        }
    }

    /** Records (one {@link #send} each) that lost at least one byte. */
    long recordsDamaged() {
        synchronized (hostBuffer) {
            return recordsDamaged;
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        receiver.interrupt();
    }
}
