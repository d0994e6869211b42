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
package org.openhab.core.types.util;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.QuantityType;

/**
 * Stand-in for openHAB core 5.2.1 {@code UnitUtils} (the two static methods the binding uses). As core, the
 * dimension name is the simple name of the quantity a known system unit of the same dimension is declared with
 * ({@code Unit<Power> WATT} gives {@code Power}); core looks through its own unit systems, the stand-in through
 * indriya's SI units, which declare the same quantities.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class UnitUtils {

    /** The unit systems searched, openHAB's own first, as core searches its systems. */
    private static final Class<?>[] SYSTEMS = { org.openhab.core.library.unit.Units.class,
            tech.units.indriya.unit.Units.class };

    private UnitUtils() {
    }

    /** The unit a symbol names ({@code W}, {@code °C}, {@code mired}), or null for a blank or unknown symbol. */
    public static @Nullable Unit<?> parseUnit(@Nullable String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        try {
            return new QuantityType<>("1 " + pattern.trim()).getUnit();
        } catch (RuntimeException e) {
            // indriya refuses unknown symbols with its own exceptions; core answers null
            return null;
        }
    }

    /**
     * The name of the unit's dimension ({@code Power}, {@code Temperature}), or null when no known unit has it: the
     * quantity of the known unit that is this unit (% is Dimensionless, not the Angle radians also measure), else of
     * the first known unit of the same dimension (kW is Power).
     */
    public static @Nullable String getDimensionName(Unit<?> unit) {
        String same = dimensionOf(unit, true);
        return same != null ? same : dimensionOf(unit, false);
    }

    private static @Nullable String dimensionOf(Unit<?> unit, boolean exactly) {
        for (Class<?> system : SYSTEMS) {
            for (Field field : system.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getModifiers())
                        || !Unit.class.isAssignableFrom(field.getType())
                        || !(field.getGenericType() instanceof ParameterizedType type)
                        || !(type.getActualTypeArguments()[0] instanceof Class<?> quantity)) {
                    continue;
                }
                try {
                    Unit<?> known = (Unit<?>) field.get(null);
                    if (known != null && (exactly ? known.equals(unit)
                            : known.getDimension().equals(unit.getDimension()))) {
                        return quantity.getSimpleName();
                    }
                } catch (IllegalAccessException e) {
                    // not readable: not one of the system's units
                }
            }
        }
        return null;
    }
}
