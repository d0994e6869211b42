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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.handler.PortClaims;
import org.openhab.binding.bc26.internal.modem.testing.ScriptedModem;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.DiscoveryService;
import org.openhab.core.config.discovery.ScanListener;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * The scan, through jSerialComm on pseudo-terminals: a simulated BC26 behind a by-id name is offered with its model
 * and IMEI; a device that never answers is not, and the scan still ends; a port a bridge holds is never touched.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SerialPortScanTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    @Test
    void aModemIsOfferedSilentDevicesAreNotAndABridgesPortIsNotTouched() throws Exception {
        Path byId = Files.createDirectory(dir.resolve("by-id"));
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.05;
        try (SimTransport modem = SimTransport.onPseudoTerminal(options, byId.resolve("usb-1a86_USB_Serial-if00-port0"));
                SimTransport claimed = SimTransport.onPseudoTerminal(new Bc26Simulator.Options(),
                        byId.resolve("usb-FTDI_FT232R-if00-port0"));
                ScriptedModem silent = ScriptedModem.start()) {
            Files.createSymbolicLink(byId.resolve("usb-Silicon_Labs_CP2102-if00-port0"), Path.of(silent.port()));
            PortClaims claims = new PortClaims();
            assertEquals(Optional.empty(), claims.claim(claimed.portName(), "bc26:modem:shed"));

            SerialPortScan scan = new SerialPortScan(claims, byId, Duration.ofMillis(300));
            List<DiscoveryResult> results = new CopyOnWriteArrayList<>();
            scan.addDiscoveryListener(new DiscoveryListener() {
                @Override
                public void thingDiscovered(DiscoveryService source, DiscoveryResult result) {
                    results.add(result);
                }

                @Override
                public void thingRemoved(DiscoveryService source, ThingUID thingUID) {
                }

                @Override
                public @Nullable Collection<ThingUID> removeOlderResults(DiscoveryService source, Instant timestamp,
                        @Nullable Collection<ThingTypeUID> thingTypeUIDs, @Nullable ThingUID bridgeUID) {
                    return null;
                }
            });
            CountDownLatch finished = new CountDownLatch(1);
            scan.startScan(new ScanListener() {
                @Override
                public void onFinished() {
                    finished.countDown();
                }

                @Override
                public void onErrorOccurred(@Nullable Exception exception) {
                    fail("the scan failed: " + exception);
                }
            });
            assertTrue(finished.await(30, TimeUnit.SECONDS), "the scan ends, also with a device that never answers");

            assertEquals(1, results.size(), String.valueOf(results));
            DiscoveryResult found = results.get(0);
            assertEquals("bc26:modem:866971030000001", found.getThingUID().getAsString(), "named by the IMEI");
            assertEquals(modem.portName(), found.getProperties().get("serialPort"), "the stable by-id name");
            assertEquals("BC26", found.getProperties().get("modemModel"));
            assertEquals("866971030000001", found.getProperties().get("imei"));
            assertEquals("serialPort", found.getRepresentationProperty());
            assertFalse(scan.isBackgroundDiscoveryEnabled(), "only when the user presses Scan");

            List<String> asked = modem.simulator().receivedCommands();
            assertTrue(asked.stream().allMatch(c -> c.equals("AT") || c.equals("ATI") || c.equals("AT+CGSN=1")),
                    "nothing but reads: " + asked);
            assertEquals(List.of(), claimed.simulator().receivedCommands(), "a bridge's port is not asked");
        }
    }

    @Test
    void theModelIsReadFromEachFamilysAtiAnswer() {
        assertEquals("BC26", PortProbe.modelOf(List.of("Quectel_Ltd", "Quectel_BC26", "Revision: BC26NBR01A01")));
        assertEquals("BC660K", PortProbe.modelOf(List.of("Quectel", "BC660K-GL", "Revision: BC660KGLAAR01A04")));
        assertEquals("BG95", PortProbe.modelOf(List.of("Quectel", "BG95-M3", "Revision: BG95M3LAR02A03")));
        assertEquals("", PortProbe.modelOf(List.of("Quectel", "EC25")));
    }
}
