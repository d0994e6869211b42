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
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.setting.SettingField;

/**
 * Checks topic names (publish) and topic filters (subscribe) against MQTT 3.1.1 and the modem's limits
 * (topic at most 255 bytes, no character that cannot sit inside AT quotes).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class MqttTopics {

    /** BC26 limit for a topic (AN11 §3.2.6, §3.2.8). */
    public static final int MAX_TOPIC_BYTES = 255;

    private MqttTopics() {
    }

    /**
     * A topic to publish to: not empty, no wildcards.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static void checkTopicName(String topic) {
        if (topic.isEmpty()) {
            throw SettingError.TOPIC_EMPTY.with();
        }
        // Characters first: the message below quotes the topic, which must not carry CR, LF or control codes into a log.
        AtText.check(topic, SettingField.TOPIC, MAX_TOPIC_BYTES);
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw SettingError.TOPIC_WILDCARD.with(topic);
        }
    }

    /**
     * A topic filter to subscribe to: {@code +} fills a whole level, {@code #} is the whole last level.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static void checkTopicFilter(String filter) {
        if (filter.isEmpty()) {
            throw SettingError.FILTER_EMPTY.with();
        }
        AtText.check(filter, SettingField.TOPIC_FILTER, MAX_TOPIC_BYTES);
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw SettingError.FILTER_HASH.with(filter);
            }
            if (level.contains("+") && !level.equals("+")) {
                throw SettingError.FILTER_PLUS.with(filter);
            }
        }
    }

    /** Whether a topic matches a filter (MQTT 3.1.1 §4.7; topics starting with $ do not match leading wildcards). */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
