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
import java.math.RoundingMode;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.core.library.types.IncreaseDecreaseType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.PercentType;
import org.openhab.core.library.types.UpDownType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A dimmer channel: the device's values from min to max shown as 0 to 100 %; the on and off payloads mean 100 % and
 * 0 %, and ON/OFF commands publish them; INCREASE/DECREASE move by step in the device's values.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class DimmerValue extends TopicValue {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal min;
    private final BigDecimal max;
    private final BigDecimal step;
    private final String on;
    private final String off;

    DimmerValue(@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable BigDecimal step, String on,
            String off) {
        this.min = min == null ? BigDecimal.ZERO : min;
        this.max = max == null ? HUNDRED : max;
        this.step = step == null ? BigDecimal.TEN : step;
        this.on = on;
        this.off = off;
        if (this.min.compareTo(this.max) >= 0) {
            throw SettingError.DIMMER_RANGE.with(this.min, this.max);
        }
    }

    @Override
    @Nullable
    State toState(String text) {
        String trimmed = text.trim();
        if (isPayload(trimmed, on, "ON")) {
            return PercentType.HUNDRED;
        }
        if (isPayload(trimmed, off, "OFF")) {
            return PercentType.ZERO;
        }
        BigDecimal value = Numbers.parse(trimmed);
        return value == null || !Numbers.within(value, min, max) ? null : percentOf(value);
    }

    private PercentType percentOf(BigDecimal value) {
        return new PercentType(value.subtract(min).multiply(HUNDRED).divide(max.subtract(min), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros());
    }

    private BigDecimal valueOf(PercentType percent) {
        return min.add(max.subtract(min).multiply(percent.toBigDecimal()).divide(HUNDRED, 4, RoundingMode.HALF_UP));
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        if (command instanceof OnOffType onOff) {
            // Without on/off payloads a dimmer goes to its ends, as the generic thing's: never an empty payload.
            String configured = onOff == OnOffType.ON ? on : off;
            if (!configured.isEmpty()) {
                return configured;
            }
        }
        BigDecimal target = target(command, last);
        return target == null ? null : Numbers.plain(target);
    }

    @Override
    @Nullable
    State stateAfter(Command command, @Nullable State last) {
        BigDecimal target = target(command, last);
        return target == null ? null : percentOf(target);
    }

    /** The device value a command asks for, or null when a dimmer takes no such command. */
    private @Nullable BigDecimal target(Command command, @Nullable State last) {
        if (command instanceof OnOffType onOff) {
            return onOff == OnOffType.ON ? max : min;
        }
        if (command instanceof PercentType percent) {
            return valueOf(percent);
        }
        // UP and DOWN step as INCREASE and DECREASE do, as on the generic thing.
        boolean up = command == IncreaseDecreaseType.INCREASE || command == UpDownType.UP;
        if (up || command == IncreaseDecreaseType.DECREASE || command == UpDownType.DOWN) {
            BigDecimal current = last instanceof PercentType percent ? valueOf(percent) : min;
            return Numbers.clamp(up ? current.add(step) : current.subtract(step), min, max);
        }
        return null;
    }
}
