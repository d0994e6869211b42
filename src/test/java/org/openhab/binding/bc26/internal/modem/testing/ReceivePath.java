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

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtEventListener;
import org.openhab.binding.bc26.internal.modem.at.AtLine;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttClientListener;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttState;

/**
 * The driver's receive path without a link: bytes fed to {@link #engine} come out as messages. For the fuzz test
 * and the parse benchmark.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ReceivePath implements AtEventListener, MqttClientListener, AutoCloseable {

    public final AtEngine engine;
    private final Bc26MqttClient client;
    private final Consumer<MqttMessage> messages;

    public ReceivePath(ScheduledExecutorService scheduler, MqttSettings settings, Consumer<MqttMessage> messages) {
        this.messages = messages;
        this.engine = new AtEngine(scheduler, this);
        this.client = new Bc26MqttClient(engine, settings, this);
    }

    /** Feeds bytes as the link would. */
    public void feed(byte[] bytes, int length) {
        engine.bytesReceived(bytes, length);
    }

    @Override
    public void urc(AtLine line) {
        client.handleUrc(line);
    }

    @Override
    public void modemRestarted() {
    }

    @Override
    public void claimToVerify(AtLine line) {
    }

    @Override
    public void linkLost(String reason) {
    }

    @Override
    public void receiveDropped(String topic, String reason) {
    }

    @Override
    public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
    }

    @Override
    public void stateChanged(MqttState state) {
    }

    @Override
    public void messageReceived(MqttMessage message) {
        messages.accept(message);
    }

    @Override
    public void connectionLost(int code, String reason) {
    }

    @Override
    public void close() {
        engine.close();
    }
}
