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
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.IncreaseDecreaseType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * A number channel: a plain number, or a quantity in the channel's unit; values outside min/max are ignored when
 * received and refused when commanded.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class NumberValue extends TopicValue {

    /** How devices print "no number now": NaN in any case, with or without a sign (C's printf prints -nan). */
    private static final Pattern NOT_A_NUMBER = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);

    private final String unit;
    private final @Nullable BigDecimal min;
    private final @Nullable BigDecimal max;
    private final BigDecimal step;

    NumberValue(String unit, @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable BigDecimal step) {
        this.unit = unit.trim();
        this.min = min;
        this.max = max;
        this.step = step == null ? BigDecimal.ONE : step;
    }

    @Override
    @Nullable
    State toState(String text) {
        if (NOT_A_NUMBER.matcher(text.trim()).matches()) {
            // A device that has a reading but no number now: UNDEF, as the generic thing gives.
            return UnDefType.UNDEF;
        }
        BigDecimal number = Numbers.parse(text);
        if (number == null && !unit.isEmpty()) {
            // A device may say its unit itself ("21.5 °C", "0.5 kW"): taken when it converts to the channel's.
            number = inChannelUnit(text);
        }
        if (number == null || !Numbers.within(number, min, max)) {
            return null;
        }
        return unit.isEmpty() ? new DecimalType(number) : quantity(number);
    }

    private @Nullable BigDecimal inChannelUnit(String text) {
        try {
            QuantityType<?> converted = new QuantityType<>(text.trim()).toInvertibleUnit(unit);
            return converted == null ? null : converted.toBigDecimal();
        } catch (RuntimeException e) {
            // indriya refuses what is not a quantity with exceptions of its own
            return null;
        }
    }

    private @Nullable State quantity(BigDecimal number) {
        try {
            return new QuantityType<>(number.toPlainString() + " " + unit);
        } catch (RuntimeException e) {
            // an unknown unit symbol: the channel cannot make a quantity of it
            return null;
        }
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        BigDecimal value = target(command, last);
        return value == null ? null : Numbers.plain(value);
    }

    @Override
    @Nullable
    State stateAfter(Command command, @Nullable State last) {
        BigDecimal value = target(command, last);
        return value == null ? null : unit.isEmpty() ? new DecimalType(value) : quantity(value);
    }

    /**
     * The value a command asks for in the channel's unit, or null when a number channel takes no such command.
     *
     * @throws IllegalArgumentException for a value it cannot publish, with the reason
     */
    private @Nullable BigDecimal target(Command command, @Nullable State last) {
        BigDecimal value;
        if (command instanceof QuantityType<?> quantity) {
            value = inChannelUnit(quantity);
            if (value == null) {
                throw new IllegalArgumentException(
                        "its unit " + quantity.getUnit() + " cannot be converted to the channel's unit " + unit);
            }
        } else if (command instanceof DecimalType decimal) {
            value = decimal.toBigDecimal();
        } else if (command instanceof IncreaseDecreaseType direction) {
            BigDecimal current = current(last);
            if (current == null) {
                throw new IllegalArgumentException("the channel has no value yet to step from");
            }
            value = Numbers.clamp(direction == IncreaseDecreaseType.INCREASE ? current.add(step)
                    : current.subtract(step), min, max);
        } else {
            return null;
        }
        if (!Numbers.within(value, min, max)) {
            throw new IllegalArgumentException("it is outside the channel's range " + min + " to " + max);
        }
        return value;
    }

    /**
     * A quantity in the channel's unit: openHAB passes a command in the unit it was given (0.5 kW) and the device
     * expects the channel's; colour temperatures convert through their inverse (kelvin to mired); a number without
     * unit is taken as in the channel's unit (unless the unit is a ratio such as %, where 0.2 is 20 %), as the
     * generic thing does.
     */
    private @Nullable BigDecimal inChannelUnit(QuantityType<?> quantity) {
        if (unit.isEmpty()) {
            return quantity.toBigDecimal();
        }
        QuantityType<?> converted = quantity.toInvertibleUnit(unit);
        if (converted == null && quantity.getUnit().equals(QuantityType.ONE.getUnit())) {
            return quantity.toBigDecimal();
        }
        return converted == null ? null : converted.toBigDecimal();
    }

    private @Nullable BigDecimal current(@Nullable State last) {
        if (last instanceof QuantityType<?> quantity) {
            return inChannelUnit(quantity);
        }
        return last instanceof DecimalType decimal ? decimal.toBigDecimal() : null;
    }
}
