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
package org.openhab.binding.bc26.internal.handler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics;

/**
 * Who listens to which topic filter on a bridge: its trigger channels and its topic things. The bridge keeps it across
 * re-initialisations, so every filter is subscribed again with the QoS its listeners asked for, and a refusal by the
 * broker (at once or when subscriptions are made again after a reconnect) reaches every listener of that filter.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SubscriptionRegistry {

    /** One listener: where messages go, and who hears when the broker refuses the filter. */
    record Subscriber(Consumer<MqttMessage> messages, Consumer<MqttException> refused) {
    }

    private record Filter(int qos, List<Subscriber> subscribers) {
    }

    private final Map<String, Filter> filters = new ConcurrentHashMap<>();

    /**
     * Adds a listener.
     *
     * @return the QoS to subscribe the filter with when it is new or its QoS rose, or -1 when the subscription the
     *         filter has already serves
     */
    synchronized int add(String filter, int qos, Subscriber subscriber) {
        Filter existing = filters.get(filter);
        if (existing == null) {
            List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
            subscribers.add(subscriber);
            filters.put(filter, new Filter(qos, subscribers));
            return qos;
        }
        existing.subscribers().add(subscriber);
        if (qos > existing.qos()) {
            filters.put(filter, new Filter(qos, existing.subscribers()));
            return qos;
        }
        return -1;
    }

    /**
     * Removes a listener.
     *
     * @return true when nobody listens to the filter any more (unsubscribe it)
     */
    synchronized boolean remove(String filter, Consumer<MqttMessage> messages) {
        Filter existing = filters.get(filter);
        if (existing == null) {
            return false;
        }
        existing.subscribers().removeIf(s -> s.messages() == messages);
        if (existing.subscribers().isEmpty()) {
            filters.remove(filter);
            return true;
        }
        return false;
    }

    /** Every filter with the QoS to subscribe it with. */
    Map<String, Integer> all() {
        Map<String, Integer> all = new java.util.LinkedHashMap<>();
        filters.forEach((filter, f) -> all.put(filter, f.qos()));
        return all;
    }

    /** Hands a message to every listener whose filter matches its topic. */
    void deliver(MqttMessage message) {
        filters.forEach((filter, f) -> {
            if (MqttTopics.matches(filter, message.topic())) {
                f.subscribers().forEach(s -> s.messages().accept(message));
            }
        });
    }

    /** Tells every listener of a filter that the broker refused it. */
    void refused(String filter, MqttException failure) {
        Filter f = filters.get(filter);
        if (f != null) {
            f.subscribers().forEach(s -> s.refused().accept(failure));
        }
    }

    /** Forgets every listener (the bridge is disposed for good). */
    void clear() {
        filters.clear();
    }
}
