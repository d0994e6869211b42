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
package org.openhab.binding.bc26.internal.modem.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtLine;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.ModemSessionListener;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;

/**
 * A session listener that keeps what a session reported, in order, for tests to take: failures, messages, the
 * dialect chosen ("BC660K", "BC660K forced") and the receive format.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SessionRecorder implements ModemSessionListener {

    public final BlockingQueue<SessionFailure> failures = new LinkedBlockingQueue<>();
    public final BlockingQueue<MqttMessage> messages = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> dialects = new LinkedBlockingQueue<>();
    public final BlockingQueue<ReceiveFormat> receiveFormats = new LinkedBlockingQueue<>();
    public final BlockingQueue<ModemIdentity> identities = new LinkedBlockingQueue<>();
    /** The modem's own URCs (+CEREG, +CSCON, +IP, ...) as the session passed them on. */
    public final BlockingQueue<String> networkEvents = new LinkedBlockingQueue<>();

    @Override
    public void identified(ModemIdentity identity) {
        identities.add(identity);
    }

    @Override
    public void networkEvent(AtLine line) {
        networkEvents.add(line.text());
    }

    @Override
    public void sessionChanged(boolean online, @Nullable SessionFailure failure) {
        if (failure != null) {
            failures.add(failure);
        }
    }

    @Override
    public void messageReceived(MqttMessage message) {
        messages.add(message);
    }

    @Override
    public void dialectChosen(ModemModel model, boolean forced) {
        dialects.add(model + (forced ? " forced" : ""));
    }

    @Override
    public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
        receiveFormats.add(format);
    }
}
