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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.bc26.internal.modem.testing.Await;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto.LoggedPublish;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.internal.modem.testing.Resources;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.Bc26Simulator.Qos2Step;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * What the broker sees of the bridge's publishes, read from mosquitto's own packet log: the message ids the binding
 * chose in {@code AT+QMTPUB} are the packet ids on the wire, DUP is 0, and a QoS 2 message whose connection is cut
 * at each step of its handshake is re-sent with the same id after the reconnect. It reaches subscribers once when
 * the cut comes before the broker released it, twice when the cut comes after the PUBREL (the broker released it and
 * the PUBCOMP was lost): BC26 keeps no session state to re-send the PUBREL, so the host can only send the message
 * again. That window is the one left.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class HostMessageIdsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern PUBLISH_COMMAND = Pattern.compile("AT\\+QMTPUB=0,(\\d+),(\\d),0,\"([^\"]*)\"");

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private final Resources resources = new Resources();
    private @NonNullByDefault({}) Mosquitto broker;
    private @NonNullByDefault({}) SimTransport modem;
    private @NonNullByDefault({}) Observer observer;
    private @NonNullByDefault({}) BridgeRig rig;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("openhab.userdata", dir.resolve("userdata").toString());
        broker = Mosquitto.start(dir);
        resources.add(broker);
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.02;
        modem = SimTransport.onPseudoTerminal(options, dir.resolve("ttyBC26"));
        resources.add(modem);
        observer = new Observer(broker.uri());
        resources.add(observer);
        observer.subscribe("ids/#", 2);
        Map<String, Object> config = new HashMap<>(BridgeRig.configFor(modem, broker));
        config.put("reconnectInitialSeconds", 1);
        config.put("cleanSession", false);
        rig = new BridgeRig("ids", config);
        resources.add(rig);
        rig.handler().initialize();
        assertTrue(rig.awaitOnline(WAIT), "bridge ONLINE");
    }

    @AfterEach
    void stop() throws Exception {
        resources.close();
    }

    /** The message ids of the bridge's AT+QMTPUB commands for {@code topic}, in order. */
    private List<Integer> idsTheHostChose(String topic) {
        List<Integer> ids = new ArrayList<>();
        for (String command : modem.simulator().receivedCommands()) {
            Matcher m = PUBLISH_COMMAND.matcher(command);
            if (m.lookingAt() && m.group(3).equals(topic)) {
                ids.add(Integer.parseInt(m.group(1)));
            }
        }
        return ids;
    }

    private List<LoggedPublish> seenByTheBroker(String topic) {
        try {
            return broker.publishesReceived().stream().filter(p -> p.clientId().equals("rig-ids"))
                    .filter(p -> p.topic().equals(topic)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theMessageIdsTheHostChoseAreThePacketIdsOnTheWireWithDupZero() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertTrue(rig.actions().publish("ids/plain", "m" + i, 1 + i % 2, false), "message " + i + " delivered");
        }
        for (int i = 0; i < 6; i++) {
            assertEquals("m" + i, observer.next(30).payload());
        }
        List<Integer> chosen = idsTheHostChose("ids/plain");
        assertEquals(6, chosen.size(), "one AT+QMTPUB per message");
        Await.until("the broker logged six PUBLISH packets", WAIT, () -> seenByTheBroker("ids/plain").size() == 6);
        List<LoggedPublish> wire = seenByTheBroker("ids/plain");
        assertEquals(chosen, wire.stream().map(LoggedPublish::messageId).toList(), "the host's ids on the wire");
        assertTrue(wire.stream().noneMatch(LoggedPublish::dup), "DUP is always 0");
        assertEquals(List.of(1, 2, 1, 2, 1, 2), wire.stream().map(LoggedPublish::qos).toList());
    }

    @ParameterizedTest
    @EnumSource(Qos2Step.class)
    void aQos2MessageCutAtEachStepIsSentAgainWithItsIdAndDuplicatedOnlyAfterThePubrel(Qos2Step step)
            throws Exception {
        modem.simulator().cutConnectionAt(step);
        // The rule action may give up waiting while the bridge reconnects: the message stays queued either way.
        rig.actions().publish("ids/cut", "once", 2, false);
        Await.until("the cut happened", WAIT, () -> !modem.simulator().cutPending());
        // A marker published after the message has been handed over completely: once the observer has it, every copy
        // of the message the broker released is in the observer's queue before it.
        Await.until("the QoS 2 message was sent again after the reconnect", WAIT,
                () -> seenByTheBroker("ids/cut").size() == 2);
        boolean markerDelivered = rig.actions().publish("ids/marker", "after", 1, false);
        List<String> commands = modem.simulator().receivedCommands();
        assertTrue(markerDelivered, "marker delivered; bridge " + rig.bridge().getStatusInfo() + ", last commands "
                + commands.subList(Math.max(0, commands.size() - 12), commands.size()));
        int copies = 0;
        while (true) {
            Observer.Received received = observer.next(30);
            if (received.topic().equals("ids/marker")) {
                break;
            }
            assertEquals("once", received.payload());
            copies++;
        }
        List<LoggedPublish> wire = seenByTheBroker("ids/cut");
        assertEquals(wire.get(0).messageId(), wire.get(1).messageId(), "sent again with the same message id");
        assertTrue(wire.stream().noneMatch(LoggedPublish::dup), "DUP is always 0");
        assertEquals(step == Qos2Step.AFTER_PUBREL ? 2 : 1, copies,
                "copies delivered when the connection was cut " + step);
        assertEquals(1, modem.simulator().connectionsLost().getOrDefault(1, 0), "+QMTSTAT: 0,1 once");
    }
}
