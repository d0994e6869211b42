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

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtEventListener;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.link.LinkException;
import org.openhab.binding.bc26.internal.modem.link.ModemLinks;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;

/**
 * {@code probe} and {@code at}: the modem alone, no MQTT session.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class ModemCommands {

    private final CliOutput output;

    ModemCommands(CliOutput output) {
        this.output = output;
    }

    int probe(Arguments args) throws UsageException {
        String port = args.required("port");
        ModemModel forced = SessionArguments.model(args);
        SerialSettings serial = SerialSettings.DEFAULT.withBaudRate(args.integer("baud", 115200, 300, 4_000_000));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (AtEngine engine = openEngine(port, serial, scheduler)) {
            Bc26Modem modem = new Bc26Modem(engine);
            modem.synchronize();
            modem.setEcho(false);
            Json json = ProbeReport.of(modem);
            if (forced != null) {
                json.put("dialect", forced.name() + " (set with --model)");
            }
            output.line(json);
            return 0;
        } catch (LinkException e) {
            return output.failure(e.getKind().name(), e.getMessage());
        } catch (AtException e) {
            return output.failure(e.getKind() == AtException.Kind.TIMEOUT ? "NO_ANSWER" : e.getKind().name(),
                    e.getMessage());
        } finally {
            scheduler.shutdownNow();
        }
    }

    int at(Arguments args) throws UsageException {
        String port = args.required("port");
        if (args.positional().size() != 1) {
            throw new UsageException("Give exactly one AT command, in quotes");
        }
        AtCommand command;
        try {
            command = AtCommand.of(args.positional().get(0))
                    .withTimeout(Duration.ofMillis(args.integer("timeout-ms", 5000, 100, 700_000))).withBareInfo();
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        SerialSettings serial = SerialSettings.DEFAULT.withBaudRate(args.integer("baud", 115200, 300, 4_000_000));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (AtEngine engine = openEngine(port, serial, scheduler)) {
            engine.synchronize(10, Duration.ofMillis(500));
            for (String line : engine.execute(command).lines()) {
                output.line(line);
            }
            output.line("OK");
            return 0;
        } catch (LinkException e) {
            return output.failure(e.getKind().name(), e.getMessage());
        } catch (AtException e) {
            return output.failure(e.getKind().name(), e.getMessage());
        } finally {
            scheduler.shutdownNow();
        }
    }

    private AtEngine openEngine(String port, SerialSettings serial, ScheduledExecutorService scheduler)
            throws LinkException {
        AtEngine engine = new AtEngine(scheduler, AtEventListener.IGNORE);
        engine.attach(ModemLinks.open(port, serial, engine));
        return engine;
    }
}
