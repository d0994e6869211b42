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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.QmtRecvShape;

/**
 * A {@code +QMTRECV} record the modem printed, decoded in the receive format in use: the message, or why it cannot
 * be delivered. Everything in it came from whoever can publish to the broker, so it is read by its shape
 * ({@link QmtRecvShape}) and never trusted further. Pure: no threads, no logging.
 *
 * @param message the message, or null when it cannot be delivered or is another client's
 * @param dropReason why it cannot be delivered (for the log and the drop counter), or empty
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record ReceivedRecord(@Nullable MqttMessage message, String dropReason) {

    /**
     * @param connectId the client whose messages are wanted: another client's record is left alone, not dropped
     * @param complete false when the record's end never came (cut, or too long)
     * @param hex the payload is printed as hex digits
     * @param length the record shows its payload's length (BC660K, BC260Y, BG9x)
     */
    public static ReceivedRecord decode(byte[] raw, int connectId, boolean complete, boolean hex, boolean length) {
        QmtRecvShape shape = !complete ? null
                : length ? QmtRecvShape.parseLength(raw) : hex ? QmtRecvShape.parseHex(raw) : QmtRecvShape.parse(raw);
        if (shape == null) {
            return dropped(!complete ? "it was cut (its end never came, or it was too long)"
                    : length ? "it is not as long as it says" : hex ? "it is not a record of the hex format"
                            : "it is malformed");
        }
        if (shape.connectId() != connectId) {
            return new ReceivedRecord(null, "");
        }
        String topic = new String(raw, shape.topicStart(), shape.topicEnd() - shape.topicStart(),
                StandardCharsets.UTF_8);
        byte[] payload;
        if (hex) {
            try {
                payload = HexFormat.of().parseHex(new String(raw, shape.payloadStart(),
                        shape.payloadEnd() - shape.payloadStart(), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                return dropped("its payload is not hex");
            }
        } else {
            payload = Arrays.copyOfRange(raw, shape.payloadStart(), shape.payloadEnd());
        }
        return new ReceivedRecord(new MqttMessage(shape.connectId(), shape.messageId(), topic, payload), "");
    }

    private static ReceivedRecord dropped(String reason) {
        return new ReceivedRecord(null, reason);
    }
}
