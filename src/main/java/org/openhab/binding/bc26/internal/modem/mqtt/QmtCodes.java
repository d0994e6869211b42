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
 * Readable texts for the numbers BC26 reports in its MQTT URCs (BC26 MQTT Application Note V1.1).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class QmtCodes {

    private QmtCodes() {
    }

    /** {@code +QMTOPEN: <id>,<result>}. */
    public static String openResult(int result) {
        return switch (result) {
            case -1 -> "failed to open the network connection";
            case 0 -> "network connection opened";
            case 1 -> "wrong parameter";
            case 2 -> "MQTT identifier is occupied";
            case 3 -> "failed to activate PDP (mobile data)";
            case 4 -> "failed to resolve the broker's host name";
            case 5 -> "network disconnection error";
            default -> "unknown result " + result;
        };
    }

    /** The MqttException reason of a failed QMTOPEN result. */
    public static MqttException.Reason openReason(int result) {
        return switch (result) {
            case 1 -> MqttException.Reason.WRONG_PARAMETER;
            case 2 -> MqttException.Reason.IDENTIFIER_OCCUPIED;
            case 3 -> MqttException.Reason.PDP_ACTIVATION_FAILED;
            case 4 -> MqttException.Reason.DNS_FAILED;
            default -> MqttException.Reason.NETWORK_FAILED;
        };
    }

    /** CONNACK return code of {@code +QMTCONN: <id>,0,<ret_code>}. */
    public static String connackCode(int code) {
        return switch (code) {
            case 0 -> "connection accepted";
            case 1 -> "connection refused: unacceptable protocol version";
            case 2 -> "connection refused: identifier rejected";
            case 3 -> "connection refused: server unavailable";
            case 4 -> "connection refused: bad user name or password";
            case 5 -> "connection refused: not authorized";
            default -> "connection refused: unknown code " + code;
        };
    }

    /** {@code <result>} of +QMTCONN, +QMTSUB, +QMTUNS and +QMTPUB. */
    public static String sendResult(int result) {
        return switch (result) {
            case 0 -> "sent and acknowledged";
            case 1 -> "retransmitted";
            case 2 -> "failed to send";
            default -> "unknown result " + result;
        };
    }

    /** {@code +QMTSTAT: <id>,<err_code>}: why the modem closed the MQTT connection. */
    public static String statCode(int code) {
        return switch (code) {
            case 1 -> "connection closed or reset by the broker";
            case 2 -> "sending PINGREQ timed out or failed";
            case 3 -> "sending CONNECT timed out or failed";
            case 4 -> "receiving CONNACK timed out or failed";
            case 5 -> "the broker closed the connection after DISCONNECT";
            case 6 -> "packets kept failing to send; the modem closed the connection";
            case 7 -> "the link is not alive or the broker is unavailable";
            default -> "closed with code " + code;
        };
    }
}
