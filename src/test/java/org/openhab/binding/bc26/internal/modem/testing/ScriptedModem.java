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

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A byte-level modem conversation for tests: the far end of a real pseudo-terminal that answers each command line
 * with the bytes a rule gives (an unmatched command gets {@code ERROR}), handles the {@code >} data mode, and can
 * inject any bytes at any time (URCs between a command and its OK, banners, garbage). Everything the driver sent is
 * recorded for assertions. The replies are written as literal bytes, so tests control framing exactly (CR/LF order,
 * missing line ends, split writes).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ScriptedModem implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PseudoTerminal pty;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> dataBlocks = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    private volatile boolean echo;
    private @Nullable Rule dataRule;

    private ScriptedModem() throws IOException {
        this.pty = PseudoTerminal.open(this::received);
    }

    /** Starts a modem that answers nothing until rules are added (echo off). */
    public static ScriptedModem start() throws IOException {
        return new ScriptedModem();
    }

    /** The device path for the driver. */
    public String port() {
        return pty.slavePath();
    }

    /** The pseudo-terminal (to hang it up). */
    public PseudoTerminal terminal() {
        return pty;
    }

    /** Echo command lines back, as BC26 does by default. */
    public ScriptedModem echo(boolean on) {
        this.echo = on;
        return this;
    }

    /** Answers commands matching {@code regex} (whole line) with {@code reply}, every time. */
    public ScriptedModem on(String regex, String reply) {
        return on(regex, m -> reply);
    }

    /** Answers commands matching {@code regex} with a reply computed from the match. */
    public ScriptedModem on(String regex, Function<Matcher, String> reply) {
        rules.add(0, new Rule(Pattern.compile(regex), reply, null, false));
        return this;
    }

    /** Like {@link #on(String, String)} but used once, before any lasting rule. */
    public ScriptedModem once(String regex, String reply) {
        rules.add(0, new Rule(Pattern.compile(regex), m -> reply, null, true));
        return this;
    }

    /**
     * Answers a command with the {@code >} prompt; the data up to Ctrl+Z is recorded and answered with
     * {@code afterData}.
     */
    public ScriptedModem onPrompt(String regex, String prompt, Function<byte[], String> afterData) {
        rules.add(0, new Rule(Pattern.compile(regex), m -> prompt, afterData, false));
        return this;
    }

    /** Writes text (with its literal CR/LF) to the driver. */
    public void send(String text) {
        pty.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes to the driver. */
    public void sendBytes(byte[] bytes) {
        pty.write(bytes);
    }

    /** The next command line the driver sent (without CR), waiting up to 10 s. */
    public String nextCommand() {
        try {
            String command = commands.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(command, "the driver sent no command within " + WAIT);
            return command;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next command line starting with {@code prefix}, skipping others. */
    public String nextCommandStartingWith(String prefix) {
        while (true) {
            String command = nextCommand();
            if (command.startsWith(prefix)) {
                return command;
            }
        }
    }

    /** Commands received and not yet taken. */
    public List<String> pendingCommands() {
        return List.copyOf(commands);
    }

    /** The next data block sent after a prompt (without Ctrl+Z). */
    public byte[] nextData() {
        try {
            byte[] data = dataBlocks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(data, "the driver sent no data block within " + WAIT);
            return data;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private synchronized void received(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            Rule data = dataRule;
            if (data != null) {
                if (b == 0x1A || b == 0x1B) {
                    byte[] block = input.toByteArray();
                    input.reset();
                    dataRule = null;
                    if (b == 0x1A) {
                        dataBlocks.add(block);
                        Function<byte[], String> after = data.afterData;
                        if (after != null) {
                            send(after.apply(block));
                        }
                    }
                } else {
                    input.write(b);
                }
                continue;
            }
            if (b == '\r') {
                String line = input.toString(StandardCharsets.UTF_8).replace("\n", "");
                input.reset();
                handleCommand(line);
            } else {
                input.write(b);
            }
        }
    }

    private void handleCommand(String line) {
        if (line.isEmpty()) {
            return;
        }
        commands.add(line);
        if (echo) {
            send(line + "\r");
        }
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern.matcher(line);
            if (matcher.matches()) {
                if (rule.once) {
                    rules.remove(rule);
                }
                if (rule.afterData != null) {
                    dataRule = rule;
                }
                send(rule.reply.apply(matcher));
                return;
            }
        }
        send("\r\nERROR\r\n");
    }

    @Override
    public void close() {
        pty.close();
    }

    private record Rule(Pattern pattern, Function<Matcher, String> reply,
            @Nullable Function<byte[], String> afterData, boolean once) {
    }
}
