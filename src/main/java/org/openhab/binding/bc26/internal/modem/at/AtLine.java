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
package org.openhab.binding.bc26.internal.modem.at;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One line from the modem, without its line ending. A {@code +QMTRECV} record whose payload spans several lines is
 * one {@code AtLine} with the original line breaks inside. The raw bytes are kept because payloads need not be UTF-8.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AtLine {

    /**
     * How far a line can be trusted to come from the modem itself rather than from a payload printed inside a
     * {@code +QMTRECV} record (whose text anyone who can publish to a subscribed topic chooses).
     */
    public enum Trust {
        /** Framed outside any record: the modem's own line. */
        MODEM,
        /**
         * Arrived in the same burst right after a text-format record closed: the record's payload may have gone on
         * (a payload line ending in a quote looks like the record's end), so a claim that would end the session must
         * be verified with the modem before it is believed.
         */
        AFTER_RECORD,
        /**
         * Was inside a record that never closed (cut by a quiet line or the size limit): most likely payload, possibly
         * the modem's own line after a record the UART lost the end of. Never completes a command; a claim that
         * would end the session is verified with the modem.
         */
        INSIDE_RECORD
    }

    private final byte[] raw;
    private final String text;
    private final boolean complete;
    private final Trust trust;

    AtLine(byte[] raw, boolean complete) {
        this(raw, complete, Trust.MODEM);
    }

    AtLine(byte[] raw, boolean complete, Trust trust) {
        this.raw = raw;
        this.text = new String(raw, StandardCharsets.UTF_8);
        this.complete = complete;
        this.trust = trust;
    }

    /** Makes a complete line from text (tests and the simulator). */
    public static AtLine of(String text) {
        return new AtLine(text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Whether the line can be payload text rather than the modem's own output. */
    public Trust trust() {
        return trust;
    }

    /** The line decoded as UTF-8 (invalid bytes replaced). */
    public String text() {
        return text;
    }

    /** A copy of the bytes as received. */
    public byte[] raw() {
        return Arrays.copyOf(raw, raw.length);
    }

    /**
     * False when the framer had to cut the line: a multi-line record interrupted by another URC or the modem's
     * restart, or a line longer than the framer's limit. Such lines are never delivered as messages.
     */
    public boolean isComplete() {
        return complete;
    }

    /** The line's bytes decoded strictly as UTF-8, or null if they are not valid UTF-8. */
    public static @Nullable String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** True if the text starts with {@code prefix}, ignoring case (the modem may answer in either case). */
    public boolean startsWith(String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    @Override
    public String toString() {
        return text;
    }
}
