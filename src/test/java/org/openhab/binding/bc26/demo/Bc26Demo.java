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
package org.openhab.binding.bc26.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.bc26.internal.cli.Bc26CommandLine;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/**
 * The whole flow on any machine with a JDK, nothing installed: an embedded MQTT broker (Moquette, telemetry off), the
 * BC26 simulator with the modem's real timing on a TCP port, and the project's command line against them:
 * {@code probe}, then {@code monitor} receiving a message the broker side sends, then {@code publish} sending one
 * the broker side receives.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26Demo {

    private Bc26Demo() {
    }

    public static void main(String[] args) throws Exception {
        // Keep the broker's and Netty's INFO chatter out of the demo's output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int brokerPort = freePort();
        Server broker = startBroker(brokerPort);
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 1.0;
        options.baudRate = 115200;
        int code = 1;
        try (SimTransport modem = SimTransport.onTcp(options, 0)) {
            String port = modem.portName();
            step("Embedded broker on 127.0.0.1:" + brokerPort + ", BC26 simulator (real modem timing) on " + port);

            step("probe: who is the modem, is it registered?");
            code = Bc26CommandLine.run(new String[] { "probe", "--port", port });
            note("\"registration\":\"SEARCHING\" right after power-on means the modem is still looking for its cell; "
                    + "it registers a few seconds later (monitor and publish wait for that by themselves).");

            MqttClient cloud = new MqttClient("tcp://127.0.0.1:" + brokerPort, "cloud-side", new MemoryPersistence());
            CompletableFuture<String> up = new CompletableFuture<>();
            cloud.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(@Nullable Throwable cause) {
                }

                @Override
                public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                    if (message != null) {
                        up.complete(topic + " -> " + new String(message.getPayload(), StandardCharsets.UTF_8));
                    }
                }

                @Override
                public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
                }
            });
            cloud.connect();
            cloud.subscribe("cabin/up", 1);
            // Retained, so the modem gets it as soon as its subscription is in place.
            cloud.publish("cabin/down/light", "{\"state\": \"ON\", \"note\": \"sent by the cloud side\"}"
                    .getBytes(StandardCharsets.UTF_8), 1, true);

            step("monitor: bring the modem up, connect, subscribe to cabin/down/#, print events until 1 message");
            code |= Bc26CommandLine.run(new String[] { "monitor", "--port", port, "--host", "127.0.0.1",
                    "--mqtt-port", Integer.toString(brokerPort), "--client-id", "cabin-modem", "--subscribe",
                    "cabin/down/#:1", "--count", "1", "--seconds", "60" });
            note("The last line, \"online\":false with reason STOPPED, is monitor closing its session on purpose once "
                    + "it had its message: a clean shutdown, not a failure.");

            step("publish: send a message up through the modem at QoS 1");
            code |= Bc26CommandLine.run(new String[] { "publish", "--port", port, "--host", "127.0.0.1",
                    "--mqtt-port", Integer.toString(brokerPort), "--client-id", "cabin-modem", "--topic", "cabin/up",
                    "--payload", "{\"temperature\": 4.5, \"door\": \"closed\"}", "--qos", "1" });
            step("the cloud side received: " + up.get(30, TimeUnit.SECONDS));
            cloud.disconnect();
            cloud.close();
        } finally {
            broker.stopServer();
        }
        step(code == 0 ? "Demo done." : "Demo failed (exit code " + code + ").");
        System.exit(code);
    }

    private static void note(String text) {
        System.out.println("   (" + text + ")");
        System.out.flush();
    }

    private static void step(String text) {
        System.out.println();
        System.out.println("== " + text);
        System.out.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Server startBroker(int port) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        // Moquette reports usage to outside hosts unless told not to.
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        Server server = new Server();
        server.startServer(new MemoryConfig(properties));
        return server;
    }
}
