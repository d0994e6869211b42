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
package org.openhab.binding.bc26.internal.discovery;

import static org.openhab.binding.bc26.internal.Bc26BindingConstants.THING_TYPE_MODEM;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.handler.PortClaims;
import org.openhab.core.config.discovery.AbstractDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.config.discovery.DiscoveryService;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds BC26-family modems behind generic USB serial adapters, but only when the user presses Scan in the inbox (no
 * background discovery): it asks each {@code /dev/serial/by-id/} port (each COM port on Windows) that no bridge holds
 * with {@link PortProbe} and offers what answers as a Quectel modem, with its model and IMEI. Such adapters cannot be
 * told apart from other serial devices, so nothing is sent unless asked for, and only reads.
 * <p>
 * The scan runs on a thread of its own, one port after the other: openHAB's shared discovery scheduler only starts
 * it, and never waits on a serial port.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = DiscoveryService.class, configurationPid = "discovery.bc26")
public class SerialPortScan extends AbstractDiscoveryService {

    /** How long a scan may take in all: a few ports at a second or two each. */
    private static final int SCAN_SECONDS = 60;
    /** How long each answer may take: a modem answers in milliseconds; other devices never do. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMillis(500);

    private final Logger logger = LoggerFactory.getLogger(SerialPortScan.class);
    private final PortClaims portClaims;
    private final Path byIdDirectory;
    private final PortProbe probe;

    @Activate
    public SerialPortScan(@Reference PortClaims portClaims) {
        this(portClaims, Path.of("/dev/serial/by-id"), ANSWER_TIMEOUT);
    }

    /** @param byIdDirectory where the system lists adapters by their stable names (a test's own directory) */
    SerialPortScan(PortClaims portClaims, Path byIdDirectory, Duration answerTimeout) {
        super(Set.of(THING_TYPE_MODEM), SCAN_SECONDS, false);
        this.portClaims = portClaims;
        this.byIdDirectory = byIdDirectory;
        this.probe = new PortProbe(answerTimeout);
    }

    @Override
    protected void startScan() {
        Thread scan = new Thread(this::scanPorts, "OH-bc26-scan");
        scan.setDaemon(true);
        scan.start();
    }

    private void scanPorts() {
        try {
            for (String port : candidatePorts()) {
                if (portClaims.isClaimed(port)) {
                    logger.debug("Scan: {} belongs to a bridge, not asked", port);
                    continue;
                }
                Optional<PortProbe.Identity> found = probe.identify(port);
                found.ifPresent(identity -> offer(port, identity));
                if (found.isEmpty()) {
                    logger.debug("Scan: nothing on {} answered as a Quectel modem", port);
                }
            }
        } finally {
            stopScan();
        }
    }

    private void offer(String port, PortProbe.Identity identity) {
        String model = identity.model().isEmpty() ? "Quectel" : identity.model();
        String id = (identity.imei().isEmpty() ? Path.of(port).getFileName().toString() : identity.imei())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        DiscoveryResultBuilder result = DiscoveryResultBuilder.create(new ThingUID(THING_TYPE_MODEM, id))
                .withThingType(THING_TYPE_MODEM)
                // translated by openHAB when the result is offered, as thing status texts are
                .withLabel("@text/discovery.bc26.modem.scanned [\"" + model + "\", \"" + port + "\"]")
                .withProperty("serialPort", port)
                .withProperty("modemModel", identity.model().isEmpty() ? "auto" : identity.model())
                .withRepresentationProperty("serialPort");
        if (!identity.imei().isEmpty()) {
            result.withProperty("imei", identity.imei());
        }
        logger.info("Scan: a {} answered on {}", model, port);
        thingDiscovered(result.build());
    }

    /** The stable names of serial adapters (Linux), or the COM ports (Windows); none elsewhere. */
    private List<String> candidatePorts() {
        List<String> ports = new ArrayList<>();
        if (Files.isDirectory(byIdDirectory)) {
            try (Stream<Path> links = Files.list(byIdDirectory)) {
                links.map(Path::toString).sorted().forEach(ports::add);
            } catch (IOException e) {
                logger.debug("Scan: cannot list {}: {}", byIdDirectory, e.getMessage());
            }
        } else if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            for (com.fazecast.jSerialComm.SerialPort port : com.fazecast.jSerialComm.SerialPort.getCommPorts()) {
                ports.add(port.getSystemPortName());
            }
        }
        return ports;
    }
}
