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
package org.openhab.binding.bc26.internal.modem.mqtt;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.testing.DriverHarness;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.ScriptedModem;

/**
 * The MQTT client on the real engine over a pseudo-terminal, against scripted BC26 answers for every result code.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class Bc26MqttClientTest {

    /** The text receive format, so the scripted modem's records can be read in the tests; hex has its own tests. */
    private static final MqttSettings SETTINGS = MqttSettings.of(0, "broker.example", 1883, "cid")
            .withCredentials("user", "secret").withHexReceive(false);

    private @NonNullByDefault({}) ScriptedModem modem;
    private @NonNullByDefault({}) DriverHarness driver;
    private @NonNullByDefault({}) Bc26MqttClient client;
    private final BlockingQueue<MqttMessage> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> losses = new LinkedBlockingQueue<>();
    private final BlockingQueue<MqttState> states = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> drops = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> formats = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        modem = ScriptedModem.start();
        modem.on("AT\\+QMTCFG=.*", "\r\nOK\r\n");
        driver = new DriverHarness(modem.port());
        client = clientWith(SETTINGS);
    }

    private Bc26MqttClient clientWith(MqttSettings settings) {
        Bc26MqttClient created = new Bc26MqttClient(driver.engine, settings, new MqttClientListener() {
            @Override
            public void stateChanged(MqttState state) {
                states.add(state);
            }

            @Override
            public void messageReceived(MqttMessage message) {
                messages.add(message);
            }

            @Override
            public void connectionLost(int code, String reason) {
                losses.add(code + " " + reason);
            }

            @Override
            public void receiveDropped(String topic, String reason) {
                drops.add(topic + ": " + reason);
            }

            @Override
            public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
                formats.add(format + (asConfigured ? "" : " (fallback)"));
            }
        });
        driver.urcHandler = created::handleUrc;
        return created;
    }

    @AfterEach
    void stop() {
        driver.close();
        modem.close();
    }

    private void brokerAccepts() {
        modem.on("AT\\+QMTOPEN=0,\"broker.example\",1883", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n");
        modem.on("AT\\+QMTCONN=0,.*", "\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n");
    }

    private void connected() throws MqttException {
        brokerAccepts();
        client.connect();
        assertEquals(MqttState.CONNECTED, client.state());
    }

    private static MqttException failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return Bc26MqttClient.failureOf(e);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("no answer");
        }
        return fail("expected a failure");
    }

    @Test
    void connectConfiguresOpensAndConnectsWithCredentials() throws Exception {
        connected();
        assertEquals("AT+QMTCFG=\"version\",0,4", modem.nextCommand());
        assertEquals("AT+QMTCFG=\"keepalive\",0,120", modem.nextCommand());
        assertEquals("AT+QMTCFG=\"session\",0,1", modem.nextCommand());
        assertEquals("AT+QMTCFG=\"timeout\",0,10,3,0", modem.nextCommand());
        assertEquals("AT+QMTCFG=\"will\",0,0", modem.nextCommand());
        assertEquals("AT+QMTCFG=\"dataformat\",0,0,0", modem.nextCommand());
        assertEquals("AT+QMTCFG=\"echomode\",0,0", modem.nextCommand());
        assertEquals("AT+QMTOPEN=0,\"broker.example\",1883", modem.nextCommand());
        assertEquals("AT+QMTCONN=0,\"cid\",\"user\",\"secret\"", modem.nextCommand());
        assertEquals(List.of(MqttState.OPENING, MqttState.OPEN, MqttState.CONNECTING, MqttState.CONNECTED),
                List.copyOf(states));
    }

    @Test
    void aStaleClientIsClosedAndTheOpenRetried() throws Exception {
        modem.on("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n");
        modem.once("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0,2\r\n");
        modem.on("AT\\+QMTCLOSE=0", "\r\nOK\r\n\r\n+QMTCLOSE: 0,0\r\n");
        modem.on("AT\\+QMTCONN=0,.*", "\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n");
        client.connect();
        assertEquals(MqttState.CONNECTED, client.state());
        modem.nextCommandStartingWith("AT+QMTOPEN=");
        assertEquals("AT+QMTCLOSE=0", modem.nextCommandStartingWith("AT+QMTCLOSE"));
        modem.nextCommandStartingWith("AT+QMTOPEN=");
    }

    @Test
    void everyOpenFailureIsDecoded() {
        int[] results = { -1, 1, 3, 4, 5 };
        MqttException.Reason[] reasons = { MqttException.Reason.NETWORK_FAILED, MqttException.Reason.WRONG_PARAMETER,
                MqttException.Reason.PDP_ACTIVATION_FAILED, MqttException.Reason.DNS_FAILED,
                MqttException.Reason.NETWORK_FAILED };
        for (int i = 0; i < results.length; i++) {
            modem.on("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0," + results[i] + "\r\n");
            MqttException e = assertThrows(MqttException.class, client::connect);
            assertEquals(reasons[i], e.getReason(), "result " + results[i]);
            assertEquals(results[i], e.getCode());
            assertTrue(e.getMessage().contains(QmtCodes.openResult(results[i])), e.getMessage());
            assertEquals(MqttState.CLOSED, client.state());
        }
    }

    @Test
    void everyConnackRefusalIsDecoded() {
        modem.on("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n");
        for (int code = 1; code <= 5; code++) {
            modem.on("AT\\+QMTCONN=.*", "\r\nOK\r\n\r\n+QMTCONN: 0,0," + code + "\r\n");
            MqttException e = assertThrows(MqttException.class, client::connect);
            assertEquals(MqttException.Reason.CONNECTION_REFUSED, e.getReason());
            assertEquals(code, e.getCode());
            assertTrue(e.getMessage().contains(QmtCodes.connackCode(code)), e.getMessage());
        }
    }

    @Test
    void aConnectEndedByQmtstatInsteadOfQmtconnFails() {
        modem.on("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n");
        modem.on("AT\\+QMTCONN=.*", "\r\nOK\r\n\r\n+QMTSTAT: 0,1\r\n");
        MqttException e = assertThrows(MqttException.class, client::connect);
        assertEquals(MqttException.Reason.CONNECT_FAILED, e.getReason());
        assertEquals(1, e.getCode());
        assertTrue(losses.isEmpty(), "a failed connect is reported by connect(), not as a lost session");
    }

    @Test
    void theUnacknowledgedConnectIsDecoded() {
        modem.on("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n");
        modem.on("AT\\+QMTCONN=.*", "\r\nOK\r\n\r\n+QMTCONN: 0,2\r\n");
        MqttException e = assertThrows(MqttException.class, client::connect);
        assertEquals(MqttException.Reason.CONNECT_FAILED, e.getReason());
    }

    @Test
    void thePasswordIsRedactedInFailures() {
        modem.on("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n");
        modem.on("AT\\+QMTCONN=.*", "\r\nERROR\r\n");
        MqttException e = assertThrows(MqttException.class, client::connect);
        assertEquals(MqttException.Reason.MODEM_ERROR, e.getReason());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertTrue(e.getMessage().contains("****"), e.getMessage());
        assertFalse(SETTINGS.toString().contains("secret"));
    }

    @Test
    void subscriptionsAreMadeAgainOnEveryConnect() throws Exception {
        modem.on("AT\\+QMTSUB=0,(\\d+),\"a/#\",1,\"b/\\+/c\",2", m -> "\r\nOK\r\n\r\n+QMTSUB: 0," + m.group(1)
                + ",0,1,2\r\n");
        assertEquals(List.of(), client.subscribe("a/#", 1).get(10, TimeUnit.SECONDS), "not connected yet");
        client.subscribe("b/+/c", 2).get(10, TimeUnit.SECONDS);
        connected();
        assertSubscribedToBoth(modem.nextCommandStartingWith("AT+QMTSUB="));
        client.handleUrc(org.openhab.binding.bc26.internal.modem.at.AtLine.of("+QMTSTAT: 0,1"));
        connected();
        assertSubscribedToBoth(modem.nextCommandStartingWith("AT+QMTSUB="));
    }

    private static void assertSubscribedToBoth(String command) {
        assertTrue(command.matches("AT\\+QMTSUB=0,\\d+,\"a/#\",1,\"b/\\+/c\",2"), command);
    }

    @Test
    void grantedQosIsReportedAndRejectionIsAnError() throws Exception {
        connected();
        modem.on("AT\\+QMTSUB=0,(\\d+),\"ok\",2", m -> "\r\nOK\r\n\r\n+QMTSUB: 0," + m.group(1) + ",0,1\r\n");
        assertEquals(List.of(1), client.subscribe("ok", 2).get(10, TimeUnit.SECONDS));
        modem.on("AT\\+QMTSUB=0,(\\d+),\"secret/#\",1",
                m -> "\r\nOK\r\n\r\n+QMTSUB: 0," + m.group(1) + ",0,128\r\n");
        MqttException e = failure(client.subscribe("secret/#", 1));
        assertEquals(MqttException.Reason.SUBSCRIPTION_REJECTED, e.getReason());
        assertTrue(e.getMessage().contains("secret/#"));
    }

    @Test
    void invalidTopicFiltersAreRefusedBeforeTheModem() throws Exception {
        connected();
        for (String filter : List.of("a/#/b", "a+/b", "", "x\"y", "a\r\nAT+QRST=1")) {
            MqttException e = failure(client.subscribe(filter, 0));
            assertEquals(MqttException.Reason.INVALID_ARGUMENT, e.getReason(), filter);
        }
        assertTrue(modem.pendingCommands().stream().noneMatch(c -> c.startsWith("AT+QMTSUB")));
    }

    @Test
    void unsubscribeSendsQmtuns() throws Exception {
        connected();
        modem.on("AT\\+QMTSUB=0,(\\d+),\"x\",0", m -> "\r\nOK\r\n\r\n+QMTSUB: 0," + m.group(1) + ",0,0\r\n");
        modem.on("AT\\+QMTUNS=0,(\\d+),\"x\"", m -> "\r\nOK\r\n\r\n+QMTUNS: 0," + m.group(1) + ",0\r\n");
        client.subscribe("x", 0).get(10, TimeUnit.SECONDS);
        client.unsubscribe("x").get(10, TimeUnit.SECONDS);
        assertTrue(modem.nextCommandStartingWith("AT+QMTUNS=").endsWith(",\"x\""));
        assertEquals(java.util.Map.of(), client.subscriptions());
    }

    @Test
    void plainTextGoesInTheDirectFormWithMessageIdZeroForQos0() throws Exception {
        connected();
        modem.on("AT\\+QMTPUB=0,0,0,0,\"t/x\",\"hello world\"", "\r\nOK\r\n\r\n+QMTPUB: 0,0,0\r\n");
        client.publish("t/x", "hello world".getBytes(StandardCharsets.UTF_8), 0, false).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRetransmissionReportIsNotTheFinalAnswer() throws Exception {
        connected();
        modem.on("AT\\+QMTPUB=0,(\\d+),1,1,\"t\",\"v\"",
                m -> "\r\nOK\r\n\r\n+QMTPUB: 0," + m.group(1) + ",1,1\r\n\r\n+QMTPUB: 0," + m.group(1) + ",2\r\n");
        MqttException e = failure(client.publish("t", "v".getBytes(StandardCharsets.UTF_8), 1, true));
        assertEquals(MqttException.Reason.SEND_FAILED, e.getReason(), "result 2 after result 1 decides");
    }

    @Test
    void qos1And2UseDistinctNonZeroIds() throws Exception {
        connected();
        modem.on("AT\\+QMTPUB=0,(\\d+),([12]),0,\"t\",\"v\"",
                m -> "\r\nOK\r\n\r\n+QMTPUB: 0," + m.group(1) + ",0\r\n");
        CompletableFuture<Void> a = client.publish("t", "v".getBytes(StandardCharsets.UTF_8), 1, false);
        CompletableFuture<Void> b = client.publish("t", "v".getBytes(StandardCharsets.UTF_8), 2, false);
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        String first = modem.nextCommandStartingWith("AT+QMTPUB=").split(",")[1];
        String second = modem.nextCommandStartingWith("AT+QMTPUB=").split(",")[1];
        assertNotEquals("0", first);
        assertNotEquals(first, second);
    }

    @Test
    void quotesCommasAndLineBreaksGoThroughThePrompt() throws Exception {
        connected();
        modem.onPrompt("AT\\+QMTPUB=0,(\\d+),1,0,\"t\"", "\r\n> ", data -> "\r\nOK\r\n");
        byte[] payload = "{\"a\": \"b,c\",\r\n\"d\": 1}".getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> published = client.publish("t", payload, 1, false);
        assertArrayEquals(payload, modem.nextData());
        String id = modem.nextCommandStartingWith("AT+QMTPUB=").split(",")[1];
        modem.send("\r\n+QMTPUB: 0," + id + ",0\r\n");
        published.get(10, TimeUnit.SECONDS);
    }

    @Test
    void binaryPayloadsGoInHexWithTheDataFormatSwitchedAroundThem() throws Exception {
        connected();
        modem.on("AT\\+QMTPUB=0,0,0,0,\"bin\",\"001A1BFF\"", "\r\nOK\r\n\r\n+QMTPUB: 0,0,0\r\n");
        client.publish("bin", new byte[] { 0, 0x1A, 0x1B, (byte) 0xFF }, 0, false).get(10, TimeUnit.SECONDS);
        assertEquals("AT+QMTCFG=\"dataformat\",0,1,0", modem.nextCommandStartingWith("AT+QMTCFG=\"dataformat\",0,1"));
        assertEquals("AT+QMTPUB=0,0,0,0,\"bin\",\"001A1BFF\"", modem.nextCommand());
        assertEquals("AT+QMTCFG=\"dataformat\",0,0,0", modem.nextCommand());
    }

    @Test
    void aBinaryPublishWhoseSwitchToHexFailsIsNotSentAsText() throws Exception {
        connected();
        modem.on("AT\\+QMTCFG=\"dataformat\",0,1,0", "\r\nERROR\r\n");
        MqttException e = failure(client.publish("bin", new byte[] { 0, 0x1A, 0x1B, (byte) 0xFF }, 0, false));
        assertEquals(MqttException.Reason.MODEM_ERROR, e.getReason());
        assertEquals("AT+QMTCFG=\"dataformat\",0,1,0", modem.nextCommandStartingWith("AT+QMTCFG=\"dataformat\",0,1"));
        assertEquals("AT+QMTCFG=\"dataformat\",0,0,0", modem.nextCommand(), "switched back, the publish skipped");
        assertTrue(modem.pendingCommands().stream().noneMatch(c -> c.startsWith("AT+QMTPUB")));
    }

    @Test
    void payloadsBeyondTheModemsLimitsAreRefusedClearly() throws Exception {
        connected();
        MqttException text = failure(client.publish("t", "x,".repeat(1024).getBytes(StandardCharsets.UTF_8), 1,
                false));
        assertEquals(MqttException.Reason.PAYLOAD_TOO_LARGE, text.getReason());
        assertTrue(text.getMessage().contains("2048 bytes"), text.getMessage());
        MqttException binary = failure(client.publish("t", new byte[600], 1, false));
        assertEquals(MqttException.Reason.PAYLOAD_TOO_LARGE, binary.getReason());
        assertTrue(modem.pendingCommands().stream().noneMatch(c -> c.startsWith("AT+QMTPUB")));
    }

    @Test
    void topicsThatCouldInjectCommandsOrHoldWildcardsAreRefused() throws Exception {
        connected();
        for (String topic : List.of("a/+", "a/#", "", "a\"b", "a\r\nAT+QRST=1", "a\u001a", "x".repeat(256))) {
            MqttException e = failure(client.publish(topic, new byte[] { 'v' }, 0, false));
            assertEquals(MqttException.Reason.INVALID_ARGUMENT, e.getReason(), topic);
        }
        assertTrue(modem.pendingCommands().stream().noneMatch(c -> c.startsWith("AT+QMTPUB")));
    }

    @Test
    void publishingWhileDisconnectedFailsAtOnce() throws Exception {
        MqttException e = failure(client.publish("t", new byte[] { 'v' }, 1, false));
        assertEquals(MqttException.Reason.NOT_CONNECTED, e.getReason());
    }

    @Test
    void receivedMessagesKeepRawQuotesAndCommas() throws Exception {
        connected();
        modem.send("\r\n+QMTRECV: 0,3,\"v1/rpc\",\"{\"method\":\"set\",\"params\":true}\"\r\n");
        MqttMessage message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message);
        assertEquals("v1/rpc", message.topic());
        assertEquals("{\"method\":\"set\",\"params\":true}", message.payloadText());
        assertEquals(3, message.messageId());
    }

    @Test
    void qmtstatEndsTheSessionAndFailsWhatIsPending() throws Exception {
        connected();
        modem.on("AT\\+QMTPUB=0,(\\d+),1,0,\"t\",\"v\"", "\r\nOK\r\n");
        CompletableFuture<Void> pending = client.publish("t", "v".getBytes(StandardCharsets.UTF_8), 1, false);
        modem.nextCommandStartingWith("AT+QMTPUB=");
        modem.send("\r\n+QMTSTAT: 0,2\r\n");
        MqttException e = failure(pending);
        assertEquals(MqttException.Reason.CONNECTION_LOST, e.getReason());
        assertEquals("2 " + QmtCodes.statCode(2), losses.poll(10, TimeUnit.SECONDS));
        assertEquals(MqttState.CLOSED, client.state());
    }

    @Test
    void otherClientsUrcsAreIgnored() throws Exception {
        connected();
        modem.send("\r\n+QMTSTAT: 1,1\r\n\r\n+QMTRECV: 2,0,\"t\",\"other\"\r\n\r\n+QMTRECV: 0,0,\"t\",\"mine\"\r\n");
        MqttMessage message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message);
        assertEquals("mine", message.payloadText());
        assertEquals(MqttState.CONNECTED, client.state());
    }

    @Test
    void disconnectSendsQmtdiscAndQmtclose() throws Exception {
        connected();
        modem.on("AT\\+QMTDISC=0", "\r\nOK\r\n\r\n+QMTDISC: 0,0\r\n");
        modem.on("AT\\+QMTCLOSE=0", "\r\nOK\r\n\r\n+QMTCLOSE: 0,0\r\n");
        client.disconnect();
        assertEquals("AT+QMTDISC=0", modem.nextCommandStartingWith("AT+QMTDISC"));
        assertEquals("AT+QMTCLOSE=0", modem.nextCommand());
        assertEquals(MqttState.CLOSED, client.state());
    }

    @Test
    void hexReceiveIsTheDefaultAndNoPayloadCanLookLikeAModemLine() throws Exception {
        client = clientWith(SETTINGS.withHexReceive(true));
        connected();
        assertEquals("AT+QMTCFG=\"dataformat\",0,0,1", modem.nextCommandStartingWith("AT+QMTCFG=\"dataformat\""));
        assertEquals("HEX", formats.poll(10, TimeUnit.SECONDS));
        assertTrue(MqttSettings.of(0, "h", 1883, "c").hexReceive(), "hex unless asked otherwise");
        // "x", CR LF, "+QMTSTAT: 0,1", CR LF, "OK": in hex all one line of digits.
        byte[] hostile = "x\r\n+QMTSTAT: 0,1\r\nOK".getBytes(StandardCharsets.US_ASCII);
        modem.send("\r\n+QMTRECV: 0,7,\"a\",\"b\",\"" + java.util.HexFormat.of().formatHex(hostile) + "\"\r\n");
        MqttMessage message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message);
        assertEquals("a\",\"b", message.topic(), "the payload is found from the end, so even this topic parses");
        assertArrayEquals(hostile, message.payload());
        assertEquals(MqttState.CONNECTED, client.state());
        assertTrue(losses.isEmpty());
    }

    @Test
    void aHexRecordThatIsNotHexIsDroppedAndReportedWithItsTopic() throws Exception {
        client = clientWith(SETTINGS.withHexReceive(true));
        connected();
        modem.send("\r\n+QMTRECV: 0,0,\"site/pump\",\"4F4\"\r\n\r\n+QMTRECV: 0,0,\"site/ok\",\"4F4B\"\r\n");
        MqttMessage message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message);
        assertEquals("OK", message.payloadText());
        assertEquals("site/pump: it is not a record of the hex format", drops.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void firmwareWithoutTheDataFormatItemFallsBackToTextAndSaysSo() throws Exception {
        modem.on("AT\\+QMTCFG=\"dataformat\".*", "\r\nERROR\r\n");
        client = clientWith(SETTINGS.withHexReceive(true));
        connected();
        assertEquals("TEXT (fallback)", formats.poll(10, TimeUnit.SECONDS));
        assertEquals(ReceiveFormat.TEXT, client.receiveFormat());
        modem.send("\r\n+QMTRECV: 0,0,\"t\",\"plain\"\r\n");
        MqttMessage message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message);
        assertEquals("plain", message.payloadText());
    }

    /**
     * A broker that accepts and drops at once: +QMTCONN and +QMTSTAT in one write. Before the fix the +QMTSTAT found
     * the client still CONNECTING and was ignored, and the bring-up then set CONNECTED on a dead connection.
     */
    @Test
    void aQmtstatInTheSameReadAsTheConnackIsAConnectionLossNotAConnectedClient() throws Exception {
        modem.on("AT\\+QMTOPEN=.*", "\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n");
        modem.on("AT\\+QMTCONN=0,.*", "\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n\r\n+QMTSTAT: 0,1\r\n");
        boolean threw = false;
        try {
            client.connect();
        } catch (MqttException e) {
            threw = true;
            assertEquals(MqttException.Reason.CONNECTION_LOST, e.getReason());
        }
        // The +QMTSTAT has been handled once the harness saw it (the client hears of a URC first).
        Await.until("+QMTSTAT handled", java.time.Duration.ofSeconds(10),
                () -> driver.urcs.stream().anyMatch(l -> l.text().startsWith("+QMTSTAT")));
        assertEquals(MqttState.CLOSED, client.state());
        assertTrue(threw || !losses.isEmpty(), "the loss reached the owner: by the connect failing or as a loss");
    }

    @Test
    void readFormsReportTheModemsView() throws Exception {
        connected();
        modem.on("AT\\+QMTCONN\\?", "\r\n+QMTCONN: 1,1\r\n\r\n+QMTCONN: 0,3\r\n\r\nOK\r\n");
        assertEquals(3, client.queryConnectionState());
        modem.on("AT\\+QMTOPEN\\?", "\r\n+QMTOPEN: 0,\"220.180.239.212\",8401\r\n\r\nOK\r\n");
        assertEquals(java.util.Optional.of("220.180.239.212:8401"), client.queryOpenBroker());
        modem.on("AT\\+QMTOPEN\\?", "\r\nOK\r\n");
        assertEquals(java.util.Optional.empty(), client.queryOpenBroker());
        assertTrue(driver.urcs.stream().noneMatch(l -> l.text().startsWith("+QMTCONN: 0,3")),
                "read answers are not taken for URCs");
    }

    @Test
    void settingsRefuseWhatCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(6, "h", 1883, "c"));
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(0, "h\"", 1883, "c"));
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(0, "h", 0, "c"));
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(0, "h", 1883, "c\r\nAT"));
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(0, "x".repeat(101), 1883, "c"));
        assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.of(0, "h", 1883, "c").withCredentials("u", "p\"w"));
        assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.of(0, "h", 1883, "c").withCredentials(null, "p"));
        assertThrows(IllegalArgumentException.class, () -> new MqttSettings.Will("t/#", "m", 0, false));
        assertThrows(IllegalArgumentException.class, () -> new MqttSettings.Will("t", "{\"a\":1}", 0, false));
    }
}
