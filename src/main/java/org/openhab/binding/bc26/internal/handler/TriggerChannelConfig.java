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
package org.openhab.binding.bc26.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of a {@code publish-trigger} channel of the bridge (like the MQTT binding's publishTrigger).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class TriggerChannelConfig {

    /** Topic filter to subscribe to; + and # wildcards allowed. */
    public String stateTopic = "";
    /** Fire only for this exact payload; empty fires for every payload. */
    public String payload = "";
    /** If set, the event is topic + separator + payload; else the payload alone. */
    public String separator = "";
    /** QoS of the subscription. */
    public int qos = 1;
}
