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
package org.openhab.binding.bc26.benchmark;

import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.mqtt.DataUsage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;

/**
 * Prints doc/performance.md's data plan table from the binding's own estimate ({@link DataUsage}): bytes per
 * message, per keep-alive ping, per reconnect and per idle day, at several keep-alives, plain and with TLS.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DataPlanTable {

    private static final long SECOND = 1_000_000_000L;
    private static final MqttSettings SETTINGS = MqttSettings.of(0, "mqtt.example.com", 1883, "oh-bc26-cabin")
            .withCredentials("cabin", "secret-password");

    private DataPlanTable() {
    }

    private static long total(DataUsage usage) {
        return usage.sent() + usage.received();
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        out.append("| what | plain (bytes, sent + received) | TLS (bytes) |\n|---|---|---|\n");
        for (int qos = 0; qos <= 2; qos++) {
            int level = qos;
            out.append(row("publish, QoS " + qos + ", 25-byte payload on a 21-byte topic",
                    tls -> usage(tls, u -> u.published("site/pump/temperature", 25, level, 0))));
        }
        out.append(row("receive, QoS 1, 25-byte payload", tls -> usage(tls, u -> u.received("site/pump/set", 25, 7, 0))));
        out.append(row("keep-alive ping (PINGREQ, PINGRESP)", tls -> {
            DataUsage u = new DataUsage(60, tls);
            u.connected(SETTINGS, 0);
            long before = total(u);
            u.idleUntil(60 * SECOND);
            return total(u) - before;
        }));
        out.append(row("reconnect (TCP, CONNECT/CONNACK, 4 subscriptions, DISCONNECT, close)", tls -> usage(tls, u -> {
            u.opened(0);
            u.connected(SETTINGS, 0);
            u.subscribed(List.of("site/pump/set", "site/pump/mode", "site/door/#", "site/alarm"), 0);
            u.disconnected(0);
        })));
        out.append("\n| keep-alive | pings a day | idle day, plain | idle month (30 days), plain | idle month, TLS |\n"
                + "|---|---|---|---|---|\n");
        for (int keepAlive : List.of(60, 120, 300, 600, 1200)) {
            long day = idleDay(keepAlive, false);
            out.append(String.format(Locale.ROOT, "| %d s%s | %d | %s | %s | %s |%n", keepAlive,
                    keepAlive == 120 ? " (default)" : "", 86_400 / keepAlive, kb(day), kb(day * 30),
                    kb(idleDay(keepAlive, true) * 30)));
        }
        System.out.print(out);
    }

    private interface Scenario {
        long bytes(boolean tls);
    }

    private interface Use {
        void on(DataUsage usage);
    }

    private static long usage(boolean tls, Use use) {
        DataUsage usage = new DataUsage(0, tls);
        use.on(usage);
        return total(usage);
    }

    private static long idleDay(int keepAlive, boolean tls) {
        DataUsage u = new DataUsage(keepAlive, tls);
        u.connected(SETTINGS, 0);
        long before = total(u);
        u.idleUntil(86_400 * SECOND);
        return total(u) - before;
    }

    private static String row(String what, Scenario scenario) {
        return "| " + what + " | " + scenario.bytes(false) + " | " + scenario.bytes(true) + " |\n";
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.0f kB", bytes / 1000.0);
    }
}
