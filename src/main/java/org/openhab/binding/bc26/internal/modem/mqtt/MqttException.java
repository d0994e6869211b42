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
 * An MQTT operation through the modem failed. {@link #getReason()} is what a user interface maps to a status and a
 * translated text; {@link #getCode()} the modem's number behind it (result, CONNACK or +QMTSTAT code), or -1.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class MqttException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The client is not connected (the operation was not attempted). */
        NOT_CONNECTED,
        /** A parameter cannot be sent (quotes, control characters, wildcard in a publish topic, too long). */
        INVALID_ARGUMENT,
        /** The payload is larger than the modem accepts. */
        PAYLOAD_TOO_LARGE,
        /** +QMTOPEN -1 or 5: no network connection to the broker. */
        NETWORK_FAILED,
        /** +QMTOPEN 1: the modem refused the parameters. */
        WRONG_PARAMETER,
        /** +QMTOPEN 2 even after closing the stale client. */
        IDENTIFIER_OCCUPIED,
        /** +QMTOPEN 3: the PDP context (mobile data) could not be activated. */
        PDP_ACTIVATION_FAILED,
        /** +QMTOPEN 4: the broker's host name could not be resolved. */
        DNS_FAILED,
        /** +QMTCONN result 1/2 or no answer: the CONNECT packet was not acknowledged. */
        CONNECT_FAILED,
        /** The broker refused the connection (CONNACK code 1-5 in {@link #getCode()}). */
        CONNECTION_REFUSED,
        /** The broker rejected a subscription (granted QoS 128). */
        SUBSCRIPTION_REJECTED,
        /** The modem reported the publish, subscribe or unsubscribe as failed (result 2). */
        SEND_FAILED,
        /** The session ended (+QMTSTAT, code in {@link #getCode()}) while the operation was pending. */
        CONNECTION_LOST,
        /** The modem did not answer in time. */
        TIMEOUT,
        /** The modem answered ERROR to an MQTT command. */
        MODEM_ERROR,
        /** The serial link is gone. */
        LINK_LOST
    }

    private final Reason reason;
    private final int code;
    private final String evidence;

    public MqttException(Reason reason, String message) {
        this(reason, message, -1);
    }

    public MqttException(Reason reason, String message, int code) {
        this(reason, message, code, "");
    }

    /**
     * @param evidence what the modem printed that shows the failure ({@code +QMTOPEN: 0,3}, {@code +CME ERROR: 50}),
     *            in its own tokens and no language, so a translated status can carry it; empty when there is none
     */
    public MqttException(Reason reason, String message, int code, String evidence) {
        super(message);
        this.reason = reason;
        this.code = code;
        this.evidence = evidence;
    }

    public Reason getReason() {
        return reason;
    }

    public int getCode() {
        return code;
    }

    /** The modem's own line or code behind this failure, without words of any language; empty when there is none. */
    public String getEvidence() {
        return evidence;
    }
}
