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
 * the generic thing, UP and DOWN without payloads publish the positions 0 and 100, and the words {@code UP} and
 * {@code DOWN} are understood beside configured payloads.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class RollershutterValue extends TopicValue {

    private final String up;
    private final String down;
    private final String stop;

    /** @param up the payload of UP, or empty to publish position 0; {@code down} likewise with 100 */
    RollershutterValue(String up, String down, String stop) {
        this.up = up;
        this.down = down;
        this.stop = stop;
    }

    @Override
    @Nullable
    State toState(String text) {
        String trimmed = text.trim();
        if (isPayload(trimmed, up, "UP")) {
            return PercentType.ZERO;
        }
        if (isPayload(trimmed, down, "DOWN")) {
            return PercentType.HUNDRED;
        }
        BigDecimal position = Numbers.parse(trimmed);
        return position == null || !Numbers.within(position, BigDecimal.ZERO, BigDecimal.valueOf(100)) ? null
                : new PercentType(position);
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        if (command instanceof UpDownType direction) {
            String payload = direction == UpDownType.UP ? up : down;
            return !payload.isEmpty() ? payload : direction == UpDownType.UP ? "0" : "100";
        }
        if (command == StopMoveType.STOP) {
            return stop;
        }
        if (command instanceof PercentType position) {
            return Numbers.plain(position.toBigDecimal());
        }
        return null;
    }
}
