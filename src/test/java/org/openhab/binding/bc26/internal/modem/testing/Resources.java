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
package org.openhab.binding.bc26.internal.modem.testing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What a test opened (brokers, simulators, hosts, bridges), closed in the reverse order, so a bridge goes before its
 * modem and a modem before its broker.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Resources implements AutoCloseable {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Keeps {@code resource} for {@link #close()} and returns it. */
    public <T extends AutoCloseable> T add(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
