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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Locates the fields of a {@code +QMTRECV: <id>,<msgID>,"<topic>","<payload>"} record. BC26 prints topic and payload
 * without any escaping, so the payload may hold quotes, commas and line breaks: it runs from the quote after the
 * topic to the <em>last</em> quote of the record. Unquoted fields (older Quectel firmware) and an optional space
 * after the colon are accepted. Works on bytes so payloads that are not UTF-8 survive.
 *
 * @param connectId the client id 0-5
 * @param messageId the broker's packet id (0 for QoS 0)
 * @param topicStart first byte of the topic
 * @param topicEnd end (exclusive) of the topic
 * @param payloadStart first byte of the payload
 * @param payloadEnd end (exclusive) of the payload
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record QmtRecvShape(int connectId, int messageId, int topicStart, int topicEnd, int payloadStart,
        int payloadEnd) {

    private static final int PREFIX_LENGTH = "+QMTRECV:".length();

    /**
     * Whether a record is finished. Only an opened quoted payload without its closing quote is unfinished; anything
     * else (including malformed input) counts as finished so the framer never waits for it.
     */
    static boolean isComplete(byte[] b) {
        return isComplete(b, false);
    }

    /**
     * Whether a record is finished; {@code spansLines} says it already continued over a line break. Then a line
     * ending in a quote may still be inside the payload (pretty-printed JSON: {@code "name": "pump"}), so a payload
     * that starts with { or [ must also have its brackets balanced.
     */
    static boolean isComplete(byte[] b, boolean spansLines) {
        int i = afterTwoNumbers(b);
        if (i < 0 || i >= b.length || b[i] != '"') {
            return true;
        }
        int separator = topicSeparator(b, i + 1);
        if (separator < 0) {
            return true;
        }
        int payload = separator + 2;
        if (payload >= b.length) {
            return false;
        }
        if (b[payload] != '"') {
            return true;
        }
        if (b.length - 1 <= payload || b[b.length - 1] != '"') {
            return false;
        }
        return !spansLines || jsonBalanced(b, payload + 1, b.length - 1);
    }

    /** For payloads starting with { or [: whether brackets outside JSON strings balance; other payloads: true. */
    private static boolean jsonBalanced(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i >= to || (b[i] != '{' && b[i] != '[')) {
            return true;
        }
        int depth = 0;
        boolean inString = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return depth <= 0 && !inString;
    }

    /**
     * Parses a record.
     *
     * @param b the record's bytes
     * @return the field positions, or null if the record is malformed
     */
    public static @Nullable QmtRecvShape parse(byte[] b) {
        int i = skipSpaces(b, PREFIX_LENGTH);
        int idEnd = digits(b, i);
        int idComma = skipSpaces(b, idEnd);
        if (idEnd == i || idComma >= b.length || b[idComma] != ',' || idEnd - i > 3) {
            return null;
        }
        int connectId = Integer.parseInt(new String(b, i, idEnd - i, StandardCharsets.US_ASCII));
        i = skipSpaces(b, idComma + 1);
        int midEnd = digits(b, i);
        int midComma = skipSpaces(b, midEnd);
        if (midEnd == i || midComma >= b.length || b[midComma] != ',' || midEnd - i > 5) {
            return null;
        }
        int messageId = Integer.parseInt(new String(b, i, midEnd - i, StandardCharsets.US_ASCII));
        i = skipSpaces(b, midComma + 1);
        if (i >= b.length) {
            return null;
        }
        if (b[i] == '"') {
            int separator = topicSeparator(b, i + 1);
            if (separator < 0) {
                return null;
            }
            int payload = separator + 2;
            if (payload < b.length && b[payload] == '"') {
                if (b.length - 1 <= payload || b[b.length - 1] != '"') {
                    return null;
                }
                return new QmtRecvShape(connectId, messageId, i + 1, separator, payload + 1, b.length - 1);
            }
            return new QmtRecvShape(connectId, messageId, i + 1, separator, payload, b.length);
        }
        int comma = indexOf(b, (byte) ',', i);
        if (comma < 0) {
            return null;
        }
        int payloadStart = comma + 1;
        int payloadEnd = b.length;
        if (payloadEnd - payloadStart >= 2 && b[payloadStart] == '"' && b[payloadEnd - 1] == '"') {
            payloadStart++;
            payloadEnd--;
        }
        return new QmtRecvShape(connectId, messageId, i, comma, payloadStart, payloadEnd);
    }

    /**
     * Parses a record of the hex receive format, {@code +QMTRECV: <id>,<msgID>,"<topic>","<hex>"}, on one line. The
     * payload is found from the end (hex digits between the last two quotes), so a topic holding {@code ","} still
     * parses.
     *
     * @return the field positions (payload still in hex), or null unless the record has exactly that shape
     */
    public static @Nullable QmtRecvShape parseHex(byte[] b) {
        int i = afterTwoNumbers(b);
        if (i < 0 || i >= b.length || b[i] != '"' || b.length < i + 5 || b[b.length - 1] != '"') {
            return null;
        }
        int payloadEnd = b.length - 1;
        int payloadStart = payloadEnd;
        while (payloadStart > i && isHexDigit(b[payloadStart - 1])) {
            payloadStart--;
        }
        if ((payloadEnd - payloadStart) % 2 != 0 || payloadStart - 3 <= i || b[payloadStart - 1] != '"'
                || b[payloadStart - 2] != ',' || b[payloadStart - 3] != '"') {
            return null;
        }
        for (int t = i + 1; t < payloadStart - 3; t++) {
            if (b[t] == '\r' || b[t] == '\n') {
                return null;
            }
        }
        int[] numbers = twoNumbers(b);
        if (numbers[0] < 0 || numbers[1] < 0) {
            return null;
        }
        return new QmtRecvShape(numbers[0], numbers[1], i + 1, payloadStart - 3, payloadStart, payloadEnd);
    }

    /**
     * Parses a record that shows its payload's length (BC660K, BC260Y with {@code AT+QMTCFG="showrecvlen"}):
     * {@code +QMTRECV: <id>,<msgID>,"<topic>",<len>,"<payload>"}. The payload is exactly {@code len} bytes, whatever
     * they are (quotes, line breaks, lines that look like the modem's), so nothing a publisher writes can end it early
     * or run it into the modem's next line.
     *
     * @return the field positions, or null unless some {@code ",<len>,"} after the topic gives exactly the record's
     *         length
     */
    public static @Nullable QmtRecvShape parseLength(byte[] b) {
        int i = afterTwoNumbers(b);
        if (i < 0 || i >= b.length || b[i] != '"') {
            return null;
        }
        int[] numbers = twoNumbers(b);
        if (numbers[0] < 0 || numbers[1] < 0) {
            return null;
        }
        for (int separator = lengthSeparator(b, i + 1); separator >= 0; separator = lengthSeparator(b, separator + 1)) {
            int payloadStart = lengthPayloadStart(b, separator);
            long length = declaredLength(b, separator);
            if (payloadStart + length + 1 == b.length && b[b.length - 1] == '"') {
                return new QmtRecvShape(numbers[0], numbers[1], i + 1, separator, payloadStart, b.length - 1);
            }
        }
        return null;
    }

    /**
     * How many more bytes a length-shown record needs up to and with its closing quote: 0 when it is complete, -1
     * when it is not such a record (or already longer than it says). The first {@code ",<len>,"} after the topic is
     * taken, unless another one makes the record complete as it is.
     */
    public static long lengthNeeds(byte[] b) {
        if (parseLength(b) != null) {
            return 0;
        }
        int i = afterTwoNumbers(b);
        if (i < 0 || i >= b.length || b[i] != '"') {
            return -1;
        }
        int separator = lengthSeparator(b, i + 1);
        if (separator < 0) {
            return -1;
        }
        long needs = lengthPayloadStart(b, separator) + declaredLength(b, separator) + 1 - b.length;
        return needs > 0 ? needs : -1;
    }

    /** The next {@code ",<digits>,"} from {@code from}: the position of its first quote, or -1. */
    private static int lengthSeparator(byte[] b, int from) {
        for (int q = from; q + 4 < b.length; q++) {
            if (b[q] == '"' && b[q + 1] == ',') {
                int end = digits(b, q + 2);
                if (end > q + 2 && end - (q + 2) <= 7 && end + 1 < b.length && b[end] == ',' && b[end + 1] == '"') {
                    return q;
                }
            }
        }
        return -1;
    }

    private static long declaredLength(byte[] b, int separator) {
        int end = digits(b, separator + 2);
        return Long.parseLong(new String(b, separator + 2, end - separator - 2, StandardCharsets.US_ASCII));
    }

    private static int lengthPayloadStart(byte[] b, int separator) {
        return digits(b, separator + 2) + 2;
    }

    /** Whether a line is a well-formed record of the hex receive format. */
    static boolean isHexRecord(byte[] b) {
        return parseHex(b) != null;
    }

    private static boolean isHexDigit(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** The connect id and message id of a record whose prefix {@link #afterTwoNumbers} accepted. */
    private static int[] twoNumbers(byte[] b) {
        int[] numbers = new int[2];
        int i = skipSpaces(b, PREFIX_LENGTH);
        for (int field = 0; field < 2; field++) {
            int end = digits(b, i);
            numbers[field] = end - i > 5 ? -1 : Integer.parseInt(new String(b, i, end - i, StandardCharsets.US_ASCII));
            i = skipSpaces(b, skipSpaces(b, end) + 1);
        }
        return numbers;
    }

    /**
     * The topic of a record, as far as it can be read (for reporting a record that cannot be delivered): the text
     * between the first quote after the two numbers and the next quote on the same line.
     */
    public static @Nullable String topicOf(byte[] b) {
        int i = afterTwoNumbers(b);
        if (i < 0 || i >= b.length || b[i] != '"') {
            return null;
        }
        for (int end = i + 1; end < b.length; end++) {
            if (b[end] == '"') {
                return new String(b, i + 1, end - i - 1, StandardCharsets.UTF_8);
            }
            if (b[end] == '\r' || b[end] == '\n') {
                return null;
            }
        }
        return null;
    }

    /** Index after "+QMTRECV: <id>,<msgID>," or -1. */
    private static int afterTwoNumbers(byte[] b) {
        int i = skipSpaces(b, PREFIX_LENGTH);
        for (int field = 0; field < 2; field++) {
            int end = digits(b, i);
            int comma = skipSpaces(b, end);
            if (end == i || comma >= b.length || b[comma] != ',') {
                return -1;
            }
            i = skipSpaces(b, comma + 1);
        }
        return i;
    }

    /** Position of the quote that closes the topic: the first {@code ","}, else the first {@code ",}. */
    private static int topicSeparator(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == '"' && b[i + 1] == ',' && b[i + 2] == '"') {
                return i;
            }
        }
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '"' && b[i + 1] == ',') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(byte[] b, int i) {
        while (i < b.length && b[i] == ' ') {
            i++;
        }
        return i;
    }

    private static int digits(byte[] b, int i) {
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
