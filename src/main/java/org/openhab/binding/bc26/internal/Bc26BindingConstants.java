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
package org.openhab.binding.bc26.internal;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Ids shared across the binding: the binding id, thing types and channel ids.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26BindingConstants {

    public static final String BINDING_ID = "bc26";

    /** The bridge: one BC26 modem on one serial port, owning the MQTT session that runs inside the modem. */
    public static final ThingTypeUID THING_TYPE_MODEM = new ThingTypeUID(BINDING_ID, "modem");

    /** A device behind MQTT topics, with user-defined channels, under a modem bridge. */
    public static final ThingTypeUID THING_TYPE_TOPIC = new ThingTypeUID(BINDING_ID, "topic");

    public static final Set<ThingTypeUID> SUPPORTED_THING_TYPES = Set.of(THING_TYPE_MODEM, THING_TYPE_TOPIC);

    // Bridge channels
    public static final String CHANNEL_SIGNAL_STRENGTH = "signal-strength";
    public static final String CHANNEL_RSSI = "rssi";
    public static final String CHANNEL_RSRP = "rsrp";
    public static final String CHANNEL_RSRQ = "rsrq";
    public static final String CHANNEL_SINR = "sinr";
    public static final String CHANNEL_REGISTRATION = "registration";
    public static final String CHANNEL_OPERATOR = "operator";
    public static final String CHANNEL_CELL_ID = "cell-id";
    public static final String CHANNEL_CONNECTION = "connection";
    public static final String CHANNEL_LAST_ERROR = "last-error";
    public static final String CHANNEL_OUTBOX_SIZE = "outbox-size";
    public static final String CHANNEL_MESSAGES_SENT = "messages-sent";
    public static final String CHANNEL_MESSAGES_RECEIVED = "messages-received";
    public static final String CHANNEL_MESSAGES_DROPPED = "messages-dropped";
    public static final String CHANNEL_NETWORK_TIME = "network-time";
    public static final String CHANNEL_DATA_SENT = "data-sent";
    public static final String CHANNEL_DATA_RECEIVED = "data-received";

    /** The extensible trigger channel type of subscribed topics on the bridge. */
    public static final String CHANNEL_TYPE_PUBLISH_TRIGGER = "publish-trigger";

    // Thing properties
    public static final String PROPERTY_IMEI = "imei";
    public static final String PROPERTY_IMSI = "imsi";
    public static final String PROPERTY_ICCID = "iccid";
    /** The receive format in use: {@code hex}, {@code text}, or text because the firmware refused hex. */
    public static final String PROPERTY_RECEIVE_FORMAT = "receiveFormat";
    /** The model whose commands the bridge speaks (BC26, BC660K, BC260Y), read from the modem or set. */
    public static final String PROPERTY_DIALECT = "dialect";

    private Bc26BindingConstants() {
    }
}
