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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The data plan estimate, byte for byte against MQTT 3.1.1's packet layout and the TCP/IP headers it assumes.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class DataUsageTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void packetSizesFollowMqtt311() {
        // fixed header 2, topic length 2 + 21, packet id 2, payload 26
        assertEquals(2 + 2 + 21 + 2 + 26, DataUsage.publishSize("site/pump/temperature", 26, 1));
        assertEquals(2 + 2 + 21 + 26, DataUsage.publishSize("site/pump/temperature", 26, 0));
        // remaining length 200 takes two bytes
        assertEquals(1 + 2 + 2 + 1 + 195, DataUsage.publishSize("t", 195, 0));
        MqttSettings settings = MqttSettings.of(0, "broker.example.com", 1883, "cabin").withCredentials("user",
                "secret");
        // variable header 10, client id 2+5, user 2+4, password 2+6, fixed header 2
        assertEquals(2 + 10 + 7 + 6 + 8, DataUsage.connectSize(settings));
    }

    @Test
    void aQos1PublishCostsItsPacketTheAcknowledgementsAndTheHeaders() {
        DataUsage usage = new DataUsage(120, false);
        usage.published("a/b", 10, 1, 0);
        int publish = DataUsage.publishSize("a/b", 10, 1);
        assertEquals(publish + 40 + 40, usage.sent(), "PUBLISH with headers, and the ACK of the PUBACK's segment");
        assertEquals(40 + 4 + 40, usage.received(), "the ACK of the PUBLISH's segment, and the PUBACK");
        DataUsage qos2 = new DataUsage(120, false);
        qos2.published("a/b", 10, 2, 0);
        assertEquals(usage.sent() + (4 + 40) + 40, qos2.sent(), "PUBREL, and the ACK of PUBCOMP");
        DataUsage tls = new DataUsage(120, true);
        tls.published("a/b", 10, 1, 0);
        assertEquals(usage.sent() + DataUsage.TLS_RECORD, tls.sent(), "TLS adds its record to each packet");
    }

    @Test
    void anIdleSessionPingsOncePerKeepAliveAndTrafficPostponesThePings() {
        DataUsage usage = new DataUsage(120, false);
        usage.connected(MqttSettings.of(0, "h", 1883, "c"), 0);
        long afterConnect = usage.sent();
        usage.idleUntil(86_400 * SECOND);
        long perPing = 2 + 40 + 40; // PINGREQ with headers, ACK of the PINGRESP
        assertEquals(afterConnect + 720 * perPing, usage.sent(), "720 pings a day at 120 s");
        DataUsage busy = new DataUsage(120, false);
        busy.connected(MqttSettings.of(0, "h", 1883, "c"), 0);
        busy.published("a", 1, 0, 100 * SECOND);
        long beforePing = busy.sent();
        busy.idleUntil(200 * SECOND);
        assertEquals(beforePing, busy.sent(), "no ping 100 s after the publish");
        busy.idleUntil(220 * SECOND);
        assertEquals(beforePing + perPing, busy.sent(), "the first ping 120 s after the last packet, not after connect");
        DataUsage lost = new DataUsage(120, false);
        lost.connected(MqttSettings.of(0, "h", 1883, "c"), 0);
        lost.lost(0);
        long atLoss = lost.sent();
        lost.idleUntil(86_400 * SECOND);
        assertEquals(atLoss, lost.sent(), "no pings without a connection");
    }

    @Test
    void subscriptionsAndTheConnectionItselfAreCounted() {
        DataUsage usage = new DataUsage(0, false);
        usage.opened(0);
        assertEquals(DataUsage.TCP_OPEN_SENT, usage.sent());
        usage.subscribed(List.of("a/#", "b"), 0);
        assertEquals(DataUsage.TCP_OPEN_SENT + (2 + 2 + (2 + 3 + 1) + (2 + 1 + 1)) + 40 + 40, usage.sent());
        usage.disconnected(0);
        assertTrue(usage.received() > DataUsage.TCP_OPEN_RECEIVED + DataUsage.TCP_CLOSE);
    }
}
