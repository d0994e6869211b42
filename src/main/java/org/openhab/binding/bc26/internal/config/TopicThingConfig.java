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
package org.openhab.binding.bc26.internal.config;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of a {@code bc26:topic} thing.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class TopicThingConfig {

    /** Topic telling whether the device behind the topics is available; empty: always available. */
    public String availabilityTopic = "";
    public String payloadAvailable = "online";
    public String payloadNotAvailable = "offline";
    /**
     * Transformations of the availability payload before it is compared, as on the generic thing: a device that
     * reports {@code {"state":"online"}} takes {@code JSONPATH:$.state}.
     */
    public List<String> transformationPattern = List.of();
}
