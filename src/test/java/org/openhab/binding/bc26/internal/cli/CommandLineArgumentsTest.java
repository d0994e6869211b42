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
package org.openhab.binding.bc26.internal.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;

/**
 * A strict command line: every argument it does not take is refused with one line saying which, booleans take
 * true/false, help and version go to stdout. No modem is needed for any of it.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class CommandLineArgumentsTest {

    private static final Set<String> ALLOWED = Set.of("port", "topic", "retain", "subscribe", "payload");

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(args, 0, Set.of("retain"), ALLOWED, Set.of("subscribe"), false);
    }

    private static String refusal(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void aBooleanTakesTrueOrFalseAndStandsAloneAsTrue() throws Exception {
        assertFalse(parse("--retain", "false", "--topic", "t").flag("retain"), "--retain false is not retained");
        assertTrue(parse("--retain", "true").flag("retain"));
        assertTrue(parse("--retain", "--topic", "t").flag("retain"));
        assertFalse(parse("--retain=false").flag("retain"));
        assertFalse(parse("--topic", "t").flag("retain"));
        assertEquals("--retain takes true or false, not maybe", refusal("--retain=maybe"));
    }

    @Test
    void unknownStrayAndRepeatedArgumentsAreEachRefusedByName() throws Exception {
        assertEquals("Unknown option --retained", refusal("--retained"));
        assertEquals("Unexpected argument 'false'", refusal("--topic", "t", "false", "--retain"));
        assertEquals("--topic is given twice", refusal("--topic", "a", "--topic", "b"));
        assertEquals("--topic needs a value", refusal("--topic"));
        assertEquals("--topic needs a value", refusal("--topic", "--retain"));
        assertEquals(List.of("a/#", "b/+:1"), parse("--subscribe", "a/#", "--subscribe", "b/+:1").all("subscribe"));
        assertEquals("--dash", parse("--payload=--dash").get("payload"), "a value starting with -- in the = form");
    }

    private record Output(int code, String out, String err) {
    }

    private static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Bc26CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpAndVersionGoToStdoutAndSucceed() {
        for (String[] help : List.of(new String[] { "--help" }, new String[] { "help" }, new String[] { "-h" })) {
            Output output = run(help);
            assertEquals(0, output.code());
            assertTrue(output.out().contains("probe") && output.out().contains("publish"), output.out());
            assertEquals("", output.err());
        }
        Output publishHelp = run("publish", "--help");
        assertEquals(0, publishHelp.code());
        assertTrue(publishHelp.out().contains("--topic T"), publishHelp.out());
        assertFalse(publishHelp.out().contains("monitor --port"), "only the command asked about: " + publishHelp.out());
        assertEquals(publishHelp.out(), run("help", "publish").out());
        Output version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("org.openhab.binding.bc26 "), version.out());
        Output nothing = run();
        assertEquals(2, nothing.code(), "no command is a usage error");
        assertTrue(nothing.err().contains("Usage:"));
    }

    @Test
    void aUsageErrorIsOneLineAndAHintExitTwo() {
        Output stray = run("probe", "--port", "/dev/null", "extra");
        assertEquals(2, stray.code());
        assertEquals(List.of("Error: Unexpected argument 'extra'", "Run with probe --help for the usage."),
                stray.err().lines().toList());
        Output unknown = run("frobnicate");
        assertEquals(2, unknown.code());
        assertEquals(List.of("Error: Unknown command frobnicate", "Run with --help for the usage."),
                unknown.err().lines().toList());
    }
}
