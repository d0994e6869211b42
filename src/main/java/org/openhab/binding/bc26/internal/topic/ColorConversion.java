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
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.HSBType;
import org.openhab.core.library.types.PercentType;

/**
 * RGB (0-255 each) to and from openHAB's HSB, the usual hexcone model; HSB parts rounded to two decimals.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class ColorConversion {

    private ColorConversion() {
    }

    /** "r,g,b" to a color. @throws IllegalArgumentException unless three integers 0-255 */
    static HSBType fromRgb(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(text + " is not r,g,b");
        }
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            int value = Integer.parseInt(parts[i].trim());
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException(value + " is not 0-255");
            }
            rgb[i] = value / 255.0;
        }
        double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        double min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
        double chroma = max - min;
        double hue;
        if (chroma == 0) {
            hue = 0;
        } else if (max == rgb[0]) {
            hue = 60 * (((rgb[1] - rgb[2]) / chroma) % 6);
        } else if (max == rgb[1]) {
            hue = 60 * ((rgb[2] - rgb[0]) / chroma + 2);
        } else {
            hue = 60 * ((rgb[0] - rgb[1]) / chroma + 4);
        }
        if (hue < 0) {
            hue += 360;
        }
        BigDecimal h = round(hue);
        if (h.compareTo(BigDecimal.valueOf(360)) >= 0) {
            h = BigDecimal.ZERO;
        }
        return new HSBType(new DecimalType(h), new PercentType(round(max == 0 ? 0 : chroma / max * 100)),
                new PercentType(round(max * 100)));
    }

    /** A color as "r,g,b", 0-255 each. */
    static String toRgb(HSBType color) {
        double h = color.getHue().doubleValue() / 60;
        double s = color.getSaturation().doubleValue() / 100;
        double v = color.getBrightness().doubleValue() / 100;
        double chroma = v * s;
        double x = chroma * (1 - Math.abs(h % 2 - 1));
        double[] rgb = switch ((int) Math.floor(h) % 6) {
            case 0 -> new double[] { chroma, x, 0 };
            case 1 -> new double[] { x, chroma, 0 };
            case 2 -> new double[] { 0, chroma, x };
            case 3 -> new double[] { 0, x, chroma };
            case 4 -> new double[] { x, 0, chroma };
            default -> new double[] { chroma, 0, x };
        };
        double m = v - chroma;
        return Math.round((rgb[0] + m) * 255) + "," + Math.round((rgb[1] + m) * 255) + ","
                + Math.round((rgb[2] + m) * 255);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
