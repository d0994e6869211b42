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
package org.openhab.binding.bc26.internal.modem;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtLine;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;

/**
 * Events of a {@link ModemSession}. Called on the link's reader thread or a scheduler thread: do not block.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface ModemSessionListener {

    /**
     * The session went up or down.
     *
     * @param online true when the MQTT session is connected
     * @param failure why it is not, null when online or stopped on request
     */
    void sessionChanged(boolean online, @Nullable SessionFailure failure);

    /** The broker delivered a message. */
    void messageReceived(MqttMessage message);

    /**
     * The modem printed a message that cannot be delivered (its end was lost, it was too long, malformed): data lost.
     *
     * @param topic its topic, or "" when even that could not be read
     * @param reason why
     */
    default void messageDropped(String topic, String reason) {
    }

    /**
     * The receive format in use, set at every connect.
     *
     * @param format hex or text
     * @param asConfigured false when the firmware refused hex and the session fell back to text
     */
    default void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
    }

    /**
     * A subscription made again after a reconnect failed or was refused (granted QoS 128).
     *
     * @param filter the topic filter
     * @param failure why; {@code SUBSCRIPTION_REJECTED} when the broker refused it
     */
    default void subscriptionFailed(String filter, MqttException failure) {
    }

    /** The modem identified itself (after each link open). */
    default void identified(ModemIdentity identity) {
    }

    /**
     * The dialect the session speaks to the modem, after each identification.
     *
     * @param model the model whose dialect is spoken
     * @param forced true when the user set it; false when the modem named it (or was unknown: then BC26's)
     */
    default void dialectChosen(ModemModel model, boolean forced) {
    }

    /** A network URC (+CEREG, +IP, +CSCON, +QNBIOTEVENT ...) for status displays. */
    default void networkEvent(AtLine urc) {
    }
}
