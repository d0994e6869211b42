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
package org.openhab.binding.bc26.internal.outbox;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MessageIds;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ordered path every publish of a bridge takes (rule actions, channel commands, the outbox): messages are
 * sent on the bridge's own thread, one at a time, each after every message handed over before it, and the next only
 * once the modem has the result of the last (stop-and-wait: no capture shows a BC26 taking a second publish in flight,
 * and BC26-compatible firmware answers ERROR to one).
 * While the session is down, or older messages wait in the {@link Outbox}, a message joins the outbox; when the
 * session is up the outbox is sent in order, before anything newer.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PublishPath {

    /** What the path sends through: the modem session. */
    public interface Link {
        /** Whether the MQTT session is connected now. */
        boolean isOnline();

        /**
         * Publishes one message with its message id (0 for QoS 0); completes when the broker acknowledged it (QoS
         * 1/2) or the modem sent it.
         */
        CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain, int messageId);
    }

    /** What the owner shows of the path: counters and the last failure. Called on the bridge's thread. */
    public interface Events {
        /** A message was delivered. */
        void sent();

        /** The number of messages in the outbox changed. */
        void queued(int size);

        /** A message could not be sent (it was queued again if the failure can pass). */
        void failed(String topic, MqttException failure);
    }

    private final Logger logger = LoggerFactory.getLogger(PublishPath.class);
    private final Outbox outbox;
    private final ScheduledExecutorService worker;
    private final Link link;
    private final Duration publishTimeout;
    private final Events events;
    private final MessageIds ids = new MessageIds();
    /**
     * Callers waiting for a message that went to the outbox behind older ones while the session was up: completed
     * when the drain delivers it (by identity: the outbox hands back the entry it was given).
     */
    private final Map<Outbox.Entry, CompletableFuture<Boolean>> waiting = new IdentityHashMap<>();
    private volatile boolean closed;

    /**
     * @param worker the bridge's own thread ({@code ModemWorker}); it only runs what this path and the session give
     *            it, and none of that calls {@link #publish}, so the one method here that waits never waits on it
     * @param publishTimeout how long the modem may take to get a message acknowledged
     */
    public PublishPath(Outbox outbox, ScheduledExecutorService worker, Link link,
            Duration publishTimeout, Events events) {
        this.outbox = outbox;
        this.worker = worker;
        this.link = link;
        this.publishTimeout = publishTimeout;
        this.events = events;
    }

    /**
     * Hands a message over; it is sent after every message handed over before it.
     *
     * @return completes with true when the broker acknowledged the message (QoS 1/2) or the modem sent it (QoS 0),
     *         also when it was delivered from the outbox where it waited behind older messages; false at once when
     *         the session is down (it waits in the outbox for the reconnect) or it cannot be sent
     */
    public CompletableFuture<Boolean> submit(Outbox.Entry message) {
        Outbox.Entry entry = accepted(message);
        if (entry == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (!canSendNow()) {
            queueAndWatch(entry, result);
            return result;
        }
        try {
            worker.execute(() -> sendNow(entry, result));
        } catch (RejectedExecutionException e) {
            enqueue(entry);
            result.complete(false);
        }
        return result;
    }

    /**
     * Puts a message into the outbox and returns: on disk (QoS 1/2) before this returns, so a crash right after loses
     * nothing; sent in its turn, by the drain while the session is up, else at the reconnect.
     *
     * @return false when the message can never be sent (refused here)
     */
    public boolean queue(Outbox.Entry message) {
        Outbox.Entry entry = accepted(message);
        if (entry == null) {
            return false;
        }
        enqueue(entry);
        return true;
    }

    /**
     * Hands a message over and waits for its result, at most as long as the modem may take to get it acknowledged;
     * if the wait ends first, the message stays on its way. For callers outside the bridge (rule actions): by
     * construction nothing that runs on the bridge's worker calls it (the worker's own publishes use
     * {@link #queue} and the drain), so the wait never stands in the way of the task it waits for.
     */
    public boolean publish(Outbox.Entry entry) {
        CompletableFuture<Boolean> result = submit(entry);
        try {
            return result.get(publishTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            forget(result);
        }
    }

    /**
     * The message with its message id (QoS 1/2 get one now and keep it, in the outbox file too, for every attempt),
     * or null when it can never be sent (refused here, so it never waits in the outbox).
     */
    private Outbox.@Nullable Entry accepted(Outbox.Entry message) {
        Outbox.Entry entry = message.qos() > 0 && message.messageId() == 0 ? message.withMessageId(ids.draw())
                : message;
        try {
            Bc26MqttClient.checkPublishable(entry.topic(), entry.payload(), entry.qos());
            return entry;
        } catch (MqttException e) {
            logger.warn("Not publishing to '{}': {}", AtText.printable(entry.topic()), e.getMessage());
            events.failed(entry.topic(), e);
            return null;
        }
    }

    /** Sends the outbox, on the bridge's thread after what was handed over before (call when the session is up). */
    public void drain() {
        onWorker(this::drainNow);
    }

    /** Messages waiting in the outbox. */
    public int queued() {
        return outbox.size();
    }

    /** Stops sending: what is queued stays in the outbox (its file keeps QoS 1/2 for the next start). */
    public void close() {
        closed = true;
        releaseWaiters();
        outbox.close();
    }

    /** Stops sending and deletes the outbox's file: the bridge was removed. */
    public void delete() {
        closed = true;
        releaseWaiters();
        outbox.delete();
    }

    /** The session went down: who waits for a queued message hears false now; the messages stay queued. */
    public void sessionDown() {
        releaseWaiters();
    }

    /** Nobody waits any longer for what is still queued: the messages stay, the callers hear false. */
    private void releaseWaiters() {
        List<CompletableFuture<Boolean>> released;
        synchronized (waiting) {
            released = List.copyOf(waiting.values());
            waiting.clear();
        }
        released.forEach(future -> future.complete(false));
    }

    private boolean canSendNow() {
        return !closed && link.isOnline() && outbox.size() == 0;
    }

    /**
     * On the bridge's thread: sends one message and waits for its result; a failure that can pass puts it back at
     * the head of the outbox, and {@code result} then follows it there while the session is up.
     */
    private void sendNow(Outbox.Entry entry, CompletableFuture<Boolean> result) {
        if (!canSendNow()) {
            // The session went down, or messages went to the outbox, while this one waited its turn.
            queueAndWatch(entry, result);
            return;
        }
        @Nullable
        MqttException failure = send(entry);
        if (failure == null) {
            result.complete(true);
            return;
        }
        if (!isRetryable(failure)) {
            result.complete(false);
            return;
        }
        // It was the oldest when it went out; what was handed over meanwhile is newer.
        outbox.addFirst(entry);
        events.queued(outbox.size());
        watchIfOnline(entry, result);
        if (link.isOnline()) {
            drain();
        }
    }

    /** Queues the message; while the session is up its caller keeps waiting for it, else hears false at once. */
    private void queueAndWatch(Outbox.Entry entry, CompletableFuture<Boolean> result) {
        watchIfOnline(entry, result);
        enqueue(entry);
    }

    private void watchIfOnline(Outbox.Entry entry, CompletableFuture<Boolean> result) {
        if (closed || !link.isOnline()) {
            result.complete(false);
            return;
        }
        synchronized (waiting) {
            waiting.put(entry, result);
        }
    }

    /** The drain's outcome for a message somebody may be waiting for. */
    private void settled(Outbox.Entry entry, boolean delivered) {
        CompletableFuture<Boolean> result;
        synchronized (waiting) {
            result = waiting.remove(entry);
        }
        if (result != null) {
            result.complete(delivered);
        }
    }

    /** A caller stopped waiting (its time was up): the message stays queued, the waiter goes. */
    private void forget(CompletableFuture<Boolean> result) {
        synchronized (waiting) {
            waiting.values().remove(result);
        }
    }

    /** Publishes and waits for the result; null when delivered. */
    private @Nullable MqttException send(Outbox.Entry entry) {
        try {
            link.publish(entry.topic(), entry.payload(), entry.qos(), entry.retain(), entry.messageId())
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            events.sent();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            MqttException failure = Bc26MqttClient.failureOf(e);
            logger.debug("Publishing to '{}' failed: {}", AtText.printable(entry.topic()), failure.getMessage());
            events.failed(entry.topic(), failure);
            return failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MqttException(MqttException.Reason.LINK_LOST, "Interrupted");
        }
    }

    private void enqueue(Outbox.Entry entry) {
        Outbox.Entry dropped = outbox.add(entry);
        if (dropped != null) {
            logger.warn("Outbox full: dropped a QoS 0 message to '{}'", AtText.printable(dropped.topic()));
            settled(dropped, false);
        }
        events.queued(outbox.size());
        if (link.isOnline()) {
            drain();
        }
    }

    /**
     * Sends queued messages in order, one at a time, until the outbox is empty or the session fails. Runs on the
     * bridge's thread only, so a request arriving meanwhile is simply the next task there.
     */
    private void drainNow() {
        Outbox.Entry entry;
        while ((entry = outbox.peek()) != null) {
            if (closed || !link.isOnline()) {
                break;
            }
            MqttException failure = send(entry);
            if (failure != null && isRetryable(failure)) {
                logger.debug("Outbox paused: {}", failure.getMessage());
                if (link.isOnline() && !closed) {
                    // A failure that passes while online (a publish timed out): try again shortly.
                    try {
                        worker.schedule(this::drainNow, 1, TimeUnit.SECONDS);
                    } catch (RejectedExecutionException e) {
                        // stopping
                    }
                }
                break;
            }
            if (failure != null) {
                logger.warn("Dropping an unsendable message to '{}': {}", AtText.printable(entry.topic()),
                        failure.getMessage());
            }
            outbox.removeHead(entry);
            settled(entry, failure == null);
            events.queued(outbox.size());
        }
        events.queued(outbox.size());
    }

    private void onWorker(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            logger.debug("The bridge is stopping; its outbox waits for the next start");
        }
    }

    private static boolean isRetryable(MqttException failure) {
        return switch (failure.getReason()) {
            case INVALID_ARGUMENT, PAYLOAD_TOO_LARGE -> false;
            default -> true;
        };
    }
}
