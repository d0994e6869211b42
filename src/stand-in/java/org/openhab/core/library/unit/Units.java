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
package org.openhab.core.library.unit;

import javax.measure.MetricPrefix;
import javax.measure.Unit;
import javax.measure.quantity.Power;
import javax.measure.spi.SystemOfUnits;

import org.eclipse.jdt.annotation.NonNullByDefault;

import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.function.ExpConverter;
import tech.units.indriya.function.MultiplyConverter;
import tech.units.indriya.unit.TransformedUnit;

/**
 * Stand-in for openHAB core 5.2.1 {@code Units} (the constants the binding uses; a system of units with a private
 * constructor extending the package-private {@code CustomUnits}, as in core, whose constants are real indriya units).
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public final class Units extends CustomUnits {

    private static final Units INSTANCE = new Units();

    public static final Unit<Power> WATT = tech.units.indriya.unit.Units.WATT;
    /** dBm: 10 * log10(P / 1 mW), as core defines it. */
    public static final Unit<Power> DECIBEL_MILLIWATTS = new TransformedUnit<>("dBm", MetricPrefix.MILLI(WATT),
            new ExpConverter(10.0).concatenate(MultiplyConverter.of(0.1)));

    /**
     * Core's {@code Units.MIRED} (one per megakelvin, colour temperature), which core's unit format reads as
     * {@code mired}. Private here: the binding never names it, only parses the symbol.
     */
    private static final Unit<?> MIRED = MetricPrefix.MEGA(tech.units.indriya.unit.Units.KELVIN).inverse();

    static {
        SimpleUnitFormat.getInstance().label(MIRED, "mired");
    }

    private Units() {
    }

    /** The system of units, as core offers it. */
    public static SystemOfUnits getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return Units.class.getSimpleName();
    }
}
