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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.HSBType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.PercentType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A color channel whose payload is "hue,saturation,brightness" (HSB) or "red,green,blue" 0-255 (RGB), as the MQTT
 * binding's generic color channel: ON and OFF (and the on/off payloads received) switch the brightness and keep the
 * hue; a brightness alone keeps the hue and saturation; a command always publishes the color itself.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class ColorValue extends TopicValue {

    private final boolean rgb;
    private final String on;
    private final String off;
    /** The least brightness an ON gives (the generic thing's {@code onBrightness}). */
    private final PercentType onBrightness;

    ColorValue(String colorMode, String on, String off, int onBrightness) {
        if (colorMode.equalsIgnoreCase("XYY")) {
            throw new IllegalArgumentException("colorMode XYY (CIE xyY) is not supported: use HSB or RGB");
        }
        if (!colorMode.equalsIgnoreCase("HSB") && !colorMode.equalsIgnoreCase("RGB")) {
            throw new IllegalArgumentException("colorMode is HSB or RGB, not " + colorMode);
        }
        if (onBrightness < 0 || onBrightness > 100) {
            throw new IllegalArgumentException("onBrightness is a percentage 0-100, not " + onBrightness);
        }
        this.rgb = colorMode.equalsIgnoreCase("RGB");
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
        try {
            return rgb ? ColorConversion.fromRgb(trimmed) : new HSBType(trimmed);
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
        return rgb ? ColorConversion.toRgb(color)
                : color.getHue().intValue() + "," + color.getSaturation().intValue() + ","
                        + color.getBrightness().intValue();
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
