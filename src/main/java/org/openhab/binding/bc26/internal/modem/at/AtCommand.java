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

import java.time.Duration;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One AT command as the engine sends it. Build with {@link #of(String)} and the {@code with...} methods.
 * The text must already be safe: {@link AtText} builds quoted parameters and refuses what could end the line.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AtCommand {

    /** Default answer time of a local BC26 command: 300 ms in the manual, doubled for slow USB adapters. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(600);

    private final String text;
    private final String logText;
    private final Duration timeout;
    private final @Nullable Predicate<String> infoMatcher;
    private final boolean anyLineIsInfo;
    private final byte @Nullable [] promptData;
    private final boolean noFinalResult;
    /** The modem takes exactly the announced bytes after the prompt (BG95/BG96): no Ctrl+Z after them. */
    private final boolean promptEndsByLength;
    /** The prompt is a {@code CONNECT} line, not {@code >} (file upload, AT+QFUPL); the data is exact. */
    private final boolean promptIsConnect;

    private AtCommand(String text, String logText, Duration timeout, @Nullable Predicate<String> infoMatcher,
            boolean anyLineIsInfo, byte @Nullable [] promptData, boolean noFinalResult, boolean promptEndsByLength,
            boolean promptIsConnect) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf(0x1A) >= 0 || text.indexOf(0x1B) >= 0
                || text.indexOf(0) >= 0) {
            throw new IllegalArgumentException("An AT command line must not contain CR, LF, NUL, Ctrl+Z or ESC");
        }
        if (!text.regionMatches(true, 0, "AT", 0, 2)) {
            throw new IllegalArgumentException("An AT command starts with AT: " + logText);
        }
        this.text = text;
        this.logText = logText;
        this.timeout = timeout;
        this.infoMatcher = infoMatcher;
        this.anyLineIsInfo = anyLineIsInfo;
        this.promptData = promptData;
        this.noFinalResult = noFinalResult;
        this.promptEndsByLength = promptEndsByLength;
        this.promptIsConnect = promptIsConnect;
    }

    /** A command with the default timeout whose information lines start with the command's own prefix. */
    public static AtCommand of(String text) {
        return new AtCommand(text, text, DEFAULT_TIMEOUT, null, false, null, false, false, false);
    }

    /** Same command, answered within {@code newTimeout}. */
    public AtCommand withTimeout(Duration newTimeout) {
        return new AtCommand(text, logText, newTimeout, infoMatcher, anyLineIsInfo, promptData, noFinalResult,
                promptEndsByLength, promptIsConnect);
    }

    /** Same command, logged as {@code redacted} (for commands carrying a password or PIN). */
    public AtCommand withLogText(String redacted) {
        return new AtCommand(text, redacted, timeout, infoMatcher, anyLineIsInfo, promptData, noFinalResult,
                promptEndsByLength, promptIsConnect);
    }

    /** Information lines are those {@code matcher} accepts (default: lines starting with the command prefix). */
    public AtCommand withInfo(Predicate<String> matcher) {
        return new AtCommand(text, logText, timeout, matcher, anyLineIsInfo, promptData, noFinalResult,
                promptEndsByLength, promptIsConnect);
    }

    /** No information lines: for write commands whose outcome is a later URC with the same prefix (AT+QMTOPEN=). */
    public AtCommand withoutInfo() {
        return withInfo(line -> false);
    }

    /** Every line that is not a known URC is information (ATI, AT+CIMI, AT+CGMR answer without a prefix). */
    public AtCommand withBareInfo() {
        return new AtCommand(text, logText, timeout, infoMatcher, true, promptData, noFinalResult,
                promptEndsByLength, promptIsConnect);
    }

    /** After the {@code >} prompt the engine sends {@code data} and Ctrl+Z. */
    public AtCommand withPromptData(byte[] data) {
        return new AtCommand(text, logText, timeout, infoMatcher, anyLineIsInfo, data.clone(), noFinalResult,
                false, false);
    }

    /**
     * After the {@code >} prompt the engine sends exactly {@code data}, nothing after it: the command announced the
     * length (BG95/BG96 {@code AT+QMTPUB=...,<len>}), so any byte, Ctrl+Z included, is payload.
     */
    public AtCommand withExactPromptData(byte[] data) {
        return new AtCommand(text, logText, timeout, infoMatcher, anyLineIsInfo, data.clone(), noFinalResult,
                true, false);
    }

    /**
     * After a {@code CONNECT} line the engine sends exactly {@code data}, nothing after it (file uploads such as
     * {@code AT+QFUPL="UFS:name",<size>}: the size ends the data).
     */
    public AtCommand withDataAfterConnect(byte[] data) {
        return new AtCommand(text, logText, timeout, infoMatcher, anyLineIsInfo, data.clone(), noFinalResult, true,
                true);
    }

    /** The modem answers nothing (AT+QRST=1 reboots at once); the command completes when written. */
    public AtCommand withoutFinalResult() {
        return new AtCommand(text, logText, timeout, infoMatcher, anyLineIsInfo, promptData, true,
                promptEndsByLength, promptIsConnect);
    }

    public String text() {
        return text;
    }

    /** The text for logs: passwords and PINs replaced. */
    public String logText() {
        return logText;
    }

    public Duration timeout() {
        return timeout;
    }

    byte @Nullable [] promptData() {
        return promptData;
    }

    boolean promptEndsByLength() {
        return promptEndsByLength;
    }

    boolean promptIsConnect() {
        return promptIsConnect;
    }

    boolean hasNoFinalResult() {
        return noFinalResult;
    }

    /** The prefix of information lines, e.g. {@code +CSQ:} for {@code AT+CSQ}. */
    String infoPrefix() {
        int end = 2;
        while (end < text.length() && "=?".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(2, end) + ":";
    }

    boolean isInfo(String line) {
        Predicate<String> matcher = infoMatcher;
        if (matcher != null) {
            return matcher.test(line);
        }
        String prefix = infoPrefix();
        return prefix.length() > 2 && line.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    boolean anyLineIsInfo() {
        return anyLineIsInfo;
    }

    @Override
    public String toString() {
        return logText;
    }
}
