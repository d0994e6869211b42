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
package org.openhab.binding.bc26.internal.modem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.internal.modem.testing.SessionRecorder;
import org.openhab.binding.bc26.internal.modem.testing.TestCertificates;
import org.openhab.binding.bc26.internal.modem.tls.TlsConfig;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * MQTT over TLS through the simulated modem to mosquitto's TLS listener with a test CA: the simulated modem does a
 * real TLS handshake with the certificates the driver put into it, so a broker signed by another CA, or a broker that
 * wants a client certificate the modem lacks, fails as in the field; certificates go into the modem once per modem
 * start, not at every reconnect; a BC26, which has no TLS, is a configuration error.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class TlsEndToEndTest {

    private static final Duration ONLINE = Duration.ofSeconds(30);

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final SessionRecorder recorder = new SessionRecorder();
    private final BlockingQueue<MqttMessage> messages = recorder.messages;
    private final BlockingQueue<SessionFailure> failures = recorder.failures;
    private @NonNullByDefault({}) TestCertificates certificates;
    private @NonNullByDefault({}) Mosquitto broker;
    private @NonNullByDefault({}) SimTransport modem;

    @AfterEach
    void stop() throws Exception {
        resources.close();
        scheduler.shutdownNow();
    }

    private ModemSession start(Bc26Simulator.Model model, boolean brokerWantsClientCertificate, TlsConfig tls)
            throws Exception {
        certificates = TestCertificates.create(dir.resolve("certificates"));
        broker = resources.add(Mosquitto.startWithTls(dir, certificates, brokerWantsClientCertificate));
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        options.model = model;
        modem = resources.add(SimTransport.onPseudoTerminal(options, dir.resolve("ttyModem")));
        // "localhost": the name the broker's certificate is made out to.
        MqttSettings mqtt = MqttSettings.of(0, "localhost", broker.tlsPort(), "tls-test");
        ModemSession session = new ModemSession(SessionOptions.of(modem.portName(), mqtt)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withTls(tls), scheduler, recorder);
        resources.add(session::stop);
        session.subscribe("to/modem/#", 1);
        session.start();
        return session;
    }

    private TlsConfig verified(boolean withClientCertificate) {
        Path base = dir.resolve("certificates");
        return new TlsConfig(true, base.resolve("ca.pem").toString(),
                withClientCertificate ? base.resolve("client.pem").toString() : "",
                withClientCertificate ? base.resolve("client.key").toString() : "", true);
    }

    private long uploads(Bc26Simulator.Model model) {
        return modem.simulator().receivedCommands().stream().filter(c -> model == Bc26Simulator.Model.BG95
                ? c.startsWith("AT+QFUPL=\"UFS:bc26-ca.pem\"") : c.equals("AT+QSSLCFG=0,0,\"cacert\"")).count();
    }

    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BG95" })
    void aCheckedTlsSessionCarriesMessagesBothWays(Bc26Simulator.Model model) throws Exception {
        ModemSession session = start(model, false, verified(false));
        Await.until("session online over TLS", ONLINE, session::isOnline);
        Observer observer = resources.add(new Observer(broker.uri()));
        observer.subscribe("from/modem/#", 1);
        session.publish("from/modem/t", "{\"secret\":\"over TLS\"}".getBytes(StandardCharsets.UTF_8), 1, false)
                .get(30, TimeUnit.SECONDS);
        assertEquals("{\"secret\":\"over TLS\"}", observer.next(30).payload());
        observer.publish("to/modem/t", "down", 1, false);
        MqttMessage down = messages.poll(30, TimeUnit.SECONDS);
        assertNotNull(down);
        assertEquals("down", down.payloadAsString());
        assertEquals(1, uploads(model), "the CA went into the modem once");
        assertEquals((int) Files.size(certificates.ca()), modem.simulator().tlsFiles()
                .get(model == Bc26Simulator.Model.BG95 ? "UFS:bc26-ca.pem" : "cacert"), "the CA's every byte");
        assertTrue(failures.isEmpty(), String.valueOf(failures));
    }

    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BG95" })
    void aBrokerSignedBySomeoneElseIsNotTalkedTo(Bc26Simulator.Model model) throws Exception {
        Path base = dir.resolve("certificates");
        ModemSession session = start(model, false,
                new TlsConfig(true, base.resolve("other-ca.pem").toString(), "", "", true));
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.BROKER_UNREACHABLE, failure.kind());
        assertTrue(failure.detail().contains("TLS"), "the detail points at TLS: " + failure.detail());
        assertFalse(session.isOnline());
    }

    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BG95" })
    void aBrokerThatWantsAClientCertificateGetsOneAndRefusesAModemWithout(Bc26Simulator.Model model)
            throws Exception {
        ModemSession session = start(model, true, verified(true));
        Await.until("session online with a client certificate", ONLINE, session::isOnline);
        session.stop();
        failures.clear();
        ModemSession without = new ModemSession(SessionOptions.of(modem.portName(),
                MqttSettings.of(0, "localhost", broker.tlsPort(), "tls-test-2"))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withTls(verified(false)), scheduler,
                recorder);
        resources.add(without::stop);
        without.start();
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        // TLS 1.2, the newest these modems speak, refuses a missing client certificate in the handshake: no open.
        assertEquals(SessionFailure.Kind.BROKER_UNREACHABLE, failure.kind(), failure.toString());
        assertTrue(failure.detail().contains("TLS"), "the detail points at TLS: " + failure.detail());
        assertFalse(without.isOnline());
    }

    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BG95" })
    void certificatesGoIntoTheModemOncePerModemStartNotAtEveryReconnect(Bc26Simulator.Model model)
            throws Exception {
        ModemSession session = start(model, false, verified(false));
        Await.until("online", ONLINE, session::isOnline);
        modem.simulator().injectQmtStat(0, 1);
        Await.until("offline after the loss", ONLINE, () -> !session.isOnline());
        Await.until("online again", ONLINE, session::isOnline);
        assertEquals(1, uploads(model), "a reconnect puts nothing into the modem");
        modem.simulator().reboot();
        Await.until("offline after the reboot", ONLINE, () -> !session.isOnline());
        Await.until("online after the reboot", ONLINE, session::isOnline);
        assertEquals(2, uploads(model), "after a modem start the certificates go in again");
    }

    /**
     * A BG95 keeps its certificates as files: with a note of what it was given, a new session (openHAB restarted)
     * finds them there and puts nothing in; changed certificates go in again. A BC660K cannot show what it holds, so
     * it gets them at every start.
     */
    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BG95" })
    void certificatesAModemKeepsAsFilesGoInOnlyWhenTheyChanged(Bc26Simulator.Model model) throws Exception {
        Path record = dir.resolve("userdata/tls-uploaded");
        TlsConfig noted = withRecord(verified(false), record);
        ModemSession first = start(model, false, noted);
        Await.until("first session online", ONLINE, first::isOnline);
        first.stop();
        ModemSession second = newSession(withRecord(verified(false), record));
        Await.until("second session online", ONLINE, second::isOnline);
        second.stop();
        boolean keepsFiles = model == Bc26Simulator.Model.BG95;
        assertEquals(keepsFiles ? 1 : 2, uploads(model), "unchanged: a modem with files gets nothing again");
        ModemSession third = newSession(withRecord(verified(true), record));
        Await.until("third session online with a client certificate", ONLINE, third::isOnline);
        assertEquals(keepsFiles ? 2 : 3, uploads(model), "changed: in again");
        assertTrue(Files.readString(record).startsWith("866971030000001 "), "noted by the modem's IMEI");
    }

    private static TlsConfig withRecord(TlsConfig config, Path record) {
        return new TlsConfig(config.verifyServer(), config.caCertificate(), config.clientCertificate(),
                config.clientKey(), config.serverNameIndication(), record);
    }

    private ModemSession newSession(TlsConfig tls) {
        ModemSession session = new ModemSession(SessionOptions.of(modem.portName(),
                MqttSettings.of(0, "localhost", broker.tlsPort(), "tls-test-" + System.nanoTime()))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withTls(tls), scheduler, recorder);
        resources.add(session::stop);
        session.start();
        return session;
    }

    @Test
    void tlsOnABc26IsAConfigurationErrorThatNeedsTheUser() throws Exception {
        start(Bc26Simulator.Model.BC26, false, verified(false));
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.CONFIGURATION, failure.kind());
        assertTrue(failure.detail().contains("BC26 has no TLS"), failure.detail());
        assertTrue(failure.needsTheUser());
    }

    @Test
    void aCertificateThatIsNotOneIsAConfigurationErrorBeforeTheModemSeesIt() throws Exception {
        Path bogus = dir.resolve("bogus.pem");
        Files.writeString(bogus, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        start(Bc26Simulator.Model.BG95, false, new TlsConfig(true, bogus.toString(), "", "", true));
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.CONFIGURATION, failure.kind());
        assertTrue(failure.detail().contains("cannot be read"), failure.detail());
        assertEquals(0, uploads(Bc26Simulator.Model.BG95));
    }
}
