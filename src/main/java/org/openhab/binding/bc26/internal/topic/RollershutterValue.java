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
 * A rollershutter: a position from 0 % (up, open) to 100 % (down, closed), and payloads for UP, DOWN and STOP.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class RollershutterValue extends TopicValue {

    private final String up;
    private final String down;
    private final String stop;

    RollershutterValue(String up, String down, String stop) {
        this.up = up;
        this.down = down;
        this.stop = stop;
    }

    @Override
    @Nullable
    State toState(String text) {
        String trimmed = text.trim();
        if (trimmed.equals(up)) {
            return PercentType.ZERO;
        }
        if (trimmed.equals(down)) {
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
            return direction == UpDownType.UP ? up : down;
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
