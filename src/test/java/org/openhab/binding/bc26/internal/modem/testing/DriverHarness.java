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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtEventListener;
import org.openhab.binding.bc26.internal.modem.at.AtLine;
import org.openhab.binding.bc26.internal.modem.link.LinkException;
import org.openhab.binding.bc26.internal.modem.link.ModemLinks;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;

/**
 * The real AT engine on a real serial port (jSerialComm on a pseudo-terminal), with its events recorded.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DriverHarness implements AtEventListener, AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    public final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    public final BlockingQueue<AtLine> urcs = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> linkLosses = new LinkedBlockingQueue<>();
    public final AtomicInteger restarts = new AtomicInteger();
    /** Lines that may be payload text, handed over for verification. */
    public final BlockingQueue<AtLine> claims = new LinkedBlockingQueue<>();
    public final AtEngine engine;
    /** Also receives every URC (e.g. an MQTT client under test). */
    public volatile Consumer<AtLine> urcHandler = line -> {
    };

    public DriverHarness(String port) throws LinkException {
        engine = new AtEngine(scheduler, this);
        engine.attach(ModemLinks.open(port, SerialSettings.DEFAULT, engine));
    }

    @Override
    public void urc(AtLine line) {
        urcHandler.accept(line);
        urcs.add(line);
    }

    @Override
    public void modemRestarted() {
        restarts.incrementAndGet();
    }

    @Override
    public void claimToVerify(AtLine line) {
        claims.add(line);
    }

    @Override
    public void linkLost(String reason) {
        linkLosses.add(reason);
    }

    /** The next URC, waiting up to 10 s. */
    public AtLine nextUrc() throws InterruptedException {
        AtLine line = urcs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(line, "no URC within " + WAIT);
        return line;
    }

    @Override
    public void close() {
        engine.close();
        scheduler.shutdownNow();
    }
}
