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
package org.openhab.binding.bc26.internal.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.ModemSessionListener;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtEventListener;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.link.LinkException;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;

/**
 * The whole life of a session against the user's own modem and broker, one pass/fail line per step: probe, connect,
 * subscribe to a test topic, publish to it at QoS 0, 1 and 2 a plain, a quoted and a binary payload and receive each,
 * unsubscribe, disconnect. Every byte on the serial line goes into a {@link SerialTranscript} the owner can send
 * back with a bug report, and which the simulator's replay reads.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SelfTest {

    /** The payloads every QoS carries, in order. */
    static final List<String> PAYLOAD_ORDER = List.of("plain", "quoted", "binary");

    private final SessionOptions options;
    private final String topic;
    private final Duration timeout;
    private final SerialTranscript transcript;
    private final Consumer<Json> print;
    private int passed;
    private int failed;

    SelfTest(SessionOptions options, String topic, Duration timeout, SerialTranscript transcript,
            Consumer<Json> print) {
        this.options = options;
        this.topic = topic;
        this.timeout = timeout;
        this.transcript = transcript;
        this.print = print;
    }

    /** Runs every step; true when all passed. */
    boolean run() {
        if (!probe()) {
            return summary();
        }
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        CountDownLatch online = new CountDownLatch(1);
        AtomicReference<@Nullable SessionFailure> lastFailure = new AtomicReference<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        ModemSession session = new ModemSession(options, scheduler, new ModemSessionListener() {
            @Override
            public void sessionChanged(boolean isOnline, @Nullable SessionFailure failure) {
                if (failure != null) {
                    lastFailure.set(failure);
                    if (failure.needsTheUser()) {
                        online.countDown();
                    }
                }
                if (isOnline) {
                    online.countDown();
                }
            }

            @Override
            public void messageReceived(MqttMessage message) {
                received.add(message);
            }
        });
        session.tapLinks(transcript);
        try {
            session.start();
            long start = System.nanoTime();
            boolean up = online.await(timeout.toSeconds(), TimeUnit.SECONDS) && session.isOnline();
            SessionFailure failure = lastFailure.get();
            if (!up) {
                step("connect", false, failure == null ? "no session within " + timeout.toSeconds() + " s"
                        : failure.kind() + ": " + failure.detail(), start);
            } else if (step("connect", true, options.mqtt().host() + ":" + options.mqtt().port(), start)
                    && subscribe(session)) {
                for (int qos = 0; qos <= 2; qos++) {
                    for (String kind : PAYLOAD_ORDER) {
                        publishAndReceive(session, received, qos, kind);
                    }
                }
                unsubscribe(session);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step("interrupted", false, "stopped before the end", System.nanoTime());
        } finally {
            long start = System.nanoTime();
            session.stop();
            scheduler.shutdownNow();
            step("disconnect", !session.isOnline(), "AT+QMTDISC and the port closed", start);
        }
        return summary();
    }

    private boolean subscribe(ModemSession session) throws InterruptedException {
        long start = System.nanoTime();
        try {
            List<Integer> granted = session.subscribe(topic, 2).get(timeout.toSeconds(), TimeUnit.SECONDS);
            boolean subscribed = !granted.isEmpty() && granted.get(0) <= 2;
            step("subscribe", subscribed, topic + " granted QoS " + granted, start);
            return subscribed;
        } catch (ExecutionException | TimeoutException e) {
            step("subscribe", false, describe(e), start);
            return false;
        }
    }

    private void unsubscribe(ModemSession session) throws InterruptedException {
        long start = System.nanoTime();
        try {
            session.unsubscribe(topic).get(timeout.toSeconds(), TimeUnit.SECONDS);
            step("unsubscribe", true, topic, start);
        } catch (ExecutionException | TimeoutException e) {
            step("unsubscribe", false, describe(e), start);
        }
    }

    private boolean probe() {
        long start = System.nanoTime();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (AtEngine engine = new AtEngine(scheduler, AtEventListener.IGNORE)) {
            engine.attach(transcript.open(options.port(), options.serial(), engine));
            Bc26Modem modem = new Bc26Modem(engine);
            modem.synchronize();
            modem.setEcho(false);
            Json report = ProbeReport.of(modem);
            // The step line is part of what the owner sends back: no SIM identity in it either.
            report.put("imsi", null).put("iccid", null);
            step("probe", true, report.toString(), start);
            return true;
        } catch (LinkException e) {
            step("probe", false, e.getKind() + ": " + e.getMessage(), start);
        } catch (AtException e) {
            step("probe", false, (e.getKind() == AtException.Kind.TIMEOUT ? "NO_ANSWER" : e.getKind().name()) + ": "
                    + e.getMessage(), start);
        } finally {
            scheduler.shutdownNow();
        }
        return false;
    }

    private void publishAndReceive(ModemSession session, BlockingQueue<MqttMessage> received, int qos, String kind)
            throws InterruptedException {
        byte[] payload = payload(kind);
        String name = "qos" + qos + "-" + kind;
        long start = System.nanoTime();
        CompletableFuture<Void> delivery = session.publish(topic, payload, qos, false);
        try {
            delivery.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            step(name, false, "publish failed: " + Bc26MqttClient.failureOf(e).getMessage(), start);
            return;
        } catch (TimeoutException e) {
            step(name, false, "publish not done within " + timeout.toSeconds() + " s", start);
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> others = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            MqttMessage message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null) {
                break;
            }
            if (message.topic().equals(topic) && Arrays.equals(message.payload(), payload)) {
                step(name, true, payload.length + " bytes sent and received intact", start);
                return;
            }
            others.add(HexFormat.of().formatHex(message.payload()));
        }
        step(name, false, "sent, but not received intact within " + timeout.toSeconds() + " s"
                + (others.isEmpty() ? "" : "; received instead (hex): " + others), start);
    }

    /** Prints the step's line; returns whether it passed. */
    private boolean step(String name, boolean pass, String detail, long startNanos) {
        if (pass) {
            passed++;
        } else {
            failed++;
        }
        print.accept(Json.object().put("step", name).put("result", pass ? "pass" : "fail").put("detail", detail)
                .put("milliseconds", Math.max(0, (System.nanoTime() - startNanos) / 1_000_000)));
        return pass;
    }

    private boolean summary() {
        print.accept(Json.object().put("selftest", failed == 0 ? "passed" : "failed").put("passed", passed)
                .put("failed", failed));
        return failed == 0;
    }

    private static String describe(Exception e) {
        return e instanceof ExecutionException ? String.valueOf(Bc26MqttClient.failureOf(e).getMessage()) : "timed out";
    }

    /** What breaks first on a real modem: quotes and commas in text, then every byte (Ctrl+Z, ESC, NUL, 0xFF). */
    static byte[] payload(String kind) {
        return switch (kind) {
            case "plain" -> "bc26 self-test".getBytes(StandardCharsets.UTF_8);
            case "quoted" -> "{\"say\":\"a \\\"quoted\\\", comma'd text\"}".getBytes(StandardCharsets.UTF_8);
            default -> binaryPayload();
        };
    }

    /** Every byte value a payload can hold, the AT syntax's own (quote, comma, CR, LF, Ctrl+Z, ESC) among them. */
    private static byte[] binaryPayload() {
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        return payload;
    }
}
