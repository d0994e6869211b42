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
 * Configuration of the {@code bc26:modem} bridge, mapped by {@code getConfigAs}; field names are the parameter names
 * of {@code OH-INF/thing/modem.xml}, defaults the same as there.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class Bc26ModemConfiguration {

    // Serial port
    /** Device path, {@code /dev/serial/by-id/...} link, or {@code socket://host:port} of the modem. */
    public String serialPort = "";
    public int baudRate = 115200;

    // Cellular
    public String simPin = "";
    public String apn = "";
    /** Comma-separated bands to lock to, e.g. "8" or "3,8"; empty keeps the modem's setting. */
    public String bands = "";
    /** false: PSM, eDRX and sleep are switched off (AT+CPSMS=0, AT+CEDRXS=0, AT+QSCLK=0). */
    public boolean powerSaving = false;

    // MQTT broker
    public int connectId = 0;
    // Names, types and defaults of the MQTT binding's broker thing where the meaning is the same; the binding's
    // former names (brokerHost, brokerPort, clientId, tls, defaultQos, will*) are read by MqttBrokerNames.
    public String host = "";
    public int port = 1883;
    /** Empty: oh-bc26-&lt;thing id&gt;, derived at every start and never written back. */
    public String clientID = "";
    public String username = "";
    public String password = "";
    public int keepAlive = 120;
    public boolean cleanSession = true;
    /** "V3" (MQTT 3.1.1, as the MQTT binding names it) or "3.1"; "3.1.1" is read as V3. */
    public String mqttVersion = "V3";
    /** MQTT over TLS (BC660K, BC260Y, BG95, BG96, BG77; BC26 has none). */
    public boolean secure = false;
    /** Check the broker's certificate against {@link #caCertificate}. */
    public boolean verifyServer = true;
    /** PEM file of the CA that signed the broker's certificate, or truststore:<alias> of the Java trust store. */
    public String caCertificate = "";
    /** PEM file of the client certificate, for brokers that want one; empty: none. */
    public String clientCertificate = "";
    /** PEM file (PKCS#8) of the client certificate's key; empty: none. */
    public String clientKey = "";
    /** Send the broker's host name in the TLS handshake (SNI), where the model can (BG95/BG96/BG77). */
    public boolean serverNameIndication = true;
    /** The modem's model: "auto" (read from the modem), or BC26, BC660K, BC260Y, BG95, BG96, BG77 to force one. */
    public String modemModel = "auto";
    /** "hex" (one line per message, no payload can imitate the modem) or "text" (the modem's own default). */
    public String receiveFormat = "hex";

    // Last will, birth and shutdown messages
    public String lwtTopic = "";
    public String lwtMessage = "";
    public int lwtQos = 0;
    public boolean lwtRetain = true;
    public String birthTopic = "";
    public String birthMessage = "";
    public boolean birthRetain = true;
    public String shutdownTopic = "";
    public String shutdownMessage = "";
    public boolean shutdownRetain = true;

    // Publishing and recovery
    /** QoS of rule action publishes that name none: 1, where the MQTT binding's broker has 0 (see README). */
    public int qos = 1;
    public int reconnectInitialSeconds = 5;
    public int reconnectMaxSeconds = 300;
    public int outboxSize = 100;
    public int refreshInterval = 60;
    /** When the data counters start again: daily, monthly (on {@link #dataCounterResetDay}) or never. */
    public String dataCounterReset = "monthly";
    public int dataCounterResetDay = 1;
}
