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
package org.openhab.binding.bc26.internal.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.reliability.BridgeRig;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.io.console.Console;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;

/**
 * {@code openhab:bc26} against a running bridge on the simulator and mosquitto (the thing registry is a mock, as
 * openHAB's is a service): the bridges with their state, the modem through the bridge, a raw AT command between the
 * bridge's own and a test message, all in the command line's words, and bad input refused before the modem.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class Bc26ConsoleCommandExtensionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();
    private @NonNullByDefault({}) Observer observer;
    private @NonNullByDefault({}) SimTransport modem;
    private @NonNullByDefault({}) BridgeRig cabin;
    private @NonNullByDefault({}) Bc26ConsoleCommandExtension extension;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        Mosquitto broker = resources.add(Mosquitto.start(dir));
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        modem = resources.add(SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26")));
        observer = resources.add(new Observer(broker.uri()));
        cabin = resources.add(new BridgeRig("cabin", BridgeRig.configFor(modem, broker)));
        cabin.bridge().setHandler(cabin.handler());
        cabin.handler().initialize();
        assertTrue(cabin.awaitOnline(WAIT), "the bridge came ONLINE");

        // A second bridge that is disabled (no handler), and a topic thing the console must leave out.
        Bridge barn = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, "barn").withLabel("Barn").build();
        Thing pump = ThingBuilder.create(Bc26BindingConstants.THING_TYPE_TOPIC,
                new ThingUID(Bc26BindingConstants.THING_TYPE_TOPIC, cabin.bridge().getUID(), "pump")).build();
        ThingRegistry registry = mock(ThingRegistry.class);
        when(registry.stream()).thenAnswer(invocation -> Stream.of(pump, cabin.bridge(), barn));
        extension = new Bc26ConsoleCommandExtension(registry);
    }

    @AfterEach
    void stop() throws Exception {
        resources.close();
    }

    /** Runs a console command and returns what it printed, line by line. */
    private List<String> run(String... args) {
        List<String> lines = new ArrayList<>();
        extension.execute(args, new Console() {
            @Override
            public void print(String s) {
                lines.add(s);
            }

            @Override
            public void println(String s) {
                lines.add(s);
            }

            @Override
            public void printUsage(String s) {
                lines.add("usage: " + s);
            }
        });
        return lines;
    }

    @Test
    void listShowsEveryBridgeWithItsStateAndNothingElse() {
        List<String> lines = run("list");
        assertEquals(2, lines.size(), String.valueOf(lines));
        assertEquals("{\"bridge\":\"bc26:modem:barn\",\"label\":\"Barn\",\"status\":\"UNINITIALIZED\","
                + "\"statusDetail\":\"NONE\"}", lines.get(0), "a bridge without a handler: its status only");
        assertTrue(lines.get(1).startsWith("{\"bridge\":\"bc26:modem:cabin\",\"label\":null,\"status\":\"ONLINE\","
                + "\"statusDetail\":\"NONE\",\"online\":true,\"outbox\":0"), lines.get(1));
    }

    @Test
    void showAsksTheModemThroughTheRunningBridgeInTheProbesWords() {
        List<String> lines = run("show", "cabin");
        assertEquals(2, lines.size(), String.valueOf(lines));
        assertTrue(lines.get(0).contains("\"bridge\":\"bc26:modem:cabin\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"manufacturer\":\"Quectel_Ltd\",\"model\":\"Quectel_BC26\","
                + "\"revision\":\"BC26NBR01A01\""), lines.get(1));
        for (String key : List.of("imei", "iccid", "sim", "dialect", "registration", "cellId", "rssiDbm", "rsrpDbm")) {
            assertTrue(lines.get(1).contains("\"" + key + "\":"), key + " in " + lines.get(1));
        }
        assertEquals(ThingStatus.ONLINE, cabin.status(), "the bridge kept its port and its session");
    }

    @Test
    void aRawAtCommandRunsBetweenTheBridgesOwnAndTheBridgeKeepsWorking() throws Exception {
        List<String> lines = run("at", "bc26:modem:cabin", "AT+CSQ");
        assertTrue(lines.get(0).startsWith("+CSQ: "), String.valueOf(lines));
        assertEquals("OK", lines.get(lines.size() - 1));
        List<String> refused = run("at", "cabin", "AT+NOSUCH");
        assertEquals(List.of("{\"error\":\"CME_ERROR\",\"detail\":\"AT+NOSUCH failed: +CME ERROR 4 (operation not "
                + "supported)\"}"), refused, "the modem's refusal, decoded as the command line decodes it");

        // An injected second command is refused before the modem sees it; nothing reboots.
        List<String> injected = run("at", "cabin", "AT+CSQ\r\nAT+QRST=1");
        assertTrue(injected.get(0).startsWith("{\"error\":\"INVALID_ARGUMENT\""), String.valueOf(injected));
        assertFalse(modem.simulator().receivedCommands().stream().anyMatch(c -> c.contains("QRST")));

        observer.subscribe("cabin/after", 1);
        assertTrue(cabin.actions().publish("cabin/after", "still here", 1, false));
        assertEquals("still here", observer.next(30).payload());
    }

    @Test
    void aTestMessageGoesThroughTheBridgeAndBadOnesAreRefusedFirst() throws Exception {
        observer.subscribe("cabin/test", 1);
        List<String> lines = run("publish", "cabin", "cabin/test", "he said \"hi\"", "1", "retain");
        assertEquals(1, lines.size(), String.valueOf(lines));
        assertTrue(lines.get(0).startsWith("{\"event\":\"published\",\"topic\":\"cabin/test\",\"qos\":1,"
                + "\"retain\":true,\"result\":\"acknowledged\""), lines.get(0));
        Observer.Received received = observer.next(30);
        assertEquals("he said \"hi\"", received.payload());

        assertTrue(run("publish", "cabin", "cabin/#", "x").get(0).startsWith("{\"error\":\"INVALID_ARGUMENT\""));
        assertTrue(run("publish", "cabin", "cabin/test", "x", "3").get(0).startsWith("{\"error\":\"INVALID_ARGUMENT\""));
        assertTrue(run("publish", "cabin", "cabin/test", "x", "1", "forever").get(0)
                .startsWith("{\"error\":\"INVALID_ARGUMENT\""));
        assertTrue(observer.queue().isEmpty(), "nothing refused reached the broker");
    }

    @Test
    void unknownBridgesStoppedBridgesAndMissingArgumentsAreExplained() {
        assertTrue(run("show", "attic").get(0).startsWith("{\"error\":\"NO_SUCH_BRIDGE\""));
        assertTrue(run("show", "barn").get(0).startsWith("{\"error\":\"NOT_RUNNING\""));
        List<String> usage = run("at", "cabin");
        assertEquals(4, usage.size());
        assertTrue(usage.stream().allMatch(line -> line.startsWith("usage: bc26 ")), String.valueOf(usage));
        assertEquals(usage, run());
    }
}
