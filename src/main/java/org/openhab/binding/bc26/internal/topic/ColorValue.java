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
 * A color channel whose payload is "hue,saturation,brightness" (HSB) or "red,green,blue" 0-255 (RGB); the on and off
 * payloads switch it; a brightness alone keeps the last hue and saturation.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class ColorValue extends TopicValue {

    /** The brightness an ON gives a color that was off: the MQTT binding's default {@code onBrightness}, 10 %. */
    private static final PercentType ON_BRIGHTNESS = new PercentType(10);
    private final boolean rgb;
    private final String on;
    private final String off;

    ColorValue(String colorMode, String on, String off) {
        if (!colorMode.equalsIgnoreCase("HSB") && !colorMode.equalsIgnoreCase("RGB")) {
            throw new IllegalArgumentException("colorMode is HSB or RGB, not " + colorMode);
        }
        this.rgb = colorMode.equalsIgnoreCase("RGB");
        this.on = on;
        this.off = off;
    }

    @Override
    @Nullable
    State toState(String text) {
        String trimmed = text.trim();
        if (isPayload(trimmed, on, "ON")) {
            return OnOffType.ON;
        }
        if (isPayload(trimmed, off, "OFF")) {
            return OnOffType.OFF;
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
        HSBType color;
        if (command instanceof OnOffType onOff) {
            String configured = onOff == OnOffType.ON ? on : off;
            if (!configured.isEmpty()) {
                return configured;
            }
            // Without on/off payloads the color keeps its hue and saturation: off is brightness 0, on the last
            // brightness, or ON_BRIGHTNESS after off (the generic thing's default onBrightness).
            HSBType before = last instanceof HSBType hsb ? hsb : new HSBType();
            PercentType brightness = onOff == OnOffType.OFF ? PercentType.ZERO
                    : before.getBrightness().intValue() > 0 ? before.getBrightness() : ON_BRIGHTNESS;
            color = new HSBType(before.getHue(), before.getSaturation(), brightness);
        } else if (command instanceof HSBType hsb) {
            color = hsb;
        } else if (command instanceof PercentType brightness) {
            HSBType before = last instanceof HSBType hsb ? hsb : new HSBType();
            color = new HSBType(before.getHue(), before.getSaturation(), brightness);
        } else {
            return null;
        }
        return rgb ? ColorConversion.toRgb(color) : color.toFullString();
    }
}
