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
package org.openhab.core.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.HSBType;
import org.openhab.core.library.types.PercentType;

/**
 * Stand-in for openHAB core 5.2.1 {@code ColorUtil} (the four static conversions the binding uses, present since
 * core 4.0): HSV to and from sRGB 0-255 (rounded half up), and to and from CIE 1931 xy through the "wide RGB D65"
 * matrices with sRGB gamma and core's default gamut, as Philips' published conversion that core follows.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class ColorUtil {

    private static final MathContext PRECISION = new MathContext(5, RoundingMode.HALF_UP);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Core's default gamut: the corners red, green and blue in xy. */
    private static final double[][] GAMUT = { { 0.9961, 0.0001 }, { 0, 0.9961 }, { 0, 0.0001 } };

    private ColorUtil() {
    }

    /** A color as red, green, blue 0-255. */
    public static int[] hsbToRgb(HSBType hsb) {
        double[] rgb = rgbFractions(hsb);
        int[] result = new int[3];
        for (int i = 0; i < 3; i++) {
            result[i] = BigDecimal.valueOf(rgb[i]).multiply(BigDecimal.valueOf(255)).setScale(0, RoundingMode.HALF_UP)
                    .intValue();
        }
        return result;
    }

    /** Red, green, blue 0-255 as a color. @throws IllegalArgumentException for other than three or four 0-255 */
    public static HSBType rgbToHsb(int[] rgbw) throws IllegalArgumentException {
        if (rgbw.length < 3 || rgbw.length > 4) {
            throw new IllegalArgumentException("rgbToHsb() requires 3 or 4 arguments");
        }
        BigDecimal[] percent = new BigDecimal[3];
        for (int i = 0; i < rgbw.length; i++) {
            if (rgbw[i] < 0 || rgbw[i] > 255) {
                throw new IllegalArgumentException("rgbToHsb() argument " + i + " out of range [0..255]");
            }
            if (i < 3) {
                percent[i] = new BigDecimal(rgbw[i]).divide(new BigDecimal("2.55"), PRECISION);
            }
        }
        return fromPercents(percent[0], percent[1], percent[2]);
    }

    /** A color as CIE 1931 x, y and Y (each 0-1), the point moved into the default gamut. */
    public static double[] hsbToXY(HSBType hsb) {
        double[] rgb = rgbFractions(hsb);
        if (Math.max(rgb[0], Math.max(rgb[1], rgb[2])) <= 0) {
            rgb = new double[] { 0.000001, 0.000001, 0.000001 };
        }
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] > 0.04045 ? Math.pow((rgb[i] + 0.055) / 1.055, 2.4) : rgb[i] / 12.92;
        }
        double x = rgb[0] * 0.664511 + rgb[1] * 0.154324 + rgb[2] * 0.162028;
        double y = rgb[0] * 0.283881 + rgb[1] * 0.668433 + rgb[2] * 0.047685;
        double z = rgb[0] * 0.000088 + rgb[1] * 0.072310 + rgb[2] * 0.986039;
        double sum = x + y + z;
        double[] point = inGamut(x / sum, y / sum);
        return new double[] { point[0], point[1], y };
    }

    /** CIE 1931 x, y [, Y] (each 0-1) as a color. @throws IllegalArgumentException for a wrong count or range */
    public static HSBType xyToHsb(double[] xy) throws IllegalArgumentException {
        if (xy.length < 2 || xy.length > 4) {
            throw new IllegalArgumentException("xyToHsb() requires 2, 3 or 4 arguments");
        }
        for (int i = 0; i < xy.length; i++) {
            if (xy[i] < 0 || xy[i] > 1) {
                throw new IllegalArgumentException("xyToHsb() argument " + i + " out of range [0..1.0]");
            }
        }
        double[] point = inGamut(xy[0], xy[1]);
        double px = point[0];
        double py = point[1] == 0 ? 0.000001 : point[1];
        double luminance = xy.length == 3 && xy[2] > 0 ? xy[2] : 1.0;
        double bigX = luminance / py * px;
        double bigZ = luminance / py * (1 - px - py);
        double[] rgb = { bigX * 1.656492 - luminance * 0.354851 - bigZ * 0.255038,
                -bigX * 0.707196 + luminance * 1.655397 + bigZ * 0.036152,
                bigX * 0.051713 - luminance * 0.121364 + bigZ * 1.011530 };
        double min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
        for (int i = 0; i < 3 && min < 0; i++) {
            rgb[i] -= min;
        }
        scaleDown(rgb);
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.0031308 ? 12.92 * rgb[i] : 1.055 * Math.pow(rgb[i], 1 / 2.4) - 0.055;
        }
        scaleDown(rgb);
        return fromPercents(new BigDecimal(rgb[0]).multiply(HUNDRED, PRECISION),
                new BigDecimal(rgb[1]).multiply(HUNDRED, PRECISION), new BigDecimal(rgb[2]).multiply(HUNDRED, PRECISION));
    }

    private static void scaleDown(double[] rgb) {
        double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        if (max > 1) {
            for (int i = 0; i < 3; i++) {
                rgb[i] /= max;
            }
        }
    }

    /** HSV to red, green, blue as fractions 0-1 (the hexcone sectors). */
    private static double[] rgbFractions(HSBType hsb) {
        double h = hsb.getHue().doubleValue() / 60;
        double s = hsb.getSaturation().doubleValue() / 100;
        double v = hsb.getBrightness().doubleValue() / 100;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        return switch (sector) {
            case 0 -> new double[] { v, t, p };
            case 1 -> new double[] { q, v, p };
            case 2 -> new double[] { p, v, t };
            case 3 -> new double[] { p, q, v };
            case 4 -> new double[] { t, p, v };
            default -> new double[] { v, p, q };
        };
    }

    /** Red, green, blue in percent to HSV. */
    private static HSBType fromPercents(BigDecimal r, BigDecimal g, BigDecimal b) {
        BigDecimal max = r.max(g).max(b);
        BigDecimal span = max.subtract(r.min(g).min(b));
        if (max.signum() == 0) {
            return new HSBType();
        }
        if (span.signum() == 0) {
            return new HSBType(new DecimalType(), new PercentType(), new PercentType(max));
        }
        BigDecimal scale = span.divide(BigDecimal.valueOf(60), PRECISION);
        BigDecimal hue;
        if (r.compareTo(max) == 0) {
            hue = max.subtract(b).divide(scale, PRECISION).subtract(max.subtract(g).divide(scale, PRECISION));
        } else if (g.compareTo(max) == 0) {
            hue = BigDecimal.valueOf(120).add(max.subtract(r).divide(scale, PRECISION))
                    .subtract(max.subtract(b).divide(scale, PRECISION));
        } else {
            hue = BigDecimal.valueOf(240).add(max.subtract(g).divide(scale, PRECISION))
                    .subtract(max.subtract(r).divide(scale, PRECISION));
        }
        if (hue.signum() < 0) {
            hue = hue.add(BigDecimal.valueOf(360));
        } else if (hue.compareTo(BigDecimal.valueOf(360)) >= 0) {
            hue = hue.subtract(BigDecimal.valueOf(360));
        }
        return new HSBType(new DecimalType(hue), new PercentType(span.divide(max, PRECISION).multiply(HUNDRED)),
                new PercentType(max));
    }

    /** The point itself when it lies in the gamut's triangle, else the nearest point on its edges. */
    private static double[] inGamut(double x, double y) {
        double[] r = GAMUT[0];
        double[] g = GAMUT[1];
        double[] b = GAMUT[2];
        double v1x = g[0] - r[0];
        double v1y = g[1] - r[1];
        double v2x = b[0] - r[0];
        double v2y = b[1] - r[1];
        double qx = x - r[0];
        double qy = y - r[1];
        double v = v1x * v2y - v1y * v2x;
        double s = (qx * v2y - qy * v2x) / v;
        double t = (v1x * qy - v1y * qx) / v;
        if (s >= 0 && t >= 0 && s + t <= 1) {
            return new double[] { x, y };
        }
        double[] best = null;
        double bestDistance = Double.MAX_VALUE;
        for (double[][] edge : new double[][][] { { r, g }, { g, b }, { b, r } }) {
            double[] on = nearestOnSegment(x, y, edge[0], edge[1]);
            double distance = Math.hypot(x - on[0], y - on[1]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = on;
            }
        }
        return best == null ? new double[] { x, y } : best;
    }

    private static double[] nearestOnSegment(double x, double y, double[] a, double[] b) {
        double abx = b[0] - a[0];
        double aby = b[1] - a[1];
        double t = Math.min(1, Math.max(0, ((x - a[0]) * abx + (y - a[1]) * aby) / (abx * abx + aby * aby)));
        return new double[] { a[0] + t * abx, a[1] + t * aby };
    }
}
