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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A Linux pseudo-terminal pair made with libc through JNA (no install needed). The driver opens the slave side by
 * path with jSerialComm, exactly like a USB serial adapter; the test or the simulator reads and writes the master.
 * A slave descriptor is held open in raw mode so the line discipline never echoes or edits bytes and the master never
 * sees EIO while the driver has the port closed. {@link #close()} hangs up the slave, which the driver sees as an
 * unplugged adapter.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PseudoTerminal implements AutoCloseable {

    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0400;
    private static final int POLLIN = 1;
    private static final int TCSANOW = 0;

    /** The libc calls used. */
    public interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        int open(String path, int flags);

        int close(int fd);

        long read(int fd, byte[] buffer, long count);

        long write(int fd, byte[] buffer, long count);

        int poll(int[] pollFd, long count, int timeoutMs);

        int tcgetattr(int fd, byte[] termios);

        int tcsetattr(int fd, int action, byte[] termios);

        void cfmakeraw(byte[] termios);
    }

    private final int master;
    private final int slaveHolder;
    private final String slavePath;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread reader;
    private volatile @Nullable BiConsumer<byte[], Integer> consumer;

    private PseudoTerminal(int master, int slaveHolder, String slavePath) {
        this.master = master;
        this.slaveHolder = slaveHolder;
        this.slavePath = slavePath;
        this.reader = new Thread(this::readLoop, "pty-master-" + slavePath);
        this.reader.setDaemon(true);
    }

    /** Opens a new pair; bytes the driver writes go to {@code consumer} (on a reader thread). */
    public static PseudoTerminal open(BiConsumer<byte[], Integer> consumer) throws IOException {
        LibC libc = LibC.INSTANCE;
        int master = libc.posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || libc.grantpt(master) != 0 || libc.unlockpt(master) != 0) {
            throw new IOException("Cannot create a pseudo-terminal: errno " + Native.getLastError());
        }
        String slavePath = libc.ptsname(master);
        int slave = libc.open(slavePath, O_RDWR | O_NOCTTY);
        if (slave < 0) {
            libc.close(master);
            throw new IOException("Cannot open " + slavePath + ": errno " + Native.getLastError());
        }
        byte[] termios = new byte[256];
        libc.tcgetattr(slave, termios);
        libc.cfmakeraw(termios);
        libc.tcsetattr(slave, TCSANOW, termios);
        PseudoTerminal pty = new PseudoTerminal(master, slave, slavePath);
        pty.consumer = consumer;
        pty.reader.start();
        return pty;
    }

    /** The device path the driver opens, e.g. {@code /dev/pts/7}. */
    public String slavePath() {
        return slavePath;
    }

    /** Points {@code link} (a stable name, like /dev/serial/by-id/...) at this terminal's slave. */
    public void linkAs(Path link) throws IOException {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(slavePath));
    }

    /** Writes bytes to the driver. */
    public void write(byte[] data) {
        if (!open.get()) {
            return;
        }
        int offset = 0;
        while (offset < data.length) {
            byte[] chunk = offset == 0 ? data : java.util.Arrays.copyOfRange(data, offset, data.length);
            long n = LibC.INSTANCE.write(master, chunk, chunk.length);
            if (n <= 0) {
                return;
            }
            offset += (int) n;
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        int[] pollFd = { master, POLLIN };
        while (open.get()) {
            pollFd[1] = POLLIN;
            int ready = LibC.INSTANCE.poll(pollFd, 1, 50);
            if (!open.get()) {
                return;
            }
            if (ready > 0 && ((pollFd[1] >>> 16) & POLLIN) != 0) {
                long n = LibC.INSTANCE.read(master, buffer, buffer.length);
                BiConsumer<byte[], Integer> c = consumer;
                if (n > 0 && c != null) {
                    c.accept(buffer, (int) n);
                }
            }
        }
    }

    /** Hangs up: the driver's port sees EIO / a disconnect, like an unplugged USB adapter. */
    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LibC.INSTANCE.close(slaveHolder);
            LibC.INSTANCE.close(master);
        }
    }
}
