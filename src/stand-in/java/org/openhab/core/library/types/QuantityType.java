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
package org.openhab.core.library.types;

import static org.eclipse.jdt.annotation.DefaultLocation.*;

import java.math.BigDecimal;

import javax.measure.Quantity;
import javax.measure.Unit;
import javax.measure.quantity.Dimensionless;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.quantity.Quantities;

/**
 * Stand-in for openHAB core 5.2.1 {@code QuantityType} (the subset the binding uses): an indriya quantity; printed
 * as indriya prints it ({@code -85 dBm}); equal when the values match after conversion to the same unit.
 *
 * @param <T> the quantity
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault({ PARAMETER, RETURN_TYPE, FIELD, TYPE_ARGUMENT })
public class QuantityType<T extends Quantity<T>> extends Number
        implements PrimitiveType, State, Command, Comparable<QuantityType<T>> {

    private static final long serialVersionUID = 1L;

    static {
        // core's unit format knows openHAB's own symbols (mired); they are registered with the units
        Units.getInstance();
    }

    public static final QuantityType<Dimensionless> ZERO = new QuantityType<>(0, AbstractUnit.ONE);
    public static final QuantityType<Dimensionless> ONE = new QuantityType<>(1, AbstractUnit.ONE);

    private final transient Quantity<T> quantity;

    public QuantityType(Number value, Unit<T> unit) {
        this.quantity = Quantities.getQuantity(new BigDecimal(value.toString()), unit);
    }

    /** Parses "21.5 °C" style text (value, space, unit symbol); a number alone is dimensionless, as in core. */
    @SuppressWarnings("unchecked")
    public QuantityType(String value) {
        String text = value.trim();
        this.quantity = text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
                ? (Quantity<T>) Quantities.getQuantity(new BigDecimal(text), AbstractUnit.ONE)
                : (Quantity<T>) Quantities.getQuantity(text);
    }

    public Unit<T> getUnit() {
        return quantity.getUnit();
    }

    /**
     * As openHAB: this quantity in {@code targetUnit} (a unit symbol such as {@code W}), or null when the symbol is
     * unknown or the units do not measure the same thing.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public @Nullable QuantityType<T> toUnit(String targetUnit) {
        try {
            Unit<?> unit = Quantities.getQuantity("1 " + targetUnit.trim()).getUnit();
            if (!unit.isCompatible(quantity.getUnit())) {
                return null;
            }
            Quantity<T> converted = quantity.to((Unit) unit);
            return new QuantityType<>(converted.getValue(), converted.getUnit());
        } catch (RuntimeException e) {
            // indriya refuses unknown symbols with its own exceptions
            return null;
        }
    }

    /**
     * As openHAB: this quantity in {@code targetUnit}, through its inverse when the target measures the inverse
     * (kelvin to mired), or null when neither converts.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public @Nullable QuantityType<?> toInvertibleUnit(String targetUnit) {
        try {
            Unit<?> unit = Quantities.getQuantity("1 " + targetUnit.trim()).getUnit();
            if (!unit.isCompatible(getUnit()) && getUnit().inverse().isCompatible(unit)) {
                Quantity<?> inverse = Quantities.getQuantity(BigDecimal.ONE, AbstractUnit.ONE).divide(quantity);
                Quantity<?> converted = inverse.to((Unit) unit);
                return new QuantityType<>(converted.getValue(), (Unit) converted.getUnit());
            }
        } catch (RuntimeException e) {
            // indriya refuses unknown symbols with its own exceptions
            return null;
        }
        return toUnit(targetUnit);
    }

    public BigDecimal toBigDecimal() {
        return new BigDecimal(quantity.getValue().toString());
    }

    @Override
    public String toString() {
        return toBigDecimal().stripTrailingZeros().toPlainString() + " " + quantity.getUnit();
    }

    @Override
    public String toFullString() {
        return toString();
    }

    @Override
    public String format(String pattern) {
        return String.format(pattern, quantity.getValue());
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (!(obj instanceof QuantityType<?> other) || !other.getUnit().isCompatible(getUnit())) {
            return false;
        }
        @SuppressWarnings("unchecked")
        QuantityType<T> same = (QuantityType<T>) other;
        return compareTo(same) == 0;
    }

    @Override
    public int hashCode() {
        return toBigDecimal().stripTrailingZeros().hashCode();
    }

    @Override
    public int compareTo(QuantityType<T> o) {
        BigDecimal mine = toBigDecimal();
        BigDecimal theirs = new BigDecimal(o.quantity.to(getUnit()).getValue().toString());
        return mine.compareTo(theirs);
    }

    @Override
    public int intValue() {
        return quantity.getValue().intValue();
    }

    @Override
    public long longValue() {
        return quantity.getValue().longValue();
    }

    @Override
    public float floatValue() {
        return quantity.getValue().floatValue();
    }

    @Override
    public double doubleValue() {
        return quantity.getValue().doubleValue();
    }
}
