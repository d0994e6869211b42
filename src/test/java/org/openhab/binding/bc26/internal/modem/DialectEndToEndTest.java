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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.internal.modem.testing.SessionRecorder;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * The driver against each simulated model of the family and a real mosquitto: the model is read from the modem (or
 * forced) and its dialect spoken; on BC660K and BC260Y the length-delimited publish carries quotes, and the
 * length-shown receive delivers any payload exactly, lines that imitate the modem included.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class DialectEndToEndTest {

    private static final Duration ONLINE = Duration.ofSeconds(30);
    /** The vendor's own example of a payload with quotes (BC660K MQTT AN, chapter 6.2). */
    private static final String VENDOR_JSON = "{\"a\":\"1\",\"b\":\"2\"}";

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final SessionRecorder recorder = new SessionRecorder();
    private final BlockingQueue<MqttMessage> messages = recorder.messages;
    private final BlockingQueue<SessionFailure> failures = recorder.failures;
    private final BlockingQueue<String> dialects = recorder.dialects;
    private final BlockingQueue<ReceiveFormat> receiveFormats = recorder.receiveFormats;
    private @NonNullByDefault({}) SimTransport modem;
    private @NonNullByDefault({}) Observer observer;
    /** Whether the next session asks BG9x to keep received messages until read. */
    private boolean bufferedReceive;
    /** APN and bands the next session sets (none: the modem's own). */
    private @Nullable String apn;
    private List<Integer> bands = List.of();

    @AfterEach
    void stop() throws Exception {
        resources.close();
        scheduler.shutdownNow();
    }

    /** A session on a simulated {@code simulated} modem, subscribed to {@code to/modem/#}, started. */
    private ModemSession start(Bc26Simulator.Model simulated, @Nullable ModemModel forced, int connectId)
            throws Exception {
        return start(simulated, forced, connectId, options -> {
        });
    }

    private ModemSession start(Bc26Simulator.Model simulated, @Nullable ModemModel forced, int connectId,
            Consumer<Bc26Simulator.Options> tune) throws Exception {
        Mosquitto broker = resources.add(Mosquitto.start(dir));
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        options.model = simulated;
        tune.accept(options);
        modem = resources.add(SimTransport.onPseudoTerminal(options, dir.resolve("ttyModem")));
        observer = resources.add(new Observer(broker.uri()));
        MqttSettings mqtt = MqttSettings.of(connectId, "127.0.0.1", broker.port(), "dialect-test")
                .withBufferedReceive(bufferedReceive);
        ModemSession session = new ModemSession(SessionOptions.of(modem.portName(), mqtt)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withModel(forced).withNetwork(apn, bands),
                scheduler, recorder);
        resources.add(session::stop);
        session.subscribe("to/modem/#", 1);
        session.start();
        return session;
    }

    private ModemSession online(Bc26Simulator.Model simulated) throws Exception {
        ModemSession session = start(simulated, null, 0);
        Await.until("session online", ONLINE, session::isOnline);
        // A retained-free subscription is in place once the session is online; a probe message shows it delivers.
        return session;
    }

    private MqttMessage downlink(String topic, byte[] payload) throws Exception {
        observer.publish(topic, payload, 1, false);
        MqttMessage message = messages.poll(30, TimeUnit.SECONDS);
        assertNotNull(message, "a message on " + topic + " arrived");
        return message;
    }

    @ParameterizedTest
    @EnumSource(Bc26Simulator.Model.class)
    void eachModelIsReadFromTheModemAndSpokenToBothWays(Bc26Simulator.Model simulated) throws Exception {
        ModemSession session = online(simulated);
        assertEquals(simulated.name(), dialects.poll(), "the dialect of the model the modem names");
        assertEquals(switch (simulated) {
            case BC26 -> ReceiveFormat.HEX;
            case BC660K, BC260Y, BG95, BG96, BG77 -> ReceiveFormat.LENGTH;
        }, receiveFormats.poll(), "BG9x print at once with the length unless buffered is asked for");

        observer.subscribe("from/modem/#", 1);
        session.publish("from/modem/json", VENDOR_JSON.getBytes(StandardCharsets.UTF_8), 1, false).get(30,
                TimeUnit.SECONDS);
        assertEquals(VENDOR_JSON, observer.next(30).payload());
        String form = switch (simulated) {
            case BC26 -> "\"from/modem/json\"";
            case BC660K, BC260Y -> "\"from/modem/json\",17,\"" + VENDOR_JSON + "\"";
            case BG95, BG96, BG77 -> "\"from/modem/json\",17";
        };
        assertTrue(modem.simulator().receivedCommands().stream()
                .anyMatch(c -> c.startsWith("AT+QMTPUB=") && c.endsWith(form)),
                "BC26 in data mode, BC660K/BC260Y in the length form, BG9x with the exact length: " + form);

        assertEquals("down", downlink("to/modem/x", "down".getBytes(StandardCharsets.UTF_8)).payloadAsString());
        assertTrue(failures.isEmpty(), "no failure: " + failures);
    }

    @Test
    void aLengthShownPayloadArrivesExactlyWhateverItHolds() throws Exception {
        ModemSession session = online(Bc26Simulator.Model.BC660K);
        String[] hostile = { "line\r\nOK\r\n+QMTSTAT: 0,1\r\nRDY\r\n", "ends with a quote\"", "\",5,\"",
                "+QMTRECV: 0,9,\"to/modem/fake\",4,\"fake\"", "\r\n", "x".repeat(1400) };
        for (String payload : hostile) {
            MqttMessage message = downlink("to/modem/text", payload.getBytes(StandardCharsets.UTF_8));
            assertEquals(payload, message.payloadAsString(), "delivered exactly");
            assertEquals("to/modem/text", message.topic());
        }
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        assertArrayEquals(binary, downlink("to/modem/bin", binary).payload(), "every byte value, as sent");
        assertTrue(session.isOnline(), "no imitated line reached the session");
        assertTrue(failures.isEmpty(), "no loss or restart believed: " + failures);
        assertTrue(messages.isEmpty(), "no message made up from a payload: " + messages);
    }

    @Test
    void aKeptMessageArrivesExactlyWhateverItHolds() throws Exception {
        bufferedReceive = true;
        ModemSession session = online(Bc26Simulator.Model.BG95);
        assertEquals(ReceiveFormat.BUFFERED, receiveFormats.poll());
        String imitation = "line\r\nOK\r\n+QMTRECV: 0,4\r\n+QMTSTAT: 0,1\r\nAPP RDY\r\n\"";
        assertEquals(imitation, downlink("to/modem/text", imitation.getBytes(StandardCharsets.UTF_8)).payloadAsString());
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        assertArrayEquals(binary, downlink("to/modem/bin", binary).payload());
        observer.subscribe("from/modem/#", 1);
        session.publish("from/modem/bin", binary, 1, false).get(30, TimeUnit.SECONDS);
        assertEquals(256, observer.next(30).payload().length(), "every byte value out, Ctrl+Z included, no hex");
        assertTrue(session.isOnline());
        assertTrue(failures.isEmpty(), "nothing imitated was believed: " + failures);
        assertTrue(messages.isEmpty(), "no message made up from a payload (nor read twice): " + messages);
    }

    /**
     * The host stops reading the serial line while five messages arrive (a paced line, a 256-byte host buffer): a BC26
     * prints them to a UART nobody reads and they are lost; a BG95 keeps them, and what the host missed it reads
     * when it asks the modem again.
     */
    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC26", "BG95" })
    void aStalledHostLosesOnBc26AndNothingOnABufferingModem(Bc26Simulator.Model simulated) throws Exception {
        bufferedReceive = true;
        ModemSession session = start(simulated, null, 0, options -> {
            options.baudRate = 115200;
            options.hostBufferBytes = 256;
        });
        Await.until("session online", ONLINE, session::isOnline);
        Bc26Simulator sim = modem.simulator();
        sim.stallHost(true);
        for (int i = 1; i <= 5; i++) {
            observer.publish("to/modem/stall", ("message " + i + " " + "x".repeat(80)).getBytes(StandardCharsets.UTF_8),
                    1, false);
        }
        Await.until("five messages reached the modem", ONLINE, () -> sim.messagesFromBroker() >= 5);
        Await.until("the line carried what the modem printed", ONLINE, sim::uartIdle);
        sim.stallHost(false);
        Set<String> arrived = new HashSet<>();
        boolean buffering = simulated != Bc26Simulator.Model.BC26;
        if (buffering) {
            Await.until("all five read from the modem", ONLINE, () -> collect(arrived) && arrived.size() == 5);
        }
        // A message after the stall: when it is here, everything that was going to arrive has.
        observer.publish("to/modem/after", "marker", 1, false);
        Await.until("the marker", ONLINE, () -> collect(arrived) && arrived.contains("marker"));
        if (buffering) {
            assertEquals(0, sim.storeOverflows());
        } else {
            assertTrue(sim.uartBytesLost() > 0);
            assertTrue(arrived.size() < 6, "BC26 lost what it printed to the stalled host: " + arrived);
        }
        assertTrue(session.isOnline());
    }

    /**
     * The price of buffering: a BG95 keeps five messages; a burst of eight (a reconnect's backlog, retained messages
     * at start) arriving faster than the host reads loses what does not fit, and the simulator counts it.
     */
    @Test
    void aBurstBeyondTheFivePlacesOfABufferingModemLosesTheRest() throws Exception {
        bufferedReceive = true;
        ModemSession session = start(Bc26Simulator.Model.BG95, null, 0, options -> options.baudRate = 115200);
        Await.until("session online", ONLINE, session::isOnline);
        Bc26Simulator sim = modem.simulator();
        sim.stallHost(true);
        for (int i = 1; i <= 8; i++) {
            observer.publish("to/modem/burst", ("message " + i).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        Await.until("eight messages reached the modem", ONLINE, () -> sim.messagesFromBroker() >= 8);
        sim.stallHost(false);
        Set<String> arrived = new HashSet<>();
        Await.until("the five kept", ONLINE, () -> collect(arrived) && arrived.size() == 5);
        assertEquals(3, sim.storeOverflows(), "three found no place");
    }

    /** Adds what arrived (the message's number, or "marker") to {@code arrived}; true, for use in a wait. */
    private boolean collect(Set<String> arrived) {
        MqttMessage m;
        while ((m = messages.poll()) != null) {
            arrived.add(m.topic().equals("to/modem/after") ? "marker" : m.payloadAsString().split(" ")[1]);
        }
        return true;
    }

    @Test
    void payloadsGoOutInTheFormsTheModelHasWithinItsLimits() throws Exception {
        ModemSession session = online(Bc26Simulator.Model.BC260Y);
        observer.subscribe("from/modem/#", 1);
        String[] texts = { "x".repeat(1460), "two\r\nlines, \"quoted\"" };
        for (String text : texts) {
            session.publish("from/modem/t", text.getBytes(StandardCharsets.UTF_8), 1, false).get(30, TimeUnit.SECONDS);
            assertEquals(text, observer.next(30).payload());
        }
        byte[] binary = new byte[730];
        Arrays.fill(binary, (byte) 0x1A);
        session.publish("from/modem/b", binary, 1, false).get(30, TimeUnit.SECONDS);
        assertEquals(730, observer.next(30).payload().length(), "730 Ctrl+Z bytes through the hex format");

        ExecutionException tooLong = assertThrows(ExecutionException.class, () -> session
                .publish("from/modem/t", "x".repeat(1461).getBytes(StandardCharsets.UTF_8), 1, false)
                .get(30, TimeUnit.SECONDS));
        assertEquals(MqttException.Reason.PAYLOAD_TOO_LARGE, Bc26MqttClient.failureOf(tooLong).getReason(),
                "refused before the modem, which would cut it at 1460 bytes");
        assertTrue(observer.queue().isEmpty());
    }

    /**
     * The APN and the bands are set in each model's words: BC26 and BC660K write the default bearer (a reboot makes it
     * count) and lock bands with AT+QBAND; a BG95 sets PDP context 1 (no reboot) and band masks for LTE-M and NB-IoT.
     */
    @ParameterizedTest
    @EnumSource(value = Bc26Simulator.Model.class, names = { "BC660K", "BG95" })
    void theApnAndBandsAreSetInTheModelsOwnCommands(Bc26Simulator.Model simulated) throws Exception {
        apn = "iot.example";
        bands = List.of(3, 8, 20);
        ModemSession session = online(simulated);
        List<String> commands = modem.simulator().receivedCommands();
        boolean bg = simulated == Bc26Simulator.Model.BG95;
        String setApn = bg ? "AT+QICSGP=1,1,\"iot.example\",\"\",\"\",1" : "AT+QCGDEFCONT=\"IP\",\"iot.example\"";
        String setBands = bg ? "AT+QCFG=\"band\",0,80084,80084" : "AT+QBAND=3,3,8,20";
        assertTrue(commands.contains(setApn), String.valueOf(commands));
        assertTrue(commands.contains(setBands), String.valueOf(commands));
        assertEquals(!bg, commands.contains("AT+QRST=1"), "only the default bearer needs a reboot to count");
        assertTrue(session.isOnline());
        assertTrue(failures.isEmpty(), String.valueOf(failures));
    }

    @Test
    void aClientIdTheModelDoesNotHaveIsAConfigurationErrorThatNeedsTheUser() throws Exception {
        start(Bc26Simulator.Model.BC660K, null, 5);
        SessionFailure failure = failures.poll(30, TimeUnit.SECONDS);
        assertNotNull(failure);
        assertEquals(SessionFailure.Kind.CONFIGURATION, failure.kind());
        assertTrue(failure.detail().contains("0-4"), failure.detail());
        assertTrue(failure.needsTheUser());
    }

    @Test
    void aForcedModelIsSpokenAndSaidToBeForced() throws Exception {
        ModemSession session = start(Bc26Simulator.Model.BC260Y, ModemModel.BC660K, 0);
        Await.until("session online", ONLINE, session::isOnline);
        assertEquals("BC660K forced", dialects.poll());
        assertEquals(ModemModel.BC660K, session.dialect().model());
    }
}
