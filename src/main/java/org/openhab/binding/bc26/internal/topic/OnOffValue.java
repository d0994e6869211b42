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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A switch or a contact: one payload for each of its two states, the standard words ({@code ON}/{@code OFF},
 * {@code OPEN}/{@code CLOSED}) when none is configured, and the standard words understood beside configured ones, as
 * on the MQTT binding's generic thing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class OnOffValue extends TopicValue {

    private final String onPayload;
    private final String offPayload;
    private final State onState;
    private final State offState;

    /** @param onPayload the configured payload of the on state, or empty for its standard word ({@code onState}) */
    OnOffValue(String onPayload, String offPayload, State onState, State offState) {
        this.onPayload = onPayload.isEmpty() ? onState.toString() : onPayload;
        this.offPayload = offPayload.isEmpty() ? offState.toString() : offPayload;
        this.onState = onState;
        this.offState = offState;
    }

    @Override
    @Nullable
    State toState(String text) {
        String trimmed = text.trim();
        if (isPayload(trimmed, onPayload, onState.toString())) {
            return onState;
        }
        return isPayload(trimmed, offPayload, offState.toString()) ? offState : null;
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        return command.equals(onState) ? onPayload : command.equals(offState) ? offPayload : null;
    }
}
