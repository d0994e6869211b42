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
package org.openhab.binding.bc26.internal.handler;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.Bc26BindingConstants;
import org.openhab.binding.bc26.internal.config.BridgeSettings;
import org.openhab.binding.bc26.internal.action.Bc26Actions;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.State;

/**
 * The real bridge handler, with a callback that mirrors status the way openHAB does, through jSerialComm on a
 * pseudo-terminal to the simulator and a real mosquitto: configuration checks, UNKNOWN then ONLINE, properties,
 * trigger channels, rule actions, the outbox across a broker outage and across a handler restart, clean dispose.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class Bc26ModemHandlerTest {

    private static final Duration ONLINE = Duration.ofSeconds(30);
    private static final ThingUID BRIDGE_UID = new ThingUID(Bc26BindingConstants.THING_TYPE_MODEM, "cabin");

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private @NonNullByDefault({}) Mosquitto broker;
    private @NonNullByDefault({}) SimTransport modem;
    private final CallbackMirror mirror = new CallbackMirror();
    /** The binding's one record of port owners, shared by every bridge of a test as the factory shares it. */
    private final PortClaims portClaims = new PortClaims();
    private final List<ThingStatusInfo> statuses = mirror.statuses;
    private final Map<String, State> states = mirror.states;
    private final BlockingQueue<String> triggers = mirror.triggers;
    private final List<Bc26ModemHandler> handlers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        broker = Mosquitto.start(dir);
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26"));
    }

    @AfterEach
    void stop() {
        handlers.forEach(Bc26ModemHandler::dispose);
        modem.close();
        broker.close();
    }

    private Bridge bridge(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>();
        config.put("serialPort", modem.portName());
        config.put("host", "127.0.0.1");
        config.put("port", broker.port());
        config.put("clientID", "cabin-test");
        config.put("reconnectInitialSeconds", 1);
        config.put("reconnectMaxSeconds", 2);
        config.putAll(extra);
        List<Channel> channels = new ArrayList<>();
        channels.add(ChannelBuilder.create(new ChannelUID(BRIDGE_UID, "door"), null)
                .withType(new ChannelTypeUID("bc26", "publish-trigger")).withKind(ChannelKind.TRIGGER)
                .withConfiguration(new Configuration(Map.of("stateTopic", "door/#"))).build());
        channels.add(ChannelBuilder.create(new ChannelUID(BRIDGE_UID, "alarm"), null)
                .withType(new ChannelTypeUID("bc26", "publish-trigger")).withKind(ChannelKind.TRIGGER)
                .withConfiguration(new Configuration(Map.of("stateTopic", "alarm/+/state", "payload", "ON", "separator",
                        "#")))
                .build());
        return BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, BRIDGE_UID).withConfiguration(
                new Configuration(config)).withChannels(channels).build();
    }

    private Bc26ModemHandler handler(Bridge bridge) {
        Bc26ModemHandler handler = new Bc26ModemHandler(bridge, portClaims);
        ThingHandlerCallback callback = mirror.forThing(bridge, null);
        handler.setCallback(callback);
        bridge.setStatusInfo(new ThingStatusInfo(ThingStatus.INITIALIZING, ThingStatusDetail.NONE, null));
        handlers.add(handler);
        return handler;
    }

    private Bc26Actions actions(Bc26ModemHandler handler) {
        Bc26Actions actions = new Bc26Actions();
        actions.setThingHandler(handler);
        return actions;
    }

    private void awaitOnline(Bridge bridge) {
        Await.until("bridge ONLINE", ONLINE, () -> bridge.getStatus() == ThingStatus.ONLINE);
    }

    /** A handler for {@code bridge}, initialised and ONLINE. */
    private Bc26ModemHandler onlineHandler(Bridge bridge) {
        Bc26ModemHandler handler = handler(bridge);
        handler.initialize();
        awaitOnline(bridge);
        return handler;
    }

    @Test
    void initializeReturnsUnknownAtOnceThenGoesOnlineWithProperties() {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = handler(bridge);
        handler.initialize();
        assertEquals(ThingStatus.UNKNOWN, statuses.get(0).getStatus(), "UNKNOWN first, before any modem I/O");
        awaitOnline(bridge);
        assertEquals("866971030000001", bridge.getProperties().get("imei"));
        assertEquals("Quectel_BC26", bridge.getProperties().get("modelId"));
        assertEquals("BC26NBR01A01", bridge.getProperties().get("firmwareVersion"));
        Await.until("signal channels refreshed", ONLINE,
                () -> states.containsKey("rssi") && states.containsKey("signal-strength")
                        && states.containsKey("registration"));
        assertEquals("-73 dBm", states.get("rssi").toString());
        assertEquals(new DecimalType(4), states.get("signal-strength"));
        assertEquals("REGISTERED_HOME", states.get("registration").toString());
    }

    @Test
    void theReceiveFormatInUseIsAPropertyAndADroppedMessageIsCounted() {
        Bridge bridge = bridge(Map.of());
        handler(bridge).initialize();
        awaitOnline(bridge);
        assertEquals("hex", bridge.getProperties().get("receiveFormat"), "hex by default");
        Await.until("no drop yet", ONLINE, () -> new DecimalType(0).equals(states.get("messages-dropped")));
        // A record that is not one of the hex format (the modem lost part of it): lost data, so counted and shown.
        modem.simulator().sendRaw("\r\n+QMTRECV: 0,0,\"door/front\",\"4F5\"\r\n".getBytes(StandardCharsets.UTF_8));
        Await.until("the drop counted", ONLINE, () -> new DecimalType(1).equals(states.get("messages-dropped")));
        // The last error is its own channel update, after the counter's: waited for, not read at once (a race).
        Await.until("the drop shown as the last error", ONLINE,
                () -> String.valueOf(states.get("last-error")).contains("door/front"));
        assertEquals(ThingStatus.ONLINE, bridge.getStatus());
    }

    @Test
    void oldFirmwareWithoutTheHexFormatFallsBackToTextAndTheBridgeSaysSo() {
        modem.simulator().options().firmwareV10 = true;
        Bridge bridge = bridge(Map.of());
        handler(bridge).initialize();
        awaitOnline(bridge);
        Await.until("the receive format property", ONLINE,
                () -> "text (the modem firmware refused hex)".equals(bridge.getProperties().get("receiveFormat")));
    }

    @Test
    void bandsAreLockedAndPowerSavingCanBeLeftOn() {
        Bridge bridge = bridge(Map.of("bands", "3,8", "powerSaving", true));
        handler(bridge).initialize();
        awaitOnline(bridge);
        List<String> commands = modem.simulator().receivedCommands();
        assertTrue(commands.contains("AT+QBAND=2,3,8"), commands.toString());
        assertFalse(commands.contains("AT+QSCLK=0"), "power saving left as the modem has it");
        assertFalse(commands.contains("AT+CPSMS=0"));
    }

    @Test
    void missingSettingsAreConfigurationErrorsAndNoClientIdIsWrittenBack() {
        Bridge noHost = bridge(Map.of("host", ""));
        Bc26ModemHandler handler = handler(noHost);
        handler.initialize();
        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.config.broker-host-missing"), statuses.get(statuses.size() - 1));
        handler.dispose();

        Bridge badWill = bridge(Map.of("lwtTopic", "a/#", "clientID", ""));
        Bc26ModemHandler second = handler(badWill);
        second.initialize();
        ThingStatusInfo status = statuses.get(statuses.size() - 1);
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, status.getStatusDetail());
        assertTrue(String.valueOf(status.getDescription()).startsWith("@text/offline.config.topic-wildcard"),
                String.valueOf(status.getDescription()));
        assertEquals("", badWill.getConfiguration().get("clientID"),
                "nothing written into the configuration (a .things file could not keep it)");
    }

    /**
     * The bridge's parameters under the MQTT broker thing's names (the rig uses them), and the binding's former names
     * still read where the current name is absent: an older {@code .things} file keeps working.
     */
    @Test
    void theFormerParameterNamesStillWorkAndTheCurrentOnesWin() throws Exception {
        Map<String, Object> former = new HashMap<>();
        former.put("brokerHost", "not-used.example");
        former.put("clientID", "current-name");
        former.put("clientId", "former-name");
        former.put("defaultQos", new java.math.BigDecimal(2));
        former.put("willTopic", "site/lwt");
        former.put("willMessage", "gone");
        former.put("willRetain", false);
        former.put("mqttVersion", "V3");
        Bridge bridge = bridge(former);
        Bc26ModemHandler handler = onlineHandler(bridge);
        List<String> commands = modem.simulator().receivedCommands();
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("AT+QMTCONN=0,\"current-name\"")),
                "host and clientID given under the current names win: " + commands);
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("AT+QMTCFG=\"will\",0,1,0,0,\"site/lwt\",\"gone\"")),
                String.valueOf(commands));
        assertEquals(2, handler.defaultQos());
        handler.dispose();
        Bridge v5 = bridge(Map.of("mqttVersion", "V5"));
        Bc26ModemHandler refused = handler(v5);
        refused.initialize();
        ThingStatusInfo status = statuses.get(statuses.size() - 1);
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, status.getStatusDetail());
        assertEquals("mqttVersion V5: the modem's MQTT client speaks MQTT 3.1.1 (V3) only",
                CoreStatusText.english(status.getDescription()));
    }

    @Test
    void aBridgeWithoutClientIdConnectsWithTheSameIdEveryStart() throws Exception {
        Bridge bridge = bridge(Map.of("clientID", ""));
        Bc26ModemHandler first = onlineHandler(bridge);
        first.dispose();
        Bc26ModemHandler again = onlineHandler(bridge);
        List<String> connects = modem.simulator().receivedCommands().stream()
                .filter(command -> command.startsWith("AT+QMTCONN=")).toList();
        assertTrue(connects.size() >= 2, String.valueOf(connects));
        String id = "\"" + BridgeSettings.stableClientId(bridge.getUID().getId()) + "\"";
        assertTrue(connects.stream().allMatch(command -> command.contains(id)), connects + " all with " + id);
        assertEquals("", bridge.getConfiguration().get("clientID"));
        again.dispose();
        assertEquals("oh-bc26-cabin", BridgeSettings.stableClientId("cabin"));
        String longId = BridgeSettings.stableClientId("pump-house-north-field-2");
        assertEquals(23, longId.length(), longId);
        assertNotEquals(longId, BridgeSettings.stableClientId("pump-house-north-field-3"));
        assertEquals("oh-bc26-a_b", BridgeSettings.stableClientId("a.b"));
    }

    @Test
    void subscribedTopicsFireTriggerChannels() throws Exception {
        Bridge bridge = bridge(Map.of());
        handler(bridge).initialize();
        awaitOnline(bridge);
        try (Observer observer = new Observer(broker.uri())) {
            Await.until("door trigger fires", ONLINE, () -> {
                try {
                    observer.publish("door/front", "OPEN", 1, false);
                    String event = triggers.poll(300, TimeUnit.MILLISECONDS);
                    return "door=OPEN".equals(event);
                } catch (Exception e) {
                    return false;
                }
            });
            observer.publish("alarm/garage/state", "OFF", 1, false);
            observer.publish("alarm/garage/state", "ON", 1, false);
            assertEquals("alarm=alarm/garage/state#ON", triggers.poll(30, TimeUnit.SECONDS),
                    "payload condition and separator");
        }
    }

    /**
     * The data plan channels count from the first connect, keep the period's total across a dispose and a new
     * initialisation (in {@code <userdata>/bc26/}), and grow with what is published.
     */
    @Test
    void theDataPlanCountersSurviveARestartAndGrowWithWhatIsPublished() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = onlineHandler(bridge);
        Await.until("data counted after the connect", ONLINE,
                () -> states.get("data-sent") instanceof DecimalType sent && sent.longValue() > 0);
        long afterConnect = ((DecimalType) states.get("data-sent")).longValue();
        assertTrue(handler.publish("cabin/usage", new byte[500], 1, false));
        handler.dispose();
        long afterPublish = ((DecimalType) states.get("data-sent")).longValue();
        assertTrue(afterPublish >= afterConnect + 500 + 40, afterConnect + " -> " + afterPublish);
        java.util.Properties saved = new java.util.Properties();
        try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(
                dir.resolve("userdata/bc26/" + BRIDGE_UID.getAsString().replace(':', '_') + ".data"))) {
            saved.load(reader);
        }
        assertEquals(Long.toString(afterPublish), saved.getProperty("sent"));

        states.remove("data-sent");
        Bc26ModemHandler again = onlineHandler(bridge(Map.of()));
        Await.until("counted again", ONLINE, () -> states.get("data-sent") instanceof DecimalType sent
                && sent.longValue() > afterPublish);
        again.dispose();
    }

    @Test
    void theBirthMessageFollowsEveryConnectAndTheShutdownMessageTheDispose() throws Exception {
        try (Observer observer = new Observer(broker.uri())) {
            observer.subscribe("cabin/status", 1);
            Bridge bridge = bridge(Map.of("birthTopic", "cabin/status", "birthMessage", "online", "shutdownTopic",
                    "cabin/status", "shutdownMessage", "bye"));
            Bc26ModemHandler handler = handler(bridge);
            handler.initialize();
            awaitOnline(bridge);
            assertEquals("online", observer.next(30).payload());
            modem.simulator().injectQmtStat(0, 1);
            assertEquals("online", observer.next(30).payload(), "again after the reconnect");
            awaitOnline(bridge);
            handler.dispose();
            // A birth whose PUBACK the injected loss overtook is sent again (QoS 1 is at least once): skip copies.
            String last;
            do {
                last = observer.next(30).payload();
            } while ("online".equals(last));
            assertEquals("bye", last);
        }
    }

    @Test
    void ruleActionsPublishAndReportDelivery() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = onlineHandler(bridge);
        try (Observer observer = new Observer(broker.uri())) {
            observer.subscribe("pump/#", 2);
            Bc26Actions actions = actions(handler);
            assertTrue(Bc26Actions.publish(actions, "pump/state", "ON"));
            assertEquals("ON", observer.next(30).payload());
            assertTrue(actions.publish("pump/json", "{\"flow\": 3, \"note\": \"a, b\"}", 2, true));
            Observer.Received json = observer.next(30);
            assertEquals("{\"flow\": 3, \"note\": \"a, b\"}", json.payload());
            assertEquals(2, json.qos());
            assertTrue(actions.publishBytes("pump/raw", new byte[] { 1, 0x1A, 0 }, 1, false));
            assertEquals(3, observer.next(30).payload().length());
            assertFalse(actions.publish("pump/#", "wildcard", 1, false), "a wildcard topic is refused");
            assertFalse(actions.publish("pump/x", "v", 3, false), "QoS 3 is refused");
            assertThrows(IllegalArgumentException.class, () -> Bc26Actions.publish(null, "t", "p"));
            assertFalse(actions.publish(null, "no topic", 1, false), "a missing topic is refused, not thrown");
            assertFalse(actions.publish("pump/x", null, 1, false), "a missing payload is refused, not thrown");
            // Main UI sets action inputs in the module configuration, which openHAB's rule engine rejects for
            // inputs marked required: none is.
            for (java.lang.reflect.Method method : Bc26Actions.class.getMethods()) {
                for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                    org.openhab.core.automation.annotation.ActionInput input = parameter
                            .getAnnotation(org.openhab.core.automation.annotation.ActionInput.class);
                    assertTrue(input == null || !input.required(), method.getName() + " " + parameter.getName());
                }
            }
        }
    }

    /**
     * The QoS action called as openHAB's rule engine calls it: the method invoked with each input as it was stored. A
     * Main UI rule's configured {@code qos: 2} is a BigDecimal, the thing page's action dialog gives a Double (core
     * maps a text input to one as well), a script an Integer, and an input left out is absent.
     */
    @Test
    void theQosActionTakesEveryInputTypeOpenHabHandsIt() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = onlineHandler(bridge);
        try (Observer observer = new Observer(broker.uri())) {
            observer.subscribe("types/#", 2);
            Bc26Actions actions = actions(handler);
            java.lang.reflect.Method publish = null;
            for (java.lang.reflect.Method method : Bc26Actions.class.getMethods()) {
                if (method.getName().equals("publish") && method.getParameterCount() == 4
                        && method.getParameterTypes()[0] == String.class) {
                    publish = method;
                }
            }
            assertNotNull(publish);
            Map<String, Object> inputs = new java.util.LinkedHashMap<>();
            inputs.put("main-ui-rule", new java.math.BigDecimal("2"));
            inputs.put("action-dialog", 2.0d);
            inputs.put("text-input", Double.valueOf("2"));
            inputs.put("script", 2);
            for (Map.Entry<String, Object> input : inputs.entrySet()) {
                assertEquals(Boolean.TRUE, publish.invoke(actions, "types/" + input.getKey(), input.getKey(),
                        input.getValue(), Boolean.FALSE), input.getKey());
                Observer.Received received = observer.next(30);
                assertEquals(input.getKey(), received.payload());
                assertEquals(2, received.qos(), input.getKey());
            }
            assertEquals(Boolean.TRUE, publish.invoke(actions, "types/absent", "absent", null, null),
                    "no QoS: the bridge's default");
            assertEquals("absent", observer.next(30).payload());
            assertEquals(Boolean.FALSE, publish.invoke(actions, "types/half", "x", new java.math.BigDecimal("1.5"),
                    Boolean.FALSE), "QoS 1.5 refused");
        }
    }

    /** The MQTT binding's action by its name: it returns once the message is in the outbox, delivered later. */
    @Test
    void publishMqttReturnsOnceQueuedAndTheMessageArrivesWhenTheBrokerIsBack() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = bridgeWithItsBrokerStopped(bridge);
        Bc26Actions actions = actions(handler);
        actions.publishMQTT("mqtt/state", "ON");
        Bc26Actions.publishMQTT(actions, "mqtt/retained", "kept", true);
        actions.publishMQTT("mqtt/bytes", new byte[] { 1, 0, 2 });
        actions.publishMQTT("mqtt/#", "wildcard");
        assertEquals(3, handler.outboxSize(), "queued, the wildcard topic refused");
        broker.restart();
        try (Observer observer = new Observer(broker.uri())) {
            observer.subscribe("mqtt/#", 2);
            awaitOnline(bridge);
            Await.until("outbox drained", ONLINE, () -> handler.outboxSize() == 0);
            assertEquals("ON", observer.next(30).payload());
            Observer.Received retained = observer.next(30);
            assertEquals("kept", retained.payload());
            assertEquals(3, observer.next(30).payload().length());
        }
    }

    /**
     * A connection loss printed right after a message the driver cannot vouch for (a cut record) is a claim it checks
     * with AT+QMTCONN? before tearing the session down. The check must not wait behind the bridge's own thread, which
     * may be waiting for a publish result that only this loss ends: it did, for the whole publish timeout (45 s).
     */
    @Test
    void aClaimedLossIsCheckedWhileAPublishWaitsForItsResult() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = onlineHandler(bridge);
        Bc26Actions actions = actions(handler);
        // The cell goes quiet: the publish stays in flight, its acknowledgement held up in the network.
        modem.simulator().loseRegistration();
        Thread rule = new Thread(() -> actions.publish("claims/pending", "waits", 1, false), "test-rule");
        rule.setDaemon(true);
        rule.start();
        Await.until("the publish is in flight", ONLINE, () -> modem.simulator().receivedCommands().stream()
                .anyMatch(command -> command.contains("\"claims/pending\"")));
        // A cut record, then the modem's own report of the lost connection in the same burst.
        modem.simulator().sendRaw("\r\n+QMTRECV: 0,1,\"down/x\",\"cut".getBytes(StandardCharsets.US_ASCII));
        modem.simulator().injectQmtStat(0, 1);
        Await.until("the loss checked and handled while the publish still waited", Duration.ofSeconds(15),
                () -> bridge.getStatus() == ThingStatus.OFFLINE);
        assertTrue(modem.simulator().receivedCommands().contains("AT+QMTCONN?"), "the claim was checked");
        modem.simulator().regainRegistration();
        awaitOnline(bridge);
    }

    /** A bridge that was ONLINE, now OFFLINE because its broker stopped. */
    private Bc26ModemHandler bridgeWithItsBrokerStopped(Bridge bridge) {
        Bc26ModemHandler handler = onlineHandler(bridge);
        broker.stop();
        Await.until("bridge OFFLINE", ONLINE, () -> bridge.getStatus() == ThingStatus.OFFLINE);
        return handler;
    }

    @Test
    void theOutboxKeepsEverythingThroughABrokerOutageAndSendsInOrder() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = bridgeWithItsBrokerStopped(bridge);
        Bc26Actions actions = actions(handler);
        for (int i = 0; i < 5; i++) {
            assertFalse(actions.publish("queued/" + i, "m" + i, i % 2 + 1, false), "not delivered while down");
        }
        assertEquals(5, handler.outboxSize());
        broker.restart();
        try (Observer observer = new Observer(broker.uri())) {
            observer.subscribe("queued/#", 2);
            awaitOnline(bridge);
            Await.until("outbox drained", ONLINE, () -> handler.outboxSize() == 0);
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                received.add(observer.next(30).payload());
            }
            assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), received, "all, once each, in order");
            assertNull(observer.queue().poll(500, TimeUnit.MILLISECONDS), "no duplicate");
        }
    }

    @Test
    void aRuleActionQueuedBehindABacklogWhileOnlineWaitsForItsOwnMessage() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = bridgeWithItsBrokerStopped(bridge);
        Bc26Actions actions = actions(handler);
        int backlog = 150;
        for (int i = 0; i < backlog; i++) {
            actions.publish("backlog/old", "m" + i, 1, false);
        }
        broker.restart();
        try (Observer observer = new Observer(broker.uri())) {
            observer.subscribe("backlog/#", 1);
            Await.until("ONLINE with the backlog still draining", ONLINE,
                    () -> bridge.getStatus() == ThingStatus.ONLINE && handler.outboxSize() > 0);
            int queuedBefore = handler.outboxSize();
            assertTrue(actions.publish("backlog/new", "last", 1, false),
                    "delivered after the " + queuedBefore + " older messages, and the action says so");
            List<String> received = new ArrayList<>();
            for (int i = 0; i <= backlog; i++) {
                received.add(observer.next(30).payload());
            }
            assertEquals("last", received.get(received.size() - 1), "after every older message");
        }
    }

    /**
     * A QoS 1 message whose connection ends while it is in flight goes back to the head of the outbox and is sent
     * again with the same message id, so a broker still holding that id (persistent session) can tell it is the same.
     */
    @Test
    void aMessageSentAgainAfterALostConnectionKeepsItsMessageId() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = onlineHandler(bridge);
        Bc26Simulator sim = modem.simulator();
        // After the status reads that follow the connect (their last one gives the network time): held answers of
        // those would time out, and the publish would wait for a step check that held answers cannot pass.
        Await.until("status read after the connect", ONLINE, () -> states.containsKey("network-time"));
        sim.holdAnswers();
        java.util.concurrent.CompletableFuture<Boolean> first = handler.publishAsync("again/1", "v".getBytes(
                StandardCharsets.UTF_8), 1, false);
        Await.until("AT+QMTPUB sent", ONLINE, () -> publishesOf(sim, "again/1").size() == 1);
        sim.injectQmtStat(0, 1);
        sim.releaseAnswers();
        assertFalse(first.get(30, TimeUnit.SECONDS), "the connection ended before the acknowledgement");
        Await.until("sent again after the reconnect", ONLINE, () -> publishesOf(sim, "again/1").size() >= 2);
        List<String> attempts = publishesOf(sim, "again/1");
        assertEquals(attempts.get(0).split(",")[1], attempts.get(1).split(",")[1], "the same message id: " + attempts);
        Await.until("outbox drained", ONLINE, () -> handler.outboxSize() == 0);
    }

    private static List<String> publishesOf(Bc26Simulator sim, String topic) {
        return sim.receivedCommands().stream().filter(c -> c.startsWith("AT+QMTPUB=") && c.contains("\"" + topic + "\""))
                .toList();
    }

    @Test
    void queuedQos1And2MessagesSurviveAHandlerRestart() throws Exception {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler first = handler(bridge);
        first.initialize();
        awaitOnline(bridge);
        broker.stop();
        Await.until("bridge OFFLINE", ONLINE, () -> bridge.getStatus() == ThingStatus.OFFLINE);
        Bc26Actions actions = actions(first);
        assertFalse(actions.publish("persist/1", "one", 1, false));
        assertFalse(actions.publish("persist/2", "two", 2, false));
        assertFalse(actions.publish("persist/0", "zero", 0, false));
        first.dispose();
        handlers.remove(first);

        broker.restart();
        try (Observer observer = new Observer(broker.uri())) {
            observer.subscribe("persist/#", 2);
            Bridge again = bridge(Map.of());
            Bc26ModemHandler second = handler(again);
            second.initialize();
            awaitOnline(again);
            assertEquals("one", observer.next(30).payload());
            assertEquals("two", observer.next(30).payload());
            assertNull(observer.queue().poll(500, TimeUnit.MILLISECONDS),
                    "QoS 0 messages are not persisted; nothing is duplicated");
        }
    }

    @Test
    void aSecondBridgeOnTheSamePortIsAConfigurationErrorNamingTheFirstWhichKeepsItsLine() throws Exception {
        Bridge first = bridge(Map.of());
        Bc26ModemHandler owner = onlineHandler(first);
        ThingUID secondUid = new ThingUID(Bc26BindingConstants.THING_TYPE_MODEM, "intruder");
        Bridge second = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, secondUid)
                .withConfiguration(new Configuration(new HashMap<>(first.getConfiguration().getProperties()))).build();
        Bc26ModemHandler intruder = handler(second);
        intruder.initialize();
        ThingStatusInfo refused = second.getStatusInfo();
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, refused.getStatusDetail());
        assertEquals("@text/offline.config.port-taken [\"" + modem.portName() + "\", \"" + first.getUID() + "\"]",
                refused.getDescription());
        assertEquals(ThingStatus.ONLINE, first.getStatus(), "the first bridge keeps its line");
        assertEquals(Boolean.TRUE, owner.publishAsync("cabin/still-mine", "yes".getBytes(StandardCharsets.UTF_8), 1, false)
                .get(30, TimeUnit.SECONDS), "and still publishes through it");
        intruder.dispose();
        owner.dispose();
        handlers.remove(owner);
        intruder.initialize();
        awaitOnline(second);
    }

    @Test
    void disposeDisconnectsClosesAndReleasesThePort() {
        Bridge bridge = bridge(Map.of("shutdownTopic", "cabin/status", "shutdownMessage", "offline"));
        Bc26ModemHandler handler = onlineHandler(bridge);
        handler.dispose();
        handlers.remove(handler);
        List<String> commands = modem.simulator().receivedCommands();
        assertTrue(commands.contains("AT+QMTDISC=0"), commands.toString());
        assertTrue(commands.contains("AT+QMTCLOSE=0"), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("AT+QMTPUB=0,0,0,1,\"cabin/status\"")),
                "retained by default (shutdownRetain), as on the MQTT binding: " + commands);
        int before = statuses.size();
        Bridge again = bridge(Map.of());
        handler(again).initialize();
        awaitOnline(again);
        assertTrue(statuses.size() > before, "a new handler opens the same port");
    }

    private void assertOfflineThenOnline(Bridge bridge, String key, Runnable fault, Runnable repair) {
        statuses.clear();
        fault.run();
        Await.until("OFFLINE with " + key, ONLINE, () -> statuses.stream()
                .anyMatch(s -> s.getStatus() == ThingStatus.OFFLINE && String.valueOf(s.getDescription())
                        .startsWith("@text/" + key)));
        repair.run();
        awaitOnline(bridge);
    }

    @Test
    void everyFieldFaultTakesTheBridgeOfflineWithItsReasonAndBackOnline() {
        Bridge bridge = bridge(Map.of());
        handler(bridge).initialize();
        awaitOnline(bridge);
        assertOfflineThenOnline(bridge, "offline.connection-lost", () -> modem.simulator().injectQmtStat(0, 2), () -> {
        });
        assertOfflineThenOnline(bridge, "offline.modem-restarted", () -> modem.simulator().reboot(), () -> {
        });
        assertOfflineThenOnline(bridge, "offline.link-failed", modem::cutLink, () -> {
            try {
                modem.restoreLink();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertOfflineThenOnline(bridge, "offline.connection-lost", () -> modem.simulator().loseRegistration(),
                () -> modem.simulator().regainRegistration());
        assertOfflineThenOnline(bridge, "offline.connection-lost", broker::stop, () -> {
            try {
                broker.restart();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aWrongPortAndAMissingSimAreDecoded() {
        Bridge wrongPort = bridge(Map.of("serialPort", dir.resolve("ttyUSB7").toString()));
        Bc26ModemHandler first = handler(wrongPort);
        first.initialize();
        Await.until("port-not-found", ONLINE, () -> statuses.stream()
                .anyMatch(s -> String.valueOf(s.getDescription()).startsWith("@text/offline.port-not-found")
                        && s.getStatusDetail() == ThingStatusDetail.COMMUNICATION_ERROR));
        first.dispose();
        handlers.remove(first);
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            // a TCP port nothing listens on: bound for its number, closed before the bridge connects
            closed.close();
            Bridge noServer = bridge(Map.of("serialPort", "socket://127.0.0.1:" + closed.getLocalPort()));
            Bc26ModemHandler network = handler(noServer);
            network.initialize();
            Await.until("link-unreachable, in network words", ONLINE, () -> statuses.stream()
                    .anyMatch(s -> String.valueOf(s.getDescription()).startsWith("@text/offline.link-unreachable")));
            network.dispose();
            handlers.remove(network);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        modem.simulator().setSimInserted(false);
        Bridge noSim = bridge(Map.of());
        handler(noSim).initialize();
        Await.until("sim-missing", ONLINE, () -> statuses.stream()
                .anyMatch(s -> String.valueOf(s.getDescription()).startsWith("@text/offline.sim-missing")));
        modem.simulator().setSimInserted(true);
        awaitOnline(noSim);
    }

    @Test
    void aConfigurationChangeReinitialisesCleanly() {
        Bridge bridge = bridge(Map.of());
        Bc26ModemHandler handler = onlineHandler(bridge);
        statuses.clear();
        handler.handleConfigurationUpdate(Map.of("clientID", "renamed"));
        assertEquals("renamed", bridge.getConfiguration().get("clientID"));
        Await.until("back ONLINE with the new client id", ONLINE,
                () -> bridge.getStatus() == ThingStatus.ONLINE && !statuses.isEmpty());
        assertTrue(modem.simulator().receivedCommands().contains("AT+QMTCONN=0,\"renamed\""));
    }

    @Test
    void aBrokerRefusalIsTranslatedAndTheBridgeRecovers() {
        Bridge bridge = bridge(Map.of());
        modem.simulator().refuseNextConnect(5);
        handler(bridge).initialize();
        Await.until("refusal reported", ONLINE, () -> statuses.stream()
                .anyMatch(s -> String.valueOf(s.getDescription()).startsWith("@text/offline.connection-refused")));
        @Nullable
        ThingStatusInfo refusal = statuses.stream()
                .filter(s -> String.valueOf(s.getDescription()).startsWith("@text/offline.connection-refused"))
                .findFirst().orElse(null);
        assertNotNull(refusal);
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, refusal.getStatusDetail());
        String english = CoreStatusText.english(refusal.getDescription());
        assertTrue(english.contains("5 not authorized") && english.endsWith("(+QMTCONN: 0\u201A0\u201A5)"), english);
        awaitOnline(bridge);
    }
}
