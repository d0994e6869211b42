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

import java.net.URI;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.common.registry.Identifiable;

/**
 * Stand-in for openHAB core 5.2.1 {@code ConfigDescription}; only named by handler signatures, never used.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class ConfigDescription implements Identifiable<URI> {

    private final URI uid;

    // openHAB builds these with its ConfigDescriptionBuilder; a binding never constructs one.
    ConfigDescription(URI uid) {
        this.uid = uid;
    }

    @Override
    public URI getUID() {
        return uid;
    }
}
