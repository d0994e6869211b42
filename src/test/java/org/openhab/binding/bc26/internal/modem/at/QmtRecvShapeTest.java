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
package org.openhab.binding.bc26.internal.modem.at;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Tolerant parsing of {@code +QMTRECV} as BC26 and older Quectel firmware print it.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class QmtRecvShapeTest {

    private record Parsed(int id, int messageId, String topic, String payload) {
    }

    private static @Nullable Parsed parse(String record) {
        byte[] b = record.getBytes(StandardCharsets.UTF_8);
        QmtRecvShape shape = QmtRecvShape.parse(b);
        if (shape == null) {
            return null;
        }
        return new Parsed(shape.connectId(), shape.messageId(),
                new String(b, shape.topicStart(), shape.topicEnd() - shape.topicStart(), StandardCharsets.UTF_8),
                new String(b, shape.payloadStart(), shape.payloadEnd() - shape.payloadStart(), StandardCharsets.UTF_8));
    }

    @Test
    void theSeedCapture() {
        assertEquals(new Parsed(0, 1, "value", "123"), parse("+QMTRECV: 0,1,\"value\",\"123\""));
    }

    @Test
    void rawQuotesAndCommasInThePayloadRunToTheLastQuote() {
        assertEquals(new Parsed(0, 1, "v1/devices/me/rpc/request/11", "{\"method\":\"setValue\",\"params\":true}"),
                parse("+QMTRECV: 0,1,\"v1/devices/me/rpc/request/11\",\"{\"method\":\"setValue\",\"params\":true}\""));
        assertEquals(new Parsed(0, 0, "topic/pub", "This is test data, hello MQTT."),
                parse("+QMTRECV: 0,0,\"topic/pub\",\"This is test data, hello MQTT.\""));
    }

    @Test
    void noSpaceAfterTheColonAndSpacesBetweenFields() {
        assertEquals(new Parsed(3, 1023, "a/b", "x"), parse("+QMTRECV:3, 1023 ,\"a/b\",\"x\""));
    }

    @Test
    void unquotedFieldsOfOlderFirmware() {
        assertEquals(new Parsed(0, 1, "test", "M95 Hello World"), parse("+QMTRECV: 0,1,test,M95 Hello World"));
        assertEquals(new Parsed(0, 1, "test", "x,y"), parse("+QMTRECV: 0,1,test,\"x,y\""));
    }

    @Test
    void utf8AndMultiLinePayloads() {
        assertEquals(new Parsed(0, 2, "家/溫度", "二十　度\r\n第二行"), parse("+QMTRECV: 0,2,\"家/溫度\",\"二十　度\r\n第二行\""));
    }

    @Test
    void emptyPayload() {
        assertEquals(new Parsed(0, 0, "t", ""), parse("+QMTRECV: 0,0,\"t\",\"\""));
    }

    @Test
    void malformedRecordsAreRefused() {
        assertNull(parse("+QMTRECV: 0,1,\"t\",\"unterminated"));
        assertNull(parse("+QMTRECV: x,1,\"t\",\"p\""));
        assertNull(parse("+QMTRECV: 0"));
        assertNull(parse("+QMTRECV: 99999999999,1,\"t\",\"p\""));
        assertNull(parse("+QMTRECV: 0,1,\"no separator"));
    }

    @Test
    void aLengthShownRecordIsParsedByItsLengthEvenWithAHostileTopic() {
        byte[] plain = "+QMTRECV: 0,3,\"a/b\",5,\"x\",\"y\"".getBytes(StandardCharsets.UTF_8);
        QmtRecvShape shape = QmtRecvShape.parseLength(plain);
        assertNotNull(shape);
        assertEquals("x\",\"y", new String(plain, shape.payloadStart(), shape.payloadEnd() - shape.payloadStart(),
                StandardCharsets.UTF_8));
        assertEquals(0, QmtRecvShape.lengthNeeds(plain));
        // A topic holding what looks like the length field: the field that makes the record add up wins.
        byte[] hostile = "+QMTRECV: 0,3,\"a/\",9,\"\",2,\"hi\"".getBytes(StandardCharsets.UTF_8);
        QmtRecvShape tricky = QmtRecvShape.parseLength(hostile);
        assertNotNull(tricky);
        assertEquals("a/\",9,\"", new String(hostile, tricky.topicStart(), tricky.topicEnd() - tricky.topicStart(),
                StandardCharsets.UTF_8));
        byte[] partial = "+QMTRECV: 0,3,\"t\",10,\"abc".getBytes(StandardCharsets.UTF_8);
        assertEquals(8, QmtRecvShape.lengthNeeds(partial), "7 payload bytes and the closing quote");
        assertNull(QmtRecvShape.parseLength(partial));
        assertEquals(-1, QmtRecvShape.lengthNeeds("+QMTRECV: 0,3,\"t\",\"abc\"".getBytes(StandardCharsets.UTF_8)),
                "a record without a length is not one");
    }
}
