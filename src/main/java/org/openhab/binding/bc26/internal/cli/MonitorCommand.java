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

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.ModemSessionListener;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;

/**
 * {@code monitor}: a session that subscribes and prints every event and message as a JSON line until it has
 * {@code --count} messages, {@code --seconds} are up, or Ctrl+C or SIGTERM end it with a clean close.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class MonitorCommand {

    private final CliOutput output;

    MonitorCommand(CliOutput output) {
        this.output = output;
    }

    int monitor(Arguments args) throws UsageException {
        SessionOptions options = SessionArguments.sessionOptions(args);
        List<String> subscriptions = args.all("subscribe");
        if (subscriptions.isEmpty()) {
            throw new UsageException("Give at least one --subscribe TOPIC[:QOS]");
        }
        int count = args.integer("count", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        int seconds = args.integer("seconds", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        String format = args.get("receive-format");
        if (format != null && !List.of("hex", "text", "buffered").contains(format)) {
            throw new UsageException("--receive-format is hex, text or buffered, not " + format);
        }
        if (format != null) {
            options = options.withMqtt(options.mqtt().withHexReceive(!format.equals("text"))
                    .withBufferedReceive(format.equals("buffered")));
        }
        // Checked before any session exists: a bad filter is a usage error, with no session event for it.
        Map<String, Integer> filters = new LinkedHashMap<>();
        for (String subscription : subscriptions) {
            int colon = subscription.lastIndexOf(':');
            String topic = colon > 0 ? subscription.substring(0, colon) : subscription;
            int qos = 0;
            if (colon > 0) {
                try {
                    qos = Integer.parseInt(subscription.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new UsageException("Bad QoS in --subscribe " + subscription);
                }
            }
            try {
                MqttSettings.checkQos(qos);
                org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics.checkTopicFilter(topic);
            } catch (IllegalArgumentException e) {
                throw new UsageException(String.valueOf(e.getMessage()));
            }
            filters.put(topic, qos);
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        AtomicBoolean everOnline = new AtomicBoolean();
        AtomicReference<@Nullable SessionFailure> lastFailure = new AtomicReference<>();
        AtomicReference<@Nullable SessionFailure> fatal = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean stoppedTold = new AtomicBoolean();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        ModemSession session = new ModemSession(options, scheduler, new ModemSessionListener() {
            @Override
            public void sessionChanged(boolean online, @Nullable SessionFailure failure) {
                everOnline.compareAndSet(false, online);
                Json json = Json.object().put("event", "session").put("online", online);
                if (!online && failure == null && stopping.get()) {
                    // The command's own clean shutdown, so nobody takes the last "online":false for a failure.
                    json.put("reason", "STOPPED").put("detail", "monitor ended and disconnected cleanly");
                    stoppedTold.set(true);
                }
                if (failure != null) {
                    // Kept after the session came back, so the last line can say what went wrong last.
                    lastFailure.set(failure);
                    json.put("reason", failure.kind().name()).put("detail", failure.detail());
                }
                output.print(json);
                if (failure != null && failure.needsTheUser()) {
                    // Trying again cannot fix it: stop now instead of backing off, resetting the radio and rebooting.
                    fatal.set(failure);
                    done.countDown();
                }
            }

            @Override
            public void messageReceived(MqttMessage message) {
                output.print(messageJson(message));
                if (received.incrementAndGet() >= count) {
                    done.countDown();
                }
            }

            @Override
            public void identified(ModemIdentity identity) {
                output.print(Json.object().put("event", "modem").put("model", identity.model())
                        .put("revision", identity.revision()).put("imei", identity.imei()));
            }

            @Override
            public void dialectChosen(ModemModel model, boolean forced) {
                output.print(Json.object().put("event", "dialect").put("model", model.name()).put("forced", forced));
            }

            @Override
            public void messageDropped(String topic, String reason) {
                dropped.incrementAndGet();
                output.print(Json.object().put("event", "dropped").put("topic", topic).put("reason", reason));
            }

            @Override
            public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
                output.print(Json.object().put("event", "receiveFormat").put("format", format.word()).put("asConfigured",
                        asConfigured));
            }
        });
        StopOnSignal signal = new StopOnSignal(done::countDown);
        try {
            filters.forEach(session::subscribe);
            session.start();
            try {
                done.await(seconds == Integer.MAX_VALUE ? Long.MAX_VALUE : seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            stopping.set(true);
            session.stop();
            scheduler.shutdownNow();
            if (signal.signalled() && !stoppedTold.get()) {
                // Ended before the session was up: still one line that says the end was asked for.
                output.print(CliOutput.stopped("monitor"));
            }
            signal.close();
        }
        if (signal.signalled()) {
            return StopOnSignal.EXIT_CODE;
        }
        SessionFailure stop = fatal.get();
        if (stop != null) {
            return output.failure(stop.kind().name(), stop.detail());
        }
        if (received.get() >= count || (everOnline.get() && count == Integer.MAX_VALUE)) {
            return 0;
        }
        SessionFailure failure = lastFailure.get();
        if (count != Integer.MAX_VALUE && everOnline.get()) {
            // Scripts tell success from silence: the session came up, but the messages asked for did not.
            return output.failure("TOO_FEW_MESSAGES", received.get() + " of " + count + " messages in " + seconds + " s"
                    + (dropped.get() > 0 ? " (" + dropped.get() + " dropped as cut or malformed)" : "")
                    + (failure != null ? "; last failure " + failure.kind() + ": " + failure.detail() : ""));
        }
        return failure == null ? output.failure("NOT_CONNECTED", "The session never came up")
                : output.failure(failure.kind().name(), failure.detail());
    }

    private static Json messageJson(MqttMessage message) {
        Json json = Json.object().put("event", "message").put("topic", message.topic())
                .put("messageId", message.messageId());
        String text = message.payloadText();
        if (text != null) {
            json.put("payload", text);
        } else {
            json.put("payloadBase64", Base64.getEncoder().encodeToString(message.payload()));
        }
        return json;
    }
}
