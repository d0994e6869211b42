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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Starts the BC26 simulator by itself, for people and for rule development without hardware:
 *
 * <pre>
 * --tcp PORT           listen on 127.0.0.1:PORT (connect with socket://127.0.0.1:PORT, or telnet/nc)
 * --pty PATH           create a pseudo-terminal reachable as PATH (e.g. /tmp/ttyBC26) for jSerialComm, minicom, openHAB
 * --time-scale X       multiply the modem's delays (1 = real BC26 timing, 0.1 = ten times faster)
 * --baud B             pace output at B baud (0 = unpaced)
 * --sleep-mode N       AT+QSCLK at power-on (default 1: sleeps when idle, swallowing the first AT)
 * --registration-ms N  time until the modem registers to the network
 * </pre>
 *
 * The simulator's MQTT side connects to whatever broker the host names in AT+QMTOPEN.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26SimulatorMain {

    private Bc26SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        Integer tcp = null;
        Path pty = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--tcp" -> tcp = Integer.parseInt(value);
                case "--pty" -> pty = Path.of(value);
                case "--time-scale" -> options.timeScale = Double.parseDouble(value);
                case "--baud" -> options.baudRate = Integer.parseInt(value);
                case "--sleep-mode" -> options.sleepMode = Integer.parseInt(value);
                case "--registration-ms" -> options.registrationDelay = Duration.ofMillis(Long.parseLong(value));
                case "--profile" -> options.profile = Bc26Simulator.Profile.valueOf(value.toUpperCase(Locale.ROOT));
                case "--model" -> options.model = Bc26Simulator.Model.valueOf(value.toUpperCase(Locale.ROOT));
                case "--rate-persisted" -> {
                    options.ratePersisted = true;
                    // A flag: no value follows.
                    i--;
                }
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        if ((tcp == null) == (pty == null)) {
            System.err.println("Usage: Bc26SimulatorMain (--tcp PORT | --pty PATH) [--time-scale X] [--baud B] "
                    + "[--rate-persisted] [--sleep-mode N] [--registration-ms N] [--profile strict|lenient] [--model bc26|bc660k|bc260y|bg95|bg96|bg77]");
            System.exit(2);
        }
        SimTransport transport = tcp != null ? SimTransport.onTcp(options, tcp)
                : SimTransport.onPseudoTerminal(options, pty);
        // says the model it plays, so a BG95 run does not announce itself as a BC26
        System.out.println(options.model.name() + " simulator ready on " + transport.portName());
        System.out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(transport::close));
        forever.await();
    }
}
