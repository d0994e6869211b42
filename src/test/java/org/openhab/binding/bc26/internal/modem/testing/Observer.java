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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A second, independent MQTT client on the same broker: it checks what the broker really received and publishes
 * towards the modem.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Observer implements AutoCloseable {

    /** A message as the broker delivered it to the observer. */
    public record Received(String topic, String payload, int qos, boolean retained) {
    }

    private final MqttClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    public Observer(String uri, String clientId, @Nullable String user, @Nullable String password)
            throws MqttException {
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(@Nullable Throwable cause) {
            }

            @Override
            public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                if (topic != null && message != null) {
                    received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                            message.getQos(), message.isRetained()));
                }
            }

            @Override
            public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        if (user != null && password != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
    }

    public Observer(String uri) throws MqttException {
        this(uri, "observer-" + System.nanoTime(), null, null);
    }

    public void subscribe(String filter, int qos) throws MqttException {
        client.subscribe(filter, qos);
    }

    public void publish(String topic, String payload, int qos, boolean retain) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
    }

    public void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        client.publish(topic, payload, qos, retain);
    }

    /** The next message, waiting up to {@code seconds}. */
    public Received next(int seconds) throws InterruptedException {
        Received message = received.poll(seconds, TimeUnit.SECONDS);
        assertNotNull(message, "the observer received nothing within " + seconds + " s");
        return message;
    }

    /** Messages received and not yet taken. */
    public BlockingQueue<Received> queue() {
        return received;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
