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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtLine;

/**
 * A message the broker delivered ({@code +QMTRECV}). BC26 does not say the QoS or the retain flag of incoming
 * messages; {@code messageId} is the broker's packet id (0 for QoS 0).
 *
 * @param connectId client id 0-5
 * @param messageId broker packet id
 * @param topic the topic
 * @param payload the payload bytes
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record MqttMessage(int connectId, int messageId, String topic, byte[] payload) {

    /** The payload as UTF-8 text, or null if it is not valid UTF-8. */
    public @Nullable String payloadText() {
        return AtLine.strictUtf8(payload);
    }

    /** The payload as text, invalid bytes replaced. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MqttMessage m && m.connectId == connectId && m.messageId == messageId
                && m.topic.equals(topic) && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return topic.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "MqttMessage[" + topic + ", " + payload.length + " bytes]";
    }
}
