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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.RawType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * An image channel (read-only): the payload's bytes as they came, typed by their signature (PNG, JPEG, GIF, WebP).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class ImageValue extends TopicValue {

    @Override
    @Nullable
    State toState(String text) {
        return toState(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    @Nullable
    State toState(byte[] payload) {
        return payload.length == 0 ? null : new RawType(payload, mimeType(payload));
    }

    @Override
    @Nullable
    String toPayload(Command command, @Nullable State last) {
        return null;
    }

    @Override
    boolean isBinary() {
        return true;
    }

    static String mimeType(byte[] data) {
        if (startsWith(data, 0, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        if (startsWith(data, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(data, 0, 0x47, 0x49, 0x46, 0x38)) {
            return "image/gif";
        }
        if (startsWith(data, 0, 0x52, 0x49, 0x46, 0x46) && startsWith(data, 8, 0x57, 0x45, 0x42, 0x50)) {
            return "image/webp";
        }
        return RawType.DEFAULT_MIME_TYPE;
    }

    private static boolean startsWith(byte[] data, int offset, int... signature) {
        if (data.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
