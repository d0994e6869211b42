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

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;

/**
 * The installer's command line on the same driver as the binding: {@code probe}, {@code monitor}, {@code publish},
 * {@code selftest} and {@code at}, each in a class of its own; this one reads the command and its arguments and
 * keeps the usage. Output is JSON, one object per line; bad arguments print one line and exit 2, failures print the
 * decoded reason and exit 1.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26CommandLine {

    /** Each command's usage lines, in the order the full usage lists them. */
    private static final Map<String, String> COMMAND_USAGE = commandUsage();

    private static Map<String, String> commandUsage() {
        Map<String, String> usage = new LinkedHashMap<>();
        usage.put("probe", """
                  probe   --port P [--baud B]
                          modem identity, SIM, registration and signal as one JSON object
                """);
        usage.put("monitor", """
                  monitor --port P --host H [--mqtt-port N] [--client-id C] [--username U --password-file F]
                          [--tls --ca-file F [--client-cert F --client-key F] | --tls --insecure]
                          --subscribe TOPIC[:QOS] ... [--count N] [--seconds S] [--receive-format hex|text|buffered]
                          one JSON object per line per event: session state and received messages;
                          with --count and --seconds, exits 1 when fewer than N messages came in S seconds
                """);
        usage.put("publish", """
                  publish --port P --host H [--mqtt-port N] [--client-id C] [--username U --password-file F]
                          [--tls --ca-file F [--client-cert F --client-key F] | --tls --insecure]
                          --topic T --payload P [--qos Q] [--retain [true|false]] [--timeout-seconds S]
                          publishes one message and prints the delivery result; waits at most S seconds
                          (default 180) for the session and as long again for the broker's acknowledgement
                """);
        usage.put("selftest", """
                  selftest --port P --host H [--mqtt-port N] [--client-id C] [--username U --password-file F]
                          [--tls --ca-file F [--client-cert F --client-key F] | --tls --insecure]
                          [--topic T] [--transcript FILE] [--timeout-seconds S]
                          the whole life of a session against your modem and broker, one pass/fail line per
                          step (probe, connect, subscribe, publish and receive a plain, a quoted and a binary
                          payload at QoS 0, 1 and 2, unsubscribe, disconnect); writes the serial transcript,
                          credentials, IMSI and ICCID redacted, to FILE (default bc26-selftest-<time>.txt)
                """);
        usage.put("at", """
                  at      --port P [--timeout-ms N] "AT+CSQ"
                          one raw command and its answer
                """);
        return usage;
    }

    private static final String USAGE_HEAD = "Usage: java -jar org.openhab.binding.bc26-<version>.jar <command> [options]\n"
            + "       java -jar org.openhab.binding.bc26-<version>.jar <command> --help | --help | --version\n\n";

    private static final String USAGE_TAIL = """

            --port is a device path (/dev/ttyUSB0, /dev/serial/by-id/..., /dev/cu.usbserial-... on macOS),
            a Windows port (COM3) or socket://host:port (ser2net, the simulator).
            What retrying cannot fix (a host that does not resolve, a refused CONNACK, a bad port name, a SIM PIN)
            ends the command at once with exit 1; other failures are retried with back-off until the time is up.
            Common options: --baud B (default 115200), --connect-id 0-5 (0-4 on BC660K/BC260Y),
            --model auto|BC26|BC660K|BC260Y|BG95|BG96|BG77 (default auto: read from the modem),
            --verbose (driver logs on stderr). Options are given once each (--subscribe may repeat); a value
            that starts with -- is given as --name=value.
            """;

    /** The whole usage: every command. */
    static final String USAGE = USAGE_HEAD + String.join("", COMMAND_USAGE.values()) + USAGE_TAIL;

    /** One command's usage. */
    static String usage(String command) {
        return USAGE_HEAD + COMMAND_USAGE.getOrDefault(command, "") + USAGE_TAIL;
    }

    private static final Set<String> COMMON = Set.of("port", "baud", "verbose", "connect-id", "model");
    private static final Set<String> MQTT = Set.of("host", "mqtt-port", "client-id", "username", "password-file",
            "tls", "ca-file", "client-cert", "client-key", "insecure");

    private final PrintStream out;
    private final PrintStream err;
    private final CliOutput output;

    /** A command line printing to these streams (tests run it in-process). */
    public Bc26CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.output = new CliOutput(out, err);
    }

    /** Runs a command; returns the exit code (0 success, 1 failure, 2 bad arguments). */
    public static int run(String[] args) {
        return new Bc26CommandLine(Objects.requireNonNull(System.out), Objects.requireNonNull(System.err)).execute(args);
    }

    /** Runs a command; returns the exit code (0 success, 1 failure, 2 bad arguments). */
    public int execute(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            // help, --help, help <command>: asked for, so on stdout with success
            out.print(args.length > 1 && COMMAND_USAGE.containsKey(args[1]) ? usage(args[1]) : USAGE);
            return 0;
        }
        if (command.equals("--version")) {
            out.println(version());
            return 0;
        }
        if (COMMAND_USAGE.containsKey(command) && List.of(args).subList(1, args.length).contains("--help")) {
            out.print(usage(command));
            return 0;
        }
        try {
            if (List.of(args).contains("--verbose")) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "trace");
                System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
            } else {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            }
            // An installer reads the driver's warnings as sentences: no logger (class) or thread names before them.
            System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
            System.setProperty("org.slf4j.simpleLogger.showShortLogName", "false");
            System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
            return switch (command) {
                case "probe" -> new ModemCommands(output).probe(Arguments.parse(args, 1, Set.of("verbose"), COMMON, Set.of(), false));
                case "monitor" -> new MonitorCommand(output).monitor(Arguments.parse(args, 1, Set.of("verbose", "tls", "insecure"),
                        union(COMMON, MQTT, Set.of("subscribe", "count", "seconds", "receive-format")),
                        Set.of("subscribe"), false));
                case "publish" -> new PublishCommand(output).publish(Arguments.parse(args, 1, Set.of("verbose", "retain", "tls", "insecure"),
                        union(COMMON, MQTT, Set.of("topic", "payload", "qos", "retain", "timeout-seconds")), Set.of(),
                        false));
                case "selftest" -> new SelfTestCommand(output).selfTest(Arguments.parse(args, 1, Set.of("verbose", "tls", "insecure"),
                        union(COMMON, MQTT, Set.of("topic", "transcript", "timeout-seconds")), Set.of(), false));
                case "at" -> new ModemCommands(output).at(Arguments.parse(args, 1, Set.of("verbose"), union(COMMON, Set.of("timeout-ms")),
                        Set.of(), true));
                default -> throw new UsageException("Unknown command " + command);
            };
        } catch (UsageException | IllegalArgumentException e) {
            // one line saying what is wrong, and where the usage is: the whole usage would bury it
            err.println("Error: " + e.getMessage());
            err.println("Run with " + (COMMAND_USAGE.containsKey(command) ? command + " --help" : "--help")
                    + " for the usage.");
            return 2;
        }
    }

    /** The bundle's version from its own jar's manifest, or "unknown" when not run from the jar. */
    static String version() {
        String version = null;
        try {
            java.security.CodeSource source = Bc26CommandLine.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation().getPath().endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(
                        java.nio.file.Path.of(source.getLocation().toURI()).toFile())) {
                    java.util.jar.Manifest manifest = jar.getManifest();
                    version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException | SecurityException e) {
            // nothing to read the version from: unknown
        }
        return "org.openhab.binding.bc26 " + (version == null ? "unknown" : version);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return union(a, b, Set.of());
    }

    private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

}
