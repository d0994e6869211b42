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
 * Events of a {@link Bc26MqttClient}. Called on the link's reader thread or the thread running
 * {@code connect()}: do not block.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface MqttClientListener {

    /** The client's state changed. */
    void stateChanged(MqttState state);

    /** The broker delivered a message. */
    void messageReceived(MqttMessage message);

    /**
     * The modem closed a connected session (+QMTSTAT).
     *
     * @param code the +QMTSTAT code 1-7 (or another number on other firmware)
     * @param reason its text
     */
    void connectionLost(int code, String reason);

    /**
     * A +QMTRECV record could not be delivered (its end was lost, it was too long, malformed): the message is lost.
     *
     * @param topic the record's topic, or "" when even that could not be read
     * @param reason why it was dropped
     */
    void receiveDropped(String topic, String reason);

    /**
     * A subscription made again after a reconnect failed or was refused (granted QoS 128); subscriptions made while
     * connected report through their own future. Default: ignored.
     *
     * @param filter the topic filter
     * @param failure why; {@code SUBSCRIPTION_REJECTED} when the broker refused it
     */
    default void subscriptionFailed(String filter, MqttException failure) {
    }

    /**
     * The receive format was configured at a connect.
     *
     * @param format the format the modem uses now
     * @param asConfigured false when the firmware refused the configured one (hex) and the client fell back to text
     */
    void receiveFormatChosen(ReceiveFormat format, boolean asConfigured);
}
