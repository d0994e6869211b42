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

import java.math.BigDecimal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.PercentType;
import org.openhab.core.library.types.StopMoveType;
import org.openhab.core.library.types.UpDownType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A rollershutter: a position from 0 % (up, open) to 100 % (down, closed), and payloads for UP, DOWN and STOP. As on
 * the generic thing, UP and DOWN without payloads publish the positions 0 and 100, the words {@code UP} and
 * {@code DOWN} are understood beside configured payloads, state payloads may differ from command payloads
 * ({@code onState}/{@code offState}), a device counting the other way is {@code invert}ed, and
 * {@code transformExtentsToString} publishes 0 % and 100 % as the UP and DOWN payloads.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class RollershutterValue extends TopicValue {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String up;
    private final String down;
    private final String stop;
    private final String upState;
    private final String downState;
    private final boolean invert;
    private final boolean extentsAsPayloads;

    /**
     * @param up the payload of UP, or empty to publish position 0; {@code down} likewise with 100
     * @param upState the payload meaning "up" on the state topic, or empty when it is {@code up}
     */
    RollershutterValue(String up, String down, String stop, String upState, String downState, boolean invert,
            boolean extentsAsPayloads) {
        this.up = up;
        this.down = down;
        this.stop = stop;
        this.upState = upState.isEmpty() ? up : upState;
        this.downState = downState.isEmpty() ? down : downState;
        this.invert = invert;
        this.extentsAsPayloads = extentsAsPayloads;
    }

    @Override
    @Nullable
    State toState(String text) {
        String trimmed = text.trim();
        if (isPayload(trimmed, upState, "UP")) {
            return PercentType.ZERO;
        }
        if (isPayload(trimmed, downState, "DOWN")) {
            return PercentType.HUNDRED;
        }
        BigDecimal position = Numbers.parse(trimmed);
        return position == null || !Numbers.within(position, BigDecimal.ZERO, HUNDRED) ? null
                : new PercentType(inverted(position));
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        if (command instanceof UpDownType direction) {
            String payload = direction == UpDownType.UP ? up : down;
            return !payload.isEmpty() ? payload : Numbers.plain(inverted(direction == UpDownType.UP ? BigDecimal.ZERO
                    : HUNDRED));
        }
        if (command == StopMoveType.STOP) {
            return stop;
        }
        if (command instanceof PercentType position) {
            if (extentsAsPayloads && position.equals(PercentType.ZERO) && !up.isEmpty()) {
                return up;
            }
            if (extentsAsPayloads && position.equals(PercentType.HUNDRED) && !down.isEmpty()) {
                return down;
            }
            return Numbers.plain(inverted(position.toBigDecimal()));
        }
        return null;
    }

    @Override
    @Nullable
    State stateAfter(Command command, @Nullable State last) {
        if (command instanceof UpDownType direction) {
            return direction == UpDownType.UP ? PercentType.ZERO : PercentType.HUNDRED;
        }
        return command instanceof PercentType position ? position : null;
    }

    /** A position as the device counts it (and back: the mapping is its own inverse). */
    private BigDecimal inverted(BigDecimal position) {
        return invert ? HUNDRED.subtract(position) : position;
    }
}
