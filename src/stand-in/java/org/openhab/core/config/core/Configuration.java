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
package org.openhab.core.config.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB core 5.2.1 {@code Configuration}. Like core, values are normalised on the way in: whole and
 * decimal numbers become {@link BigDecimal}, strings and booleans stay as they are. (No class-level null annotation,
 * as in core.)
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
public class Configuration {

    private final Map<String, Object> properties;

    public Configuration() {
        this(new HashMap<>());
    }

    public Configuration(final @Nullable Configuration configuration) {
        this(configuration == null ? new HashMap<>() : configuration.getProperties());
    }

    public Configuration(@Nullable Map<String, Object> properties) {
        this.properties = new HashMap<>();
        if (properties != null) {
            properties.forEach(this::put);
        }
    }

    public <T> T as(Class<T> configurationClass) {
        synchronized (this) {
            @SuppressWarnings("null")
            T result = ConfigParser.configurationAs(new HashMap<>(properties), configurationClass);
            return result;
        }
    }

    public boolean containsKey(String key) {
        synchronized (this) {
            return properties.containsKey(key);
        }
    }

    public Object get(String key) {
        synchronized (this) {
            return properties.get(key);
        }
    }

    public Object put(String key, @Nullable Object value) {
        synchronized (this) {
            return properties.put(key, normalize(value));
        }
    }

    public Object remove(String key) {
        synchronized (this) {
            return properties.remove(key);
        }
    }

    public Set<String> keySet() {
        synchronized (this) {
            return Set.copyOf(properties.keySet());
        }
    }

    public Collection<Object> values() {
        synchronized (this) {
            return Collections.unmodifiableCollection(new ArrayList<>(properties.values()));
        }
    }

    public Map<String, Object> getProperties() {
        synchronized (this) {
            return Collections.unmodifiableMap(new HashMap<>(properties));
        }
    }

    public void setProperties(Map<String, Object> newProperties) {
        synchronized (this) {
            properties.clear();
            newProperties.forEach(this::put);
        }
    }

    private static @Nullable Object normalize(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger bigInteger) {
            return new BigDecimal(bigInteger);
        }
        if (value instanceof Float || value instanceof Double) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Collection<?> collection) {
            List<@Nullable Object> normalized = new ArrayList<>();
            collection.forEach(element -> normalized.add(normalize(element)));
            return normalized;
        }
        return value;
    }

    @Override
    public int hashCode() {
        synchronized (this) {
            return properties.hashCode();
        }
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        return obj instanceof Configuration other && Objects.equals(getProperties(), other.getProperties());
    }

    @Override
    public String toString() {
        return "Configuration[" + getProperties() + "]";
    }
}
