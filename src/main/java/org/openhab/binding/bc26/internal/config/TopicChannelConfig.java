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
package org.openhab.binding.bc26.internal.config;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Configuration of a user-defined channel of a {@code bc26:topic} thing (like the MQTT binding's generic channels).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class TopicChannelConfig {

    /** Topic whose messages update the channel; wildcards allowed. Empty: the channel only publishes. */
    public String stateTopic = "";
    /** Topic a command on the channel is published to (no wildcards). Empty: the channel is read-only. */
    public String commandTopic = "";
    /** Topic a rollershutter's STOP is published to; empty: the command topic, as on the MQTT binding. */
    public String stopCommandTopic = "";
    public int qos = 1;
    public boolean retained = false;
    /** Post incoming values as commands instead of state updates. */
    public boolean postCommand = false;
    /** Format of the published payload, %s being the command (java.util.Formatter syntax). */
    public String formatBeforePublish = "%s";
    /**
     * Transformations of incoming payloads, applied in order before the value is read ({@code JSONPATH:$.temp},
     * several steps chained with {@code ∩} or given as separate entries), through openHAB's transformation services.
     */
    public List<String> transformationPattern = List.of();
    /** Transformations of the outgoing value, applied in order before {@link #formatBeforePublish}. */
    public List<String> transformationPatternOut = List.of();
    /**
     * Payload of ON / OPEN, understood beside the standard word ({@code ON}, {@code OPEN}); empty: the standard word
     * (a dimmer then publishes its max, a color its brightness), as on the MQTT binding's generic thing.
     */
    public String on = "";
    /** Payload of OFF / CLOSED, as {@link #on}. */
    public String off = "";
    /** Unit of number channels, e.g. "°C" or "W"; empty for plain numbers. */
    public String unit = "";
    /**
     * A payload meaning "no value now": the channel becomes NULL. Unset: none does (an empty payload still clears
     * channels other than string ones, as on the MQTT binding; {@code nullValue=""} makes it clear a string too).
     */
    public @Nullable String nullValue;
    /** Lowest value of a number or dimmer channel (dimmer: the payload of 0 %); null: none (dimmer: 0). */
    public @Nullable BigDecimal min;
    /** Highest value of a number or dimmer channel (dimmer: the payload of 100 %); null: none (dimmer: 100). */
    public @Nullable BigDecimal max;
    /** What INCREASE and DECREASE add or take away, in the channel's own values; null: 1 (number), 10 (dimmer). */
    public @Nullable BigDecimal step;
    /**
     * Deprecated names of a rollershutter's UP and DOWN payloads: the MQTT binding's generic thing, and now this
     * binding, name them {@link #on} and {@link #off}. Still read (with a note in the log) when those are not set.
     */
    public String up = "";
    public String down = "";
    /** Payload of a rollershutter's STOP. */
    public String stop = "STOP";
    /** Payloads on the state topic meaning a rollershutter is up / down, when they differ from {@link #on}/{@link #off}. */
    public String onState = "";
    public String offState = "";
    /** A rollershutter whose device counts its position the other way (0 = closed). */
    public boolean invert = false;
    /** Publish a rollershutter's 0 % and 100 % as its {@link #on}/{@link #off} payloads, when they are set. */
    public boolean transformExtentsToString = false;
    /** The brightness an ON gives a color that was off or darker (percent, 0-100), as on the MQTT binding. */
    public int onBrightness = 10;
    /**
     * How a color channel's payload reads: "HSB" (hue,saturation,brightness), "RGB" (red,green,blue 0-255) or "XYY"
     * (CIE 1931 x,y and the brightness in percent), as on the MQTT binding.
     */
    public String colorMode = "HSB";
    /** The values a string channel takes, comma-separated; empty takes any. */
    public String allowedStates = "";
}
