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

import java.util.Objects;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.ModemSessionListener;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtEventListener;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.at.AtLine;
import org.openhab.binding.bc26.internal.modem.link.LinkException;
import org.openhab.binding.bc26.internal.modem.link.ModemLinks;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.ReceiveFormat;
import org.openhab.binding.bc26.internal.modem.dialect.ModemDialect;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.tls.TlsConfig;

/**
 * The installer's command line on the same driver as the binding: {@code probe}, {@code monitor}, {@code publish},
 * {@code selftest} and {@code at}. Output is JSON, one object per line; bad arguments print usage and exit 2, failures print the
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

    /** A command line printing to these streams (tests run it in-process). */
    public Bc26CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
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
                case "probe" -> probe(Arguments.parse(args, 1, Set.of("verbose"), COMMON, Set.of(), false));
                case "monitor" -> monitor(Arguments.parse(args, 1, Set.of("verbose", "tls", "insecure"),
                        union(COMMON, MQTT, Set.of("subscribe", "count", "seconds", "receive-format")),
                        Set.of("subscribe"), false));
                case "publish" -> publish(Arguments.parse(args, 1, Set.of("verbose", "retain", "tls", "insecure"),
                        union(COMMON, MQTT, Set.of("topic", "payload", "qos", "retain", "timeout-seconds")), Set.of(),
                        false));
                case "selftest" -> selfTest(Arguments.parse(args, 1, Set.of("verbose", "tls", "insecure"),
                        union(COMMON, MQTT, Set.of("topic", "transcript", "timeout-seconds")), Set.of(), false));
                case "at" -> at(Arguments.parse(args, 1, Set.of("verbose"), union(COMMON, Set.of("timeout-ms")),
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
    private static String version() {
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

    // ---- probe and at: the modem alone ----

    private int probe(Arguments args) throws UsageException {
        String port = args.required("port");
        ModemModel forced = model(args);
        SerialSettings serial = SerialSettings.DEFAULT.withBaudRate(args.integer("baud", 115200, 300, 4_000_000));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (AtEngine engine = openEngine(port, serial, scheduler)) {
            Bc26Modem modem = new Bc26Modem(engine);
            modem.synchronize();
            modem.setEcho(false);
            Json json = ProbeReport.of(modem);
            if (forced != null) {
                json.put("dialect", forced.name() + " (set with --model)");
            }
            out.println(json);
            return 0;
        } catch (LinkException e) {
            return failure(e.getKind().name(), e.getMessage());
        } catch (AtException e) {
            return failure(e.getKind() == AtException.Kind.TIMEOUT ? "NO_ANSWER" : e.getKind().name(),
                    e.getMessage());
        } finally {
            scheduler.shutdownNow();
        }
    }

    private int at(Arguments args) throws UsageException {
        String port = args.required("port");
        if (args.positional().size() != 1) {
            throw new UsageException("Give exactly one AT command, in quotes");
        }
        AtCommand command;
        try {
            command = AtCommand.of(args.positional().get(0))
                    .withTimeout(Duration.ofMillis(args.integer("timeout-ms", 5000, 100, 700_000))).withBareInfo();
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        SerialSettings serial = SerialSettings.DEFAULT.withBaudRate(args.integer("baud", 115200, 300, 4_000_000));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (AtEngine engine = openEngine(port, serial, scheduler)) {
            engine.synchronize(10, Duration.ofMillis(500));
            for (String line : engine.execute(command).lines()) {
                out.println(line);
            }
            out.println("OK");
            return 0;
        } catch (LinkException e) {
            return failure(e.getKind().name(), e.getMessage());
        } catch (AtException e) {
            return failure(e.getKind().name(), e.getMessage());
        } finally {
            scheduler.shutdownNow();
        }
    }

    private AtEngine openEngine(String port, SerialSettings serial, ScheduledExecutorService scheduler)
            throws LinkException {
        AtEngine engine = new AtEngine(scheduler, new AtEventListener() {
            @Override
            public void urc(AtLine line) {
            }

            @Override
            public void modemRestarted() {
            }

            @Override
            public void claimToVerify(AtLine line) {
            }

            @Override
            public void linkLost(String reason) {
            }
        });
        engine.attach(ModemLinks.open(port, serial, engine));
        return engine;
    }

    // ---- monitor and publish: the whole session ----

    private static SessionOptions sessionOptions(Arguments args) throws UsageException {
        String clientId = args.get("client-id");
        if (clientId == null) {
            clientId = "bc26-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        }
        MqttSettings mqtt = MqttSettings.of(args.integer("connect-id", 0, 0, 5), args.required("host"),
                args.integer("mqtt-port", 1883, 1, 65535), clientId);
        String username = args.get("username");
        String passwordFile = args.get("password-file");
        if (passwordFile != null && username == null) {
            throw new UsageException("--password-file needs --username");
        }
        String password = null;
        if (passwordFile != null) {
            try {
                password = Files.readAllLines(Path.of(passwordFile), StandardCharsets.UTF_8).stream().findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new UsageException("Cannot read the password file " + passwordFile);
            }
        }
        mqtt = mqtt.withCredentials(username, password);
        return new SessionOptions(args.required("port"),
                SerialSettings.DEFAULT.withBaudRate(args.integer("baud", 115200, 300, 4_000_000)), null, null,
                List.of(), true, mqtt, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(120),
                model(args), tls(args));
    }

    /** MQTT over TLS when --tls is given (with --ca-file, --client-cert, --client-key, --insecure), else null. */
    private static @Nullable TlsConfig tls(Arguments args) throws UsageException {
        if (!args.flag("tls")) {
            if (args.get("ca-file") != null || args.get("client-cert") != null || args.get("client-key") != null) {
                throw new UsageException("--ca-file, --client-cert and --client-key need --tls");
            }
            return null;
        }
        boolean insecure = args.flag("insecure");
        String ca = args.get("ca-file");
        if (ca == null && !insecure) {
            throw new UsageException("--tls needs --ca-file F (the CA that signed the broker's certificate), "
                    + "or --insecure to encrypt without checking the broker");
        }
        String certificate = args.get("client-cert");
        String key = args.get("client-key");
        return new TlsConfig(!insecure, ca == null ? "" : ca, certificate == null ? "" : certificate,
                key == null ? "" : key, true);
    }

    /** The model given with --model, or null for auto (read from the modem). */
    private static @Nullable ModemModel model(Arguments args) throws UsageException {
        String model = args.get("model");
        if (model == null || model.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return ModemModel.named(model);
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }

    private int monitor(Arguments args) throws UsageException {
        SessionOptions options = sessionOptions(args);
        List<String> subscriptions = args.all("subscribe");
        if (subscriptions.isEmpty()) {
            throw new UsageException("Give at least one --subscribe TOPIC[:QOS]");
        }
        int count = args.integer("count", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        int seconds = args.integer("seconds", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        String format = args.get("receive-format");
        if (format != null && !List.of("hex", "text", "buffered").contains(format)) {
            throw new UsageException("--receive-format is hex, text or buffered, not " + format);
        }
        if (format != null) {
            options = options.withMqtt(options.mqtt().withHexReceive(!format.equals("text"))
                    .withBufferedReceive(format.equals("buffered")));
        }
        // Checked before any session exists: a bad filter is a usage error, with no session event for it.
        Map<String, Integer> filters = new LinkedHashMap<>();
        for (String subscription : subscriptions) {
            int colon = subscription.lastIndexOf(':');
            String topic = colon > 0 ? subscription.substring(0, colon) : subscription;
            int qos = 0;
            if (colon > 0) {
                try {
                    qos = Integer.parseInt(subscription.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new UsageException("Bad QoS in --subscribe " + subscription);
                }
            }
            try {
                MqttSettings.checkQos(qos);
                org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics.checkTopicFilter(topic);
            } catch (IllegalArgumentException e) {
                throw new UsageException(String.valueOf(e.getMessage()));
            }
            filters.put(topic, qos);
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        AtomicBoolean everOnline = new AtomicBoolean();
        AtomicReference<@Nullable SessionFailure> lastFailure = new AtomicReference<>();
        AtomicReference<@Nullable SessionFailure> fatal = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean stoppedTold = new AtomicBoolean();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        ModemSession session = new ModemSession(options, scheduler, new ModemSessionListener() {
            @Override
            public void sessionChanged(boolean online, @Nullable SessionFailure failure) {
                everOnline.compareAndSet(false, online);
                Json json = Json.object().put("event", "session").put("online", online);
                if (!online && failure == null && stopping.get()) {
                    // The command's own clean shutdown, so nobody takes the last "online":false for a failure.
                    json.put("reason", "STOPPED").put("detail", "monitor ended and disconnected cleanly");
                    stoppedTold.set(true);
                }
                if (failure != null) {
                    // Kept after the session came back, so the last line can say what went wrong last.
                    lastFailure.set(failure);
                    json.put("reason", failure.kind().name()).put("detail", failure.detail());
                }
                print(json);
                if (failure != null && failure.needsTheUser()) {
                    // Trying again cannot fix it: stop now instead of backing off, resetting the radio and rebooting.
                    fatal.set(failure);
                    done.countDown();
                }
            }

            @Override
            public void messageReceived(MqttMessage message) {
                print(messageJson(message));
                if (received.incrementAndGet() >= count) {
                    done.countDown();
                }
            }

            @Override
            public void identified(ModemIdentity identity) {
                print(Json.object().put("event", "modem").put("model", identity.model())
                        .put("revision", identity.revision()).put("imei", identity.imei()));
            }

            @Override
            public void dialectChosen(ModemModel model, boolean forced) {
                print(Json.object().put("event", "dialect").put("model", model.name()).put("forced", forced));
            }

            @Override
            public void messageDropped(String topic, String reason) {
                dropped.incrementAndGet();
                print(Json.object().put("event", "dropped").put("topic", topic).put("reason", reason));
            }

            @Override
            public void receiveFormatChosen(ReceiveFormat format, boolean asConfigured) {
                print(Json.object().put("event", "receiveFormat").put("format", format.word()).put("asConfigured",
                        asConfigured));
            }
        });
        StopOnSignal signal = new StopOnSignal(done::countDown);
        try {
            filters.forEach(session::subscribe);
            session.start();
            try {
                done.await(seconds == Integer.MAX_VALUE ? Long.MAX_VALUE : seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            stopping.set(true);
            session.stop();
            scheduler.shutdownNow();
            if (signal.signalled() && !stoppedTold.get()) {
                // Ended before the session was up: still one line that says the end was asked for.
                print(stoppedEvent("monitor"));
            }
            signal.close();
        }
        if (signal.signalled()) {
            return StopOnSignal.EXIT_CODE;
        }
        SessionFailure stop = fatal.get();
        if (stop != null) {
            return failure(stop.kind().name(), stop.detail());
        }
        if (received.get() >= count || (everOnline.get() && count == Integer.MAX_VALUE)) {
            return 0;
        }
        SessionFailure failure = lastFailure.get();
        if (count != Integer.MAX_VALUE && everOnline.get()) {
            // Scripts tell success from silence: the session came up, but the messages asked for did not.
            return failure("TOO_FEW_MESSAGES", received.get() + " of " + count + " messages in " + seconds + " s"
                    + (dropped.get() > 0 ? " (" + dropped.get() + " dropped as cut or malformed)" : "")
                    + (failure != null ? "; last failure " + failure.kind() + ": " + failure.detail() : ""));
        }
        return failure == null ? failure("NOT_CONNECTED", "The session never came up")
                : failure(failure.kind().name(), failure.detail());
    }

    private int publish(Arguments args) throws UsageException {
        SessionOptions options = sessionOptions(args);
        String topic = args.required("topic");
        String payload = args.get("payload");
        if (payload == null) {
            throw new UsageException("--payload is required");
        }
        int qos = args.integer("qos", 0, 0, 2);
        boolean retain = args.flag("retain");
        int timeout = args.integer("timeout-seconds", 180, 1, 3600);
        try {
            // Checked before the modem is brought up: a message that can never be sent needs no modem to say so.
            // Without --model the largest limits of any model apply here; the modem's own apply once it is known.
            ModemModel model = options.model();
            Bc26MqttClient.checkPublishable(topic, payload.getBytes(StandardCharsets.UTF_8), qos,
                    ModemDialect.of(model == null ? ModemModel.BC660K : model));
        } catch (MqttException e) {
            if (options.model() == null && e.getReason() == MqttException.Reason.PAYLOAD_TOO_LARGE) {
                // Checked against the most any model takes: say each family's limit, not only the largest.
                throw new UsageException("A payload of " + payload.getBytes(StandardCharsets.UTF_8).length
                        + " bytes is more than any model takes: BC26, BG95, BG96 and BG77 take at most 1024 bytes,"
                        + " BC660K and BC260Y 1460 bytes of text on one line (1024 otherwise)");
            }
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        CountDownLatch online = new CountDownLatch(1);
        AtomicReference<@Nullable SessionFailure> lastFailure = new AtomicReference<>();
        AtomicReference<@Nullable SessionFailure> fatal = new AtomicReference<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        ModemSession session = new ModemSession(options, scheduler, new ModemSessionListener() {
            @Override
            public void sessionChanged(boolean isOnline, @Nullable SessionFailure failure) {
                if (failure != null || isOnline) {
                    // Each attempt as monitor prints it: a wrong broker port shows at once, not after the time-out.
                    Json json = Json.object().put("event", "session").put("online", isOnline);
                    if (failure != null) {
                        json.put("reason", failure.kind().name()).put("detail", failure.detail());
                    }
                    print(json);
                }
                if (failure != null) {
                    lastFailure.set(failure);
                    if (failure.needsTheUser()) {
                        // Trying again cannot fix it: stop now.
                        fatal.set(failure);
                        online.countDown();
                    }
                }
                if (isOnline) {
                    online.countDown();
                }
            }

            @Override
            public void messageReceived(MqttMessage message) {
            }
        });
        java.util.concurrent.CompletableFuture<Boolean> stopAsked = new java.util.concurrent.CompletableFuture<>();
        StopOnSignal signal = new StopOnSignal(() -> {
            stopAsked.complete(false);
            online.countDown();
        });
        try {
            session.start();
            boolean answered = online.await(timeout, TimeUnit.SECONDS);
            if (signal.signalled()) {
                return StopOnSignal.EXIT_CODE;
            }
            SessionFailure stop = fatal.get();
            if (stop != null) {
                return failure(stop.kind().name(), stop.detail());
            }
            if (!answered) {
                SessionFailure failure = lastFailure.get();
                return failure == null ? failure("TIMEOUT", "No session within " + timeout + " s")
                        : failure(failure.kind().name(), failure.detail());
            }
            long start = System.nanoTime();
            java.util.concurrent.CompletableFuture<?> delivery = session.publish(topic,
                    payload.getBytes(StandardCharsets.UTF_8), qos, retain);
            java.util.concurrent.CompletableFuture.anyOf(delivery, stopAsked).get(timeout, TimeUnit.SECONDS);
            if (signal.signalled() && !delivery.isDone()) {
                return StopOnSignal.EXIT_CODE;
            }
            delivery.get();
            print(Json.object().put("event", "published").put("topic", topic).put("qos", qos).put("retain", retain)
                    .put("result", qos == 0 ? "sent" : "acknowledged")
                    .put("milliseconds", (System.nanoTime() - start) / 1_000_000));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("INTERRUPTED", "Interrupted");
        } catch (java.util.concurrent.TimeoutException e) {
            return failure("TIMEOUT", "No acknowledgement from the broker within " + timeout + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            MqttException failure = Bc26MqttClient.failureOf(e);
            return failure(failure.getReason().name(), failure.getMessage());
        } finally {
            session.stop();
            scheduler.shutdownNow();
            if (signal.signalled()) {
                print(stoppedEvent("publish"));
            }
            signal.close();
        }
    }

    private int selfTest(Arguments args) throws UsageException {
        SessionOptions options = sessionOptions(args);
        String topic = args.get("topic");
        if (topic == null) {
            topic = "bc26-selftest/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        }
        try {
            org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics.checkTopicName(topic);
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        String transcriptName = args.get("transcript");
        Path file = Path.of(transcriptName != null ? transcriptName
                : "bc26-selftest-" + java.time.LocalDateTime.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        Duration timeout = Duration.ofSeconds(args.integer("timeout-seconds", 180, 1, 3600));
        String username = options.mqtt().username();
        String password = options.mqtt().password();
        List<String> header = List.of("SOURCE: bc26 selftest, " + version() + ", " + java.time.ZonedDateTime.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                "SESSION: port " + options.port() + " at " + options.serial().baudRate() + " baud, broker "
                        + options.mqtt().host() + ":" + options.mqtt().port() + (options.tls() != null ? " (TLS)" : "")
                        + ", test topic " + topic,
                "NOTES: written by the binding's own driver (each line as sent or printed; \\xHH is a byte that is"
                        + " no text; '// sent after >' marks data sent at the prompt). Redacted: the broker's user"
                        + " name and password (USERNAME, PASSWORD), the IMSI and ICCID after their operator's digits,"
                        + " private keys.");
        SerialTranscript transcript;
        try {
            transcript = new SerialTranscript(file, header,
                    new TranscriptRedactor(username == null ? "" : username, password == null ? "" : password));
        } catch (IOException e) {
            throw new UsageException("Cannot write the transcript " + file + ": " + e.getMessage());
        }
        boolean passed;
        try (transcript) {
            passed = new SelfTest(options, topic, timeout, transcript, this::print).run();
        } catch (IOException e) {
            passed = false;
        }
        IOException writeFailure = transcript.failure();
        print(Json.object().put("event", "transcript").put("file", file.toAbsolutePath().toString()).put("complete",
                writeFailure == null));
        if (writeFailure != null) {
            err.println("The transcript could not be written completely: " + writeFailure.getMessage());
        }
        return passed ? 0 : 1;
    }

    /** The line a command ended by Ctrl+C or SIGTERM prints once its session is closed. */
    private static Json stoppedEvent(String command) {
        return Json.object().put("event", "session").put("online", false).put("reason", "STOPPED").put("detail",
                command + " was stopped and disconnected cleanly");
    }

    private static Json messageJson(MqttMessage message) {
        Json json = Json.object().put("event", "message").put("topic", message.topic())
                .put("messageId", message.messageId());
        String text = message.payloadText();
        if (text != null) {
            json.put("payload", text);
        } else {
            json.put("payloadBase64", Base64.getEncoder().encodeToString(message.payload()));
        }
        return json;
    }

    private synchronized void print(Json json) {
        out.println(json);
        out.flush();
    }

    private int failure(String reason, @Nullable String detail) {
        print(Json.object().put("error", reason).put("detail", detail));
        err.println("Failed: " + reason + (detail == null ? "" : ": " + detail));
        return 1;
    }
}
