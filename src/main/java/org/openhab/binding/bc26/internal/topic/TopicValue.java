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
package org.openhab.binding.bc26.internal.topic;

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * What one kind of topic channel makes of a payload and which payload it publishes for a command.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
abstract class TopicValue {

    /** The state a (transformed) text payload means, or null when the channel cannot take it. */
    abstract @Nullable State toState(String text);

    /**
     * The state a text payload means given the channel's last state (a color's ON keeps its hue); most values need
     * only the text.
     */
    @Nullable
    State toState(String text, @Nullable State last) {
        return toState(text);
    }

    /** The state raw payload bytes mean; text channels read them as UTF-8 (invalid bytes replaced). */
    @Nullable
    State toState(byte[] payload) {
        return toState(new String(payload, StandardCharsets.UTF_8));
    }

    /**
     * The payload for a command, or null when the channel does not publish such a command.
     *
     * @param last the channel's last state, for commands relative to it (INCREASE, a brightness of a color)
     * @throws IllegalArgumentException when the command cannot be published, with the reason
     */
    abstract @Nullable String toPayload(Command command, @Nullable State last);

    /**
     * The value the channel has once a command is published, the basis of the next relative command (a dimmer after
     * INCREASE, a color after OFF), as the generic thing's parsed command; null when the command is no value
     * (STOP) and the basis stays as it was.
     */
    @Nullable
    State stateAfter(Command command, @Nullable State last) {
        return command instanceof State state ? state : null;
    }

    /**
     * Whether an empty payload is a value of this channel (text) rather than "no value" (NULL for every other type).
     */
    boolean takesEmptyPayload() {
        return false;
    }

    /**
     * Whether {@code text} is the configured payload (when there is one) or the standard word, which is understood
     * beside configured payloads, as on the MQTT binding's generic thing.
     */
    static boolean isPayload(String text, String configured, String word) {
        return (!configured.isEmpty() && text.equals(configured)) || text.equals(word);
    }

    /** Whether payloads are binary (images): no text transformation, no "no value" payload. */
    boolean isBinary() {
        return false;
    }
}
