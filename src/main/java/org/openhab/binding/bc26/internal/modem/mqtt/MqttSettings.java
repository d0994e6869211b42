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
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.setting.SettingField;

/**
 * Everything the modem's MQTT client needs (AT+QMTCFG items, QMTOPEN and QMTCONN parameters). The constructor checks
 * every value against the modem's limits and refuses what cannot be sent safely.
 *
 * @param connectId 0-5
 * @param host broker host name or address, at most 100 bytes
 * @param port broker port 1-65535
 * @param clientId MQTT client id, 1-128 bytes
 * @param username user name, or null
 * @param password password, or null (needs a user name: QMTCONN has no form with a password alone)
 * @param keepAliveSeconds 0-3600 (0 = no keep-alive)
 * @param cleanSession clean session flag
 * @param protocolVersion 3 (MQTT 3.1) or 4 (MQTT 3.1.1)
 * @param packetTimeoutSeconds 1-60: how long the modem waits for a broker acknowledgement
 * @param retries 0-10: how often the modem resends an unacknowledged packet
 * @param will last will, or null
 * @param hexReceive whether the modem is asked to deliver payloads in hex (AT+QMTCFG="dataformat" receive format 1):
 *            one line per message, binary payloads intact, and no payload can imitate the modem's own lines
 * @param bufferedReceive on a model that can keep received messages until read (BG95, BG96, BG77), whether to: a host
 *            that stalls then loses nothing, but at most five messages wait and a burst of more loses the rest; else
 *            those models print each message at once with its length
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record MqttSettings(int connectId, String host, int port, String clientId, @Nullable String username,
        @Nullable String password, int keepAliveSeconds, boolean cleanSession, int protocolVersion,
        int packetTimeoutSeconds, int retries, @Nullable Will will, boolean hexReceive, boolean bufferedReceive) {

    /**
     * The last will.
     *
     * @param topic will topic (no wildcards)
     * @param message will message: plain text without quotes (AT+QMTCFG="will" takes it inside quotes)
     * @param qos 0-2
     * @param retain retain flag
     */
    public record Will(String topic, String message, int qos, boolean retain) {
        public Will {
            MqttTopics.checkTopicName(topic);
            AtText.check(message, SettingField.WILL_MESSAGE, 256);
            checkQos(qos);
        }
    }

    public MqttSettings {
        if (connectId < 0 || connectId > 5) {
            throw SettingError.CONNECT_ID_RANGE.with(connectId);
        }
        if (host.isBlank()) {
            throw SettingError.HOST_MISSING.with();
        }
        AtText.check(host, SettingField.BROKER_HOST, 100);
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw SettingError.HOST_SPACE.with(host);
        }
        if (port < 1 || port > 65535) {
            throw SettingError.PORT_RANGE.with(port);
        }
        if (clientId.isEmpty()) {
            throw SettingError.CLIENT_ID_EMPTY.with();
        }
        AtText.check(clientId, SettingField.CLIENT_ID, 128);
        if (username != null) {
            AtText.check(username, SettingField.USER_NAME, 256);
        }
        if (password != null) {
            if (username == null) {
                throw SettingError.PASSWORD_WITHOUT_USER.with();
            }
            AtText.check(password, SettingField.PASSWORD, 256);
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 3600) {
            throw SettingError.KEEP_ALIVE_RANGE.with(keepAliveSeconds);
        }
        if (protocolVersion != 3 && protocolVersion != 4) {
            throw SettingError.MQTT_VERSION.with(protocolVersion);
        }
        if (packetTimeoutSeconds < 1 || packetTimeoutSeconds > 60) {
            throw SettingError.PACKET_TIMEOUT_RANGE.with(packetTimeoutSeconds);
        }
        if (retries < 0 || retries > 10) {
            throw SettingError.RETRIES_RANGE.with(retries);
        }
    }

    /**
     * Settings with the modem's defaults (keep-alive 120 s, clean session, MQTT 3.1.1, 10 s timeout, 3 retries) and
     * the hex receive format.
     */
    public static MqttSettings of(int connectId, String host, int port, String clientId) {
        return new MqttSettings(connectId, host, port, clientId, null, null, 120, true, 4, 10, 3, null, true, false);
    }

    /** Same settings with credentials. */
    public MqttSettings withCredentials(@Nullable String newUsername, @Nullable String newPassword) {
        return new MqttSettings(connectId, host, port, clientId, newUsername, newPassword, keepAliveSeconds,
                cleanSession, protocolVersion, packetTimeoutSeconds, retries, will, hexReceive, bufferedReceive);
    }

    /** Same settings with a will. */
    public MqttSettings withWill(@Nullable Will newWill) {
        return new MqttSettings(connectId, host, port, clientId, username, password, keepAliveSeconds, cleanSession,
                protocolVersion, packetTimeoutSeconds, retries, newWill, hexReceive, bufferedReceive);
    }

    /** Same settings with the receive data format set. */
    public MqttSettings withHexReceive(boolean newHexReceive) {
        return new MqttSettings(connectId, host, port, clientId, username, password, keepAliveSeconds, cleanSession,
                protocolVersion, packetTimeoutSeconds, retries, will, newHexReceive, bufferedReceive);
    }

    /** Same settings asking models that can keep received messages (BG95, BG96, BG77) to do so. */
    public MqttSettings withBufferedReceive(boolean newBufferedReceive) {
        return new MqttSettings(connectId, host, port, clientId, username, password, keepAliveSeconds, cleanSession,
                protocolVersion, packetTimeoutSeconds, retries, will, hexReceive, newBufferedReceive);
    }

    /** Checks a QoS level. */
    public static void checkQos(int qos) {
        if (qos < 0 || qos > 2) {
            throw SettingError.QOS_RANGE.with(qos);
        }
    }

    /** The password is never shown. */
    @Override
    public String toString() {
        return "MqttSettings[id=" + connectId + ", " + host + ":" + port + ", client " + clientId
                + (username != null ? ", user " + username : "") + (password != null ? ", password ****" : "") + "]";
    }
}
