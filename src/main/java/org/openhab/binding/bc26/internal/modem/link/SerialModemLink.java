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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A serial port opened with jSerialComm. Reads are event driven (jSerialComm's own event thread calls us when bytes
 * are available), so no thread of ours ever blocks on the port.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SerialModemLink implements ModemLink {

    private static final int ERRNO_EACCES = 13;
    /** Linux errno: a directory (jSerialComm's open of {@code /tmp}, measured). */
    private static final int ERRNO_EISDIR = 21;
    /** Linux errno: no terminal, so no serial port (jSerialComm's open of {@code /dev/null}, measured). */
    private static final int ERRNO_ENOTTY = 25;

    private final Logger logger = LoggerFactory.getLogger(SerialModemLink.class);
    private final SerialPort port;
    private final String name;
    private final LinkListener listener;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicBoolean lostReported = new AtomicBoolean();
    /**
     * While the line streams (a flood of received messages), how long the reader lets bytes gather before it reads
     * them: the time {@value #COALESCE_BYTES} characters take on the line, at most {@value #MAX_COALESCE_MILLIS} ms.
     * At the full line rate the port wakes the reader for every few bytes, and each wake-up costs system calls and
     * the engine's work; read in chunks, the binding's receive costs a fraction (doc/performance.md). An answer after
     * a quiet moment is read at once, so commands wait for nothing. The port's receive buffer (4 KB) holds far more
     * than comes in that time, even at 921600 baud.
     */
    private final long coalesceNanos;
    /** The last read, to tell a streaming line (big reads close together) from single answers. */
    private long lastReadNanos;
    private int lastReadBytes;

    /** The reader waits for about this many characters to come before it reads ({@link #coalesceNanos}). */
    static final int COALESCE_BYTES = 256;
    static final int MAX_COALESCE_MILLIS = 20;
    /** A read at least this big, shortly before, means the line streams. */
    static final int STREAMING_READ_BYTES = 48;

    private SerialModemLink(SerialPort port, String name, LinkListener listener, int baudRate) {
        this.port = port;
        this.name = name;
        this.listener = listener;
        this.coalesceNanos = coalesceNanos(baudRate);
    }

    /** The time {@value #COALESCE_BYTES} characters of 10 bits take at this rate, capped. */
    static long coalesceNanos(int baudRate) {
        return Math.min(MAX_COALESCE_MILLIS * 1_000_000L, COALESCE_BYTES * 10L * 1_000_000_000L / baudRate);
    }

    /**
     * Opens a serial port.
     *
     * @param name device path or symlink (resolved anew on every open, so a re-plugged adapter behind a
     *            {@code /dev/serial/by-id} link is found again)
     * @param settings line settings
     * @param listener receives bytes and link loss
     * @return the open link
     * @throws LinkException if the port is missing, busy, forbidden or fails to open
     */
    public static SerialModemLink open(String name, SerialSettings settings, LinkListener listener)
            throws LinkException {
        boolean devicePath = PortNames.isDevicePath(name);
        if (devicePath && !Files.exists(Path.of(name))) {
            throw new LinkException(LinkException.Kind.PORT_NOT_FOUND, name, "Serial port " + name + " does not exist");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            throw new LinkException(LinkException.Kind.PORT_NOT_FOUND, name,
                    "Serial port " + name + " does not exist");
        }
        port.setComPortParameters(settings.baudRate(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                toJSerialCommParity(settings.parity()));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Writes hand the bytes to the driver and return: jSerialComm's write-blocking mode would also wait until the
        // UART sent them (tcdrain), 1 s for a 1 KB payload at 9600 baud, on the thread that handles what the modem
        // prints. Without flow control the UART always drains, so nothing is gained by waiting.
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            if (errno == ERRNO_EACCES) {
                throw new LinkException(LinkException.Kind.PERMISSION_DENIED, name,
                        "No permission to open serial port " + name);
            }
            if (errno == ERRNO_ENOTTY || errno == ERRNO_EISDIR) {
                // opened, but the terminal settings were refused (ENOTTY), or a directory: no serial port at all
                throw new LinkException(LinkException.Kind.NOT_A_SERIAL_PORT, name, name + " is not a serial port");
            }
            if (devicePath ? !Files.exists(Path.of(name)) : !systemKnows(name)) {
                throw new LinkException(LinkException.Kind.PORT_NOT_FOUND, name,
                        "Serial port " + name + " does not exist");
            }
            // The device exists and we may open it, so jSerialComm's exclusive lock refused it: another opener holds
            // the port (measured here on a Linux pty as root: error 2 from jSerialComm's lock check).
            throw new LinkException(LinkException.Kind.PORT_IN_USE, name, "Serial port " + name
                    + " is in use by another program (error " + errno + " at " + port.getLastErrorLocation() + ")");
        }
        SerialModemLink link = new SerialModemLink(port, name, listener, settings.baudRate());
        port.addDataListener(link.new EventListener());
        return link;
    }

    /** Whether the serial library lists a port of this name (a Windows COM port is no file to look for). */
    private static boolean systemKnows(String name) {
        String wanted = name.trim().replace("\\\\.\\", "");
        for (SerialPort candidate : SerialPort.getCommPorts()) {
            if (candidate.getSystemPortName().equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static int toJSerialCommParity(SerialSettings.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    @Override
    public void write(byte[] data) throws LinkException {
        if (!open.get() || lostReported.get()) {
            throw new LinkException(LinkException.Kind.IO_ERROR, name, "Serial port " + name + " is closed");
        }
        int written = 0;
        while (written < data.length) {
            int n = port.writeBytes(data, data.length - written, written);
            if (n <= 0) {
                // writeBytes returns 0 on a dead pty and -1 on errors; isOpen() cannot be trusted after EIO.
                reportLost("write to " + name + " failed");
                throw new LinkException(LinkException.Kind.IO_ERROR, name, "Writing to serial port " + name + " failed");
            }
            written += n;
        }
    }

    @Override
    public int bytesWaiting() {
        return open.get() && !lostReported.get() ? Math.max(0, port.bytesAvailable()) : 0;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            port.removeDataListener();
            port.closePort();
        }
    }

    private void reportLost(String reason) {
        if (lostReported.compareAndSet(false, true)) {
            // Decide before the closer runs: it clears "open", and a loss nobody hears of leaves the driver waiting.
            boolean closedOnPurpose = !open.get();
            // jSerialComm repeats PORT_DISCONNECTED until the port is closed; close it off this event thread.
            Thread closer = new Thread(this::close, "OH-bc26-serial-close");
            closer.setDaemon(true);
            closer.start();
            if (!closedOnPurpose) {
                listener.linkLost(reason);
            }
        }
    }

    private final class EventListener implements SerialPortDataListener {
        private final byte[] buffer = new byte[4096];

        @Override
        public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_DATA_AVAILABLE | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
        }

        @Override
        public void serialEvent(@NonNullByDefault({}) SerialPortEvent event) {
            if (!open.get() || lostReported.get()) {
                return;
            }
            if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                reportLost("serial port " + name + " disconnected");
                return;
            }
            try {
                // On a streaming line let the bytes become a chunk first; then read until the port is empty. A
                // non-blocking read returns what is there (0 for a spurious wake-up) or -1 for a dead line (EIO): one
                // system call per chunk, no separate question how much is waiting.
                if (lastReadBytes >= STREAMING_READ_BYTES && System.nanoTime() - lastReadNanos < 2 * coalesceNanos) {
                    LockSupport.parkNanos(coalesceNanos);
                }
                int n;
                int total = 0;
                do {
                    n = port.readBytes(buffer, buffer.length);
                    if (n < 0) {
                        reportLost("serial port " + name + " failed (EIO)");
                        return;
                    }
                    if (n > 0) {
                        total += n;
                        listener.bytesReceived(buffer, n);
                    }
                } while (n == buffer.length && open.get());
                lastReadBytes = total;
                lastReadNanos = System.nanoTime();
            } catch (RuntimeException e) {
                // A listener bug must not kill jSerialComm's event thread.
                logger.warn("Error while handling data from {}: {}", name, e.toString(), e);
            }
        }
    }
}
