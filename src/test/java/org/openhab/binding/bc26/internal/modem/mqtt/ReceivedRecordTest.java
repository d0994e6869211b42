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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * A {@code +QMTRECV} record decoded in each receive format, without a modem: the message, another client's record
 * left alone, or the reason it cannot be delivered.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class ReceivedRecordTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHexRecordBecomesItsBytes() {
        ReceivedRecord record = ReceivedRecord.decode(bytes("+QMTRECV: 0,7,\"cabin/in\",\"00FF1A22\""), 0, true,
                true, false);
        MqttMessage message = record.message();
        assertNotNull(message, record.dropReason());
        assertEquals("cabin/in", message.topic());
        assertEquals(7, message.messageId());
        assertArrayEquals(new byte[] { 0, (byte) 0xFF, 0x1A, '"' }, message.payload());
    }

    @Test
    void anotherClientsRecordIsLeftAloneAndBadOnesSayWhy() {
        ReceivedRecord other = ReceivedRecord.decode(bytes("+QMTRECV: 1,0,\"t\",\"00\""), 0, true, true, false);
        assertNull(other.message());
        assertEquals("", other.dropReason(), "not dropped: it is not ours");
        ReceivedRecord notHex = ReceivedRecord.decode(bytes("+QMTRECV: 0,0,\"t\",\"zz\""), 0, true, true, false);
        assertNull(notHex.message());
        assertFalse(notHex.dropReason().isEmpty());
        ReceivedRecord cut = ReceivedRecord.decode(bytes("+QMTRECV: 0,0,\"t\",\"ab"), 0, false, false, false);
        assertTrue(cut.dropReason().contains("cut"), cut.dropReason());
        ReceivedRecord text = ReceivedRecord.decode(bytes("+QMTRECV: 0,0,\"t\",\"say \"hi\", ok\""), 0, true, false,
                false);
        MqttMessage message = text.message();
        assertNotNull(message, text.dropReason());
        assertEquals("say \"hi\", ok", new String(message.payload(), StandardCharsets.UTF_8));
    }
}
