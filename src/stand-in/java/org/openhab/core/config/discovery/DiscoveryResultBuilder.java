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
package org.openhab.core.config.discovery;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Stand-in for openHAB core 5.2.1 {@code DiscoveryResultBuilder}: as core, the thing type is the UID's first two
 * segments unless given, the label defaults to empty and the time to live to {@link DiscoveryResult#TTL_UNLIMITED}.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class DiscoveryResultBuilder {

    private final ThingUID thingUID;
    private @Nullable ThingTypeUID thingTypeUID;
    private final Map<String, Object> properties = new HashMap<>();
    private @Nullable String representationProperty;
    private @Nullable ThingUID bridgeUID;
    private @Nullable String label;
    private long ttl = DiscoveryResult.TTL_UNLIMITED;

    private DiscoveryResultBuilder(ThingUID thingUID) {
        this.thingUID = thingUID;
    }

    public static DiscoveryResultBuilder create(ThingUID thingUID) {
        return new DiscoveryResultBuilder(thingUID);
    }

    public static DiscoveryResultBuilder create(DiscoveryResult discoveryResult) {
        return create(discoveryResult.getThingUID()).withThingType(discoveryResult.getThingTypeUID())
                .withProperties(discoveryResult.getProperties())
                .withRepresentationProperty(discoveryResult.getRepresentationProperty())
                .withBridge(discoveryResult.getBridgeUID()).withLabel(discoveryResult.getLabel())
                .withTTL(discoveryResult.getTimeToLive());
    }

    public DiscoveryResultBuilder withThingType(@Nullable ThingTypeUID thingTypeUID) {
        this.thingTypeUID = thingTypeUID;
        return this;
    }

    public DiscoveryResultBuilder withProperties(@Nullable Map<String, Object> properties) {
        if (properties != null) {
            this.properties.putAll(properties);
        }
        return this;
    }

    public DiscoveryResultBuilder withProperty(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    public DiscoveryResultBuilder withRepresentationProperty(@Nullable String representationProperty) {
        this.representationProperty = representationProperty;
        return this;
    }

    public DiscoveryResultBuilder withBridge(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
        return this;
    }

    public DiscoveryResultBuilder withLabel(@Nullable String label) {
        this.label = label;
        return this;
    }

    public DiscoveryResultBuilder withTTL(long ttl) {
        this.ttl = ttl;
        return this;
    }

    public DiscoveryResult build() {
        ThingTypeUID type = thingTypeUID;
        ThingTypeUID resolvedType = type != null ? type
                : new ThingTypeUID(thingUID.getBindingId(), thingUID.getAsString().split(":")[1]);
        String resolvedLabel = label == null ? "" : label;
        Map<String, Object> copy = Map.copyOf(properties);
        String representation = representationProperty;
        ThingUID bridge = bridgeUID;
        long timeToLive = ttl;
        Instant created = Instant.now();
        return new DiscoveryResult() {
            @Override
            public ThingUID getThingUID() {
                return thingUID;
            }

            @Override
            public ThingTypeUID getThingTypeUID() {
                return resolvedType;
            }

            @Override
            public String getBindingId() {
                return thingUID.getBindingId();
            }

            @Override
            public Map<String, Object> getProperties() {
                return copy;
            }

            @Override
            public @Nullable String getRepresentationProperty() {
                return representation;
            }

            @Override
            public DiscoveryResultFlag getFlag() {
                return DiscoveryResultFlag.NEW;
            }

            @Override
            public String getLabel() {
                return resolvedLabel;
            }

            @Override
            public @Nullable ThingUID getBridgeUID() {
                return bridge;
            }

            @Override
            public Instant getCreationTime() {
                return created;
            }

            @Override
            public long getTimeToLive() {
                return timeToLive;
            }
        };
    }
}
