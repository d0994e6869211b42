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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A string channel: any text, or only its allowed states when it has some.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class TextValue extends TopicValue {

    private final List<String> allowedStates;

    TextValue(String allowedStates) {
        this.allowedStates = allowedStates.isBlank() ? List.of()
                : java.util.Arrays.stream(allowedStates.split(",")).map(String::trim).toList();
    }

    private boolean allows(String value) {
        return allowedStates.isEmpty() || allowedStates.contains(value.trim());
    }

    @Override
    @Nullable
    State toState(String text) {
        return allows(text) ? new StringType(text) : null;
    }

    @Override
    boolean takesEmptyPayload() {
        return true;
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        if (!(command instanceof StringType string)) {
            return null;
        }
        if (!allows(string.toString())) {
            throw new IllegalArgumentException("it is not one of the channel's allowed states " + allowedStates);
        }
        return string.toString();
    }
}
