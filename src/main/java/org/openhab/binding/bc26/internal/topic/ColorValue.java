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
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.core.library.types.HSBType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.PercentType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.util.ColorUtil;

/**
 * A color channel whose payload is "hue,saturation,brightness" (HSB), "red,green,blue" 0-255 (RGB) or CIE 1931
 * "x,y,brightness" (XYY, brightness in percent), converted by openHAB's own {@link ColorUtil}, as the MQTT binding's
 * generic color channel: ON and OFF (and the on/off payloads received) switch the brightness and keep the
 * hue; a brightness alone keeps the hue and saturation; a command always publishes the color itself.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class ColorValue extends TopicValue {

    /** How the payload gives the color. */
    private enum Mode {
        HSB,
        RGB,
        XYY
    }

    private final Mode mode;
    private final String on;
    private final String off;
    /** The least brightness an ON gives (the generic thing's {@code onBrightness}). */
    private final PercentType onBrightness;

    ColorValue(String colorMode, String on, String off, int onBrightness) {
        try {
            this.mode = Mode.valueOf(colorMode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SettingError.COLOR_MODE.with(colorMode);
        }
        if (onBrightness < 0 || onBrightness > 100) {
            throw SettingError.ON_BRIGHTNESS.with(onBrightness);
        }
        this.on = on;
        this.off = off;
        this.onBrightness = new PercentType(onBrightness);
    }

    @Override
    @Nullable
    State toState(String text) {
        return toState(text, null);
    }

    @Override
    @Nullable
    State toState(String text, @Nullable State last) {
        String trimmed = text.trim();
        if (isPayload(trimmed, on, "ON")) {
            return switched(OnOffType.ON, last);
        }
        if (isPayload(trimmed, off, "OFF")) {
            return switched(OnOffType.OFF, last);
        }
        String[] parts = trimmed.split(",");
        if (parts.length != 3) {
            return null;
        }
        try {
            return switch (mode) {
                case HSB -> new HSBType(trimmed);
                case RGB -> ColorUtil.rgbToHsb(new int[] { Integer.parseInt(parts[0].trim()),
                        Integer.parseInt(parts[1].trim()), Integer.parseInt(parts[2].trim()) });
                case XYY -> {
                    HSBType chromaticity = ColorUtil.xyToHsb(
                            new double[] { Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()) });
                    yield new HSBType(chromaticity.getHue(), chromaticity.getSaturation(),
                            new PercentType(new BigDecimal(parts[2].trim())));
                }
            };
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: not three numbers in range
            return null;
        }
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        HSBType color = stateAfter(command, last);
        if (color == null) {
            return null;
        }
        return switch (mode) {
            case HSB -> color.getHue().intValue() + "," + color.getSaturation().intValue() + ","
                    + color.getBrightness().intValue();
            case RGB -> {
                int[] rgb = ColorUtil.hsbToRgb(color);
                yield rgb[0] + "," + rgb[1] + "," + rgb[2];
            }
            case XYY -> {
                // x and y to six places, the brightness in percent to two, as the generic thing prints them
                double[] xy = ColorUtil.hsbToXY(color);
                yield String.format(Locale.ROOT, "%f,%f,%.2f", xy[0], xy[1], color.getBrightness().doubleValue());
            }
        };
    }

    @Override
    @Nullable
    HSBType stateAfter(Command command, @Nullable State last) {
        if (command instanceof HSBType hsb) {
            return hsb;
        }
        if (command instanceof OnOffType onOff) {
            return switched(onOff, last);
        }
        if (command instanceof PercentType brightness) {
            HSBType before = last instanceof HSBType hsb ? hsb : new HSBType();
            return new HSBType(before.getHue(), before.getSaturation(), brightness);
        }
        return null;
    }

    /** The last color off (brightness 0) or on: its brightness, at least {@link #onBrightness}. */
    private HSBType switched(OnOffType onOff, @Nullable State last) {
        HSBType before = last instanceof HSBType hsb ? hsb : new HSBType();
        PercentType brightness = onOff == OnOffType.OFF ? PercentType.ZERO
                : before.getBrightness().compareTo(onBrightness) >= 0 ? before.getBrightness() : onBrightness;
        return new HSBType(before.getHue(), before.getSaturation(), brightness);
    }
}
