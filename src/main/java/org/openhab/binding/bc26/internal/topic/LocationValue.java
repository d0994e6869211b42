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
package org.openhab.binding.bc26.internal.topic;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.PointType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A location channel: "latitude,longitude[,altitude]" in decimal degrees and metres.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class LocationValue extends TopicValue {

    @Override
    @Nullable
    State toState(String text) {
        try {
            return new PointType(text.trim());
        } catch (IllegalArgumentException e) {
            // NumberFormatException included
            return null;
        }
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        return command instanceof PointType point ? point.toFullString() : null;
    }
}
