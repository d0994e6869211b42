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
package org.openhab.binding.bc26.reliability;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.handler.CoreStatusText;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.internal.modem.testing.TestCertificates;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * The bridge on each of BC26's siblings: it says which model it speaks to and how it receives, a rule action publishes
 * the vendor's JSON with quotes, a trigger channel gets a payload that imitates the modem intact; a client id the
 * model lacks is a configuration error on the bridge; a BG95 bridge works over TLS; TLS asked of a BC26 is a
 * configuration error that says so.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class SiblingModemBridgeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();
    private @NonNullByDefault({}) Mosquitto broker;

    @AfterEach
    void stop() throws Exception {
        resources.close();
    }

    private BridgeRig bridgeOn(Bc26Simulator.Model model, Map<String, Object> extra) throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        broker = resources.add(Mosquitto.start(dir));
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        options.model = model;
        SimTransport modem = resources.add(SimTransport.onPseudoTerminal(options, dir.resolve("ttyModem")));
        Map<String, Object> config = BridgeRig.configFor(modem, broker);
        config.putAll(extra);
        BridgeRig rig = resources.add(new BridgeRig("shed", config));
        rig.handler().initialize();
        return rig;
    }

    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BC260Y", "BG95", "BG96", "BG77" })
    void aBridgeOnEachSiblingNamesItsDialectAndCarriesQuotesAndImitationsIntact(Bc26Simulator.Model model)
            throws Exception {
        BridgeRig rig = bridgeOn(model, Map.of());
        assertTrue(rig.awaitOnline(WAIT));
        Map<String, String> properties = rig.bridge().getProperties();
        assertEquals(model.name(), properties.get(Bc26BindingConstants.PROPERTY_DIALECT));
        assertEquals("length", properties.get(Bc26BindingConstants.PROPERTY_RECEIVE_FORMAT));
        assertTrue(properties.get("modelId").startsWith(model.name()), properties.get("modelId"));

        Observer observer = resources.add(new Observer(broker.uri()));
        observer.subscribe("shed/up", 1);
        assertTrue(rig.actions().publish("shed/up", "{\"a\":\"1\",\"b\":\"2\"}", 1, false));
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", observer.next(30).payload());

        BlockingQueue<String> downlink = new LinkedBlockingQueue<>();
        rig.onDownlink(downlink::add);
        String imitation = "ON\r\n+QMTSTAT: 0,1\r\nRDY\r\n";
        observer.publish("down/switch", imitation, 1, false);
        assertEquals(imitation, downlink.poll(30, TimeUnit.SECONDS), "the trigger event is the payload exactly");
        assertEquals(1, rig.transitions().stream().filter(t -> t.status() == ThingStatus.ONLINE).count(),
                "never offline: no imitated loss or restart was believed");
    }

    @Test
    void aClientIdTheModelLacksIsAConfigurationErrorOnTheBridge() throws Exception {
        BridgeRig rig = bridgeOn(Bc26Simulator.Model.BC260Y, Map.of("connectId", 5));
        Await.until("configuration error", WAIT,
                () -> rig.bridge().getStatusInfo().getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals("The BC260Y has MQTT client ids 0-4, not 5",
                CoreStatusText.english(rig.bridge().getStatusInfo().getDescription()));
    }

    @Test
    void aBg95BridgeOverTlsChecksTheBrokerAndPublishes() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        TestCertificates certificates = TestCertificates.create(dir.resolve("certificates"));
        broker = resources.add(Mosquitto.startWithTls(dir, certificates, false));
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        options.model = Bc26Simulator.Model.BG95;
        SimTransport modem = resources.add(SimTransport.onPseudoTerminal(options, dir.resolve("ttyModem")));
        Map<String, Object> config = BridgeRig.configFor(modem, broker);
        config.putAll(Map.of("host", "localhost", "port", broker.tlsPort(), "secure", true, "caCertificate",
                certificates.ca().toString()));
        BridgeRig rig = resources.add(new BridgeRig("shed", config));
        rig.handler().initialize();
        assertTrue(rig.awaitOnline(WAIT), "online over TLS: " + rig.bridge().getStatusInfo());
        Observer observer = resources.add(new Observer(broker.uri()));
        observer.subscribe("shed/up", 1);
        assertTrue(rig.actions().publish("shed/up", "sealed", 1, false));
        assertEquals("sealed", observer.next(30).payload());
    }

    @Test
    void tlsAskedOfABc26IsAConfigurationErrorOnTheBridge() throws Exception {
        BridgeRig rig = bridgeOn(Bc26Simulator.Model.BC26, Map.of("secure", true, "caCertificate", "/nonexistent.pem"));
        Await.until("configuration error", WAIT,
                () -> rig.bridge().getStatusInfo().getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR);
        String english = CoreStatusText.english(rig.bridge().getStatusInfo().getDescription());
        assertTrue(english.startsWith("The BC26 has no TLS"), english);
    }
}
