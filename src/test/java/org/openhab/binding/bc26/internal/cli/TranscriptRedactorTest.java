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
package org.openhab.binding.bc26.internal.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * What a self-test transcript may show: no account, no subscriber identity, no key; every byte readable on one line
 * and no payload that reads as a comment.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class TranscriptRedactorTest {

    @Test
    void theAccountIsTakenOutOfTheConnectAndWhereverElseItShows() {
        TranscriptRedactor redactor = new TranscriptRedactor("farmer", "hunter22");
        assertEquals("AT+QMTCONN=0,\"shed\",\"USERNAME\",\"PASSWORD\"",
                redactor.sent("AT+QMTCONN=0,\"shed\",\"farmer\",\"hunter22\""));
        assertEquals("AT+QMTCONN=1,\"shed\",\"USERNAME\"", redactor.sent("AT+QMTCONN=1,\"shed\",\"farmer\""));
        assertEquals("AT+QMTCONN=0,\"shed\"", redactor.sent("AT+QMTCONN=0,\"shed\""), "no account, nothing to take");
        assertEquals("AT+QMTPUB=0,0,0,0,\"t\",\"PASSWORD\"", redactor.sent("AT+QMTPUB=0,0,0,0,\"t\",\"hunter22\""));
        TranscriptRedactor shortSecret = new TranscriptRedactor("a", "b");
        assertEquals("AT+QMTCONN=0,\"c\",\"USERNAME\",\"PASSWORD\"", shortSecret.sent("AT+QMTCONN=0,\"c\",\"a\",\"b\""));
        assertEquals("+QMTSTAT: 0,1", shortSecret.received("+QMTSTAT: 0,1"), "a short secret is not hunted elsewhere");
    }

    @Test
    void theSimsIdentityKeepsOnlyItsOperatorsDigits() {
        TranscriptRedactor redactor = new TranscriptRedactor("", "");
        assertEquals("123456789012", redactor.received("123456789012"), "a number is an IMSI only after AT+CIMI");
        redactor.sent("AT+CIMI");
        assertEquals("46692xxxxxxxxxx", redactor.received("466920123456789"));
        redactor.sent("AT+QCCID");
        assertEquals("+QCCID: 8988600xxxxxxxxxxxxx", redactor.received("+QCCID: 89886001234567890123"));
        redactor.sent("AT+CCID");
        assertEquals("8988600xxxxxxxxxxxxx", redactor.received("89886001234567890123"));
        assertEquals("OK", redactor.received("OK"));
    }

    @Test
    void aPrivateKeyNeverReachesTheTranscript() {
        TranscriptRedactor redactor = new TranscriptRedactor("", "");
        String upload = redactor.sent("-----BEGIN PRIVATE KEY-----\nMIIEv...\n-----END PRIVATE KEY-----\n");
        assertFalse(upload.contains("MIIEv"), upload);
        assertTrue(upload.contains("redacted"), upload);
        assertFalse(redactor.received("MIIEv -----BEGIN RSA PRIVATE KEY-----").contains("MIIEv"));
    }

    @Test
    void everyByteIsReadableOnOneLineAndNoPayloadReadsAsAComment() {
        byte[] data = { 'a', 0x00, 0x1A, 0x1B, '\\', '/', '/', 'b', (byte) 0xFF, '\r' };
        assertEquals("a\\x00\\x1A\\x1B\\x5C/\\x2Fb\\xFF", SerialTranscript.escaped(data, 0, data.length, true));
        byte[] text = "溫度 21,5 \"°C\"".getBytes(StandardCharsets.UTF_8);
        assertEquals("溫度 21,5 \"°C\"", SerialTranscript.escaped(text, 0, text.length, false),
                "UTF-8 text stays text");
    }
}
