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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.ModemSessionListener;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.dialect.ModemDialect;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;

/**
 * {@code publish}: one message through a whole session, each session event printed, the delivery result last.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class PublishCommand {

    private final CliOutput output;

    PublishCommand(CliOutput output) {
        this.output = output;
    }

    int publish(Arguments args) throws UsageException {
        SessionOptions options = SessionArguments.sessionOptions(args);
        String topic = args.required("topic");
        String payload = args.get("payload");
        if (payload == null) {
            throw new UsageException("--payload is required");
        }
        int qos = args.integer("qos", 0, 0, 2);
        boolean retain = args.flag("retain");
        int timeout = args.integer("timeout-seconds", 180, 1, 3600);
        try {
            // Checked before the modem is brought up: a message that can never be sent needs no modem to say so.
            // Without --model the largest limits of any model apply here; the modem's own apply once it is known.
            ModemModel model = options.model();
            Bc26MqttClient.checkPublishable(topic, payload.getBytes(StandardCharsets.UTF_8), qos,
                    ModemDialect.of(model == null ? ModemModel.BC660K : model));
        } catch (MqttException e) {
            if (options.model() == null && e.getReason() == MqttException.Reason.PAYLOAD_TOO_LARGE) {
                // Checked against the most any model takes: say each family's limit, not only the largest.
                throw new UsageException("A payload of " + payload.getBytes(StandardCharsets.UTF_8).length
                        + " bytes is more than any model takes: BC26, BG95, BG96 and BG77 take at most 1024 bytes,"
                        + " BC660K and BC260Y 1460 bytes of text on one line (1024 otherwise)");
            }
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        CountDownLatch online = new CountDownLatch(1);
        AtomicReference<@Nullable SessionFailure> lastFailure = new AtomicReference<>();
        AtomicReference<@Nullable SessionFailure> fatal = new AtomicReference<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        ModemSession session = new ModemSession(options, scheduler, new ModemSessionListener() {
            @Override
            public void sessionChanged(boolean isOnline, @Nullable SessionFailure failure) {
                if (failure != null || isOnline) {
                    // Each attempt as monitor prints it: a wrong broker port shows at once, not after the time-out.
                    Json json = Json.object().put("event", "session").put("online", isOnline);
                    if (failure != null) {
                        json.put("reason", failure.kind().name()).put("detail", failure.detail());
                    }
                    output.print(json);
                }
                if (failure != null) {
                    lastFailure.set(failure);
                    if (failure.needsTheUser()) {
                        // Trying again cannot fix it: stop now.
                        fatal.set(failure);
                        online.countDown();
                    }
                }
                if (isOnline) {
                    online.countDown();
                }
            }

            @Override
            public void messageReceived(MqttMessage message) {
            }
        });
        java.util.concurrent.CompletableFuture<Boolean> stopAsked = new java.util.concurrent.CompletableFuture<>();
        StopOnSignal signal = new StopOnSignal(() -> {
            stopAsked.complete(false);
            online.countDown();
        });
        try {
            session.start();
            boolean answered = online.await(timeout, TimeUnit.SECONDS);
            if (signal.signalled()) {
                return StopOnSignal.EXIT_CODE;
            }
            SessionFailure stop = fatal.get();
            if (stop != null) {
                return output.failure(stop.kind().name(), stop.detail());
            }
            if (!answered) {
                SessionFailure failure = lastFailure.get();
                return failure == null ? output.failure("TIMEOUT", "No session within " + timeout + " s")
                        : output.failure(failure.kind().name(), failure.detail());
            }
            long start = System.nanoTime();
            java.util.concurrent.CompletableFuture<?> delivery = session.publish(topic,
                    payload.getBytes(StandardCharsets.UTF_8), qos, retain);
            java.util.concurrent.CompletableFuture.anyOf(delivery, stopAsked).get(timeout, TimeUnit.SECONDS);
            if (signal.signalled() && !delivery.isDone()) {
                return StopOnSignal.EXIT_CODE;
            }
            delivery.get();
            output.print(Json.object().put("event", "published").put("topic", topic).put("qos", qos).put("retain", retain)
                    .put("result", qos == 0 ? "sent" : "acknowledged")
                    .put("milliseconds", (System.nanoTime() - start) / 1_000_000));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return output.failure("INTERRUPTED", "Interrupted");
        } catch (java.util.concurrent.TimeoutException e) {
            return output.failure("TIMEOUT", "No acknowledgement from the broker within " + timeout + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            MqttException failure = Bc26MqttClient.failureOf(e);
            return output.failure(failure.getReason().name(), failure.getMessage());
        } finally {
            session.stop();
            scheduler.shutdownNow();
            if (signal.signalled()) {
                output.print(CliOutput.stopped("publish"));
            }
            signal.close();
        }
    }
}
