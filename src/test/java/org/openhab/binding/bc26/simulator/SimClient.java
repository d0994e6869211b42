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
package org.openhab.binding.bc26.simulator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The state of one MQTT connect id (0-5) inside the simulated modem: its AT+QMTCFG items and, once opened and
 * connected, its connection to the broker.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimClient {

    /** AT+QMTCONN? states: 1 initial, 2 connecting, 3 connected, 4 disconnecting; plus closed and opening. */
    enum State {
        CLOSED,
        OPENING,
        OPEN,
        CONNECTING,
        CONNECTED,
        DISCONNECTING
    }

    final int id;
    State state = State.CLOSED;
    String host = "";
    int port;
    int version = 4;
    int keepAlive = 120;
    boolean cleanSession = true;
    int packetTimeout = 10;
    int retries = 3;
    boolean timeoutNotice;
    boolean willFlag;
    int willQos;
    boolean willRetain;
    String willTopic = "";
    String willMessage = "";
    boolean sendHex;
    boolean receiveHex;
    boolean echoData;
    /** BC660K/BC260Y {@code AT+QMTCFG="showrecvlen"}: +QMTRECV shows the payload's length. */
    boolean showLength;
    /** {@code AT+QMTCFG="ssl",<id>,1,...}: the next connection is TLS (BC660K, BC260Y, BG9x). */
    boolean ssl;
    /** BG95/BG96 {@code AT+QMTCFG="recv/mode",<id>,1}: messages are kept in {@link #slots} until read. */
    boolean bufferedReceive;
    /** BG95/BG96: the five places a kept message waits in ({@code <recv_id>} 0-4); null when free. */
    final byte[] @Nullable [] slots = new byte[5][];
    /** Opened by an earlier host run: the modem says "occupied" until it is closed. */
    boolean stale;
    /** The broker connection opened by AT+QMTOPEN, until it ends. */
    @Nullable
    SimMqttConnection link;
    /** Publishes, subscribes and unsubscribes accepted and not yet answered with their final result. */
    int packetsInFlight;
    /** Deliveries held back until the pending +QMTPUB is printed (the lenient profile's order). */
    final java.util.List<Runnable> heldDeliveries = new java.util.ArrayList<>();

    SimClient(int id) {
        this.id = id;
    }

    /** The AT+QMTCONN? state number, or 0 when the client is not open. */
    int connState() {
        return switch (state) {
            case OPEN -> 1;
            case CONNECTING -> 2;
            case CONNECTED -> 3;
            case DISCONNECTING -> 4;
            default -> 0;
        };
    }

    boolean isOpen() {
        return state != State.CLOSED && state != State.OPENING;
    }
}
