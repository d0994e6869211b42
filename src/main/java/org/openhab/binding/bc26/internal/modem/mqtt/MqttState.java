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
package org.openhab.binding.bc26.internal.modem.mqtt;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * State of the MQTT client inside the modem, for one connect id (AN11: AT+QMTCONN? reports 1 initial,
 * 2 connecting, 3 connected, 4 disconnecting).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public enum MqttState {
    CLOSED,
    OPENING,
    OPEN,
    CONNECTING,
    CONNECTED,
    DISCONNECTING
}
