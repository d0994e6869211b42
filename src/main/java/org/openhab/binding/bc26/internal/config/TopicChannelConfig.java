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

import org.eclipse.jdt.annotation.NonNullByDefault;

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
    public int qos = 1;
    public boolean retained = false;
    /** Post incoming values as commands instead of state updates. */
    public boolean postCommand = false;
    /** Format of the published payload, %s being the command (java.util.Formatter syntax). */
    public String formatBeforePublish = "%s";
    /** Payload of ON / OPEN. */
    public String on = "ON";
    /** Payload of OFF / CLOSED. */
    public String off = "OFF";
    /** Unit of number channels, e.g. "°C" or "W"; empty for plain numbers. */
    public String unit = "";
    /** A payload meaning "no value now" (the channel becomes UNDEF); empty when none does. */
    public String nullValue = "";
    /** The values a string channel takes, comma-separated; empty takes any. */
    public String allowedStates = "";

    /** Whether a string channel takes {@code value}: any when no allowed states are set. */
    public boolean allows(String value) {
        if (allowedStates.isBlank()) {
            return true;
        }
        for (String allowed : allowedStates.split(",")) {
            if (allowed.trim().equals(value.trim())) {
                return true;
            }
        }
        return false;
    }
}
