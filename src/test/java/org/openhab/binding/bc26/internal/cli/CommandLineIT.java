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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.bc26.internal.TestPaths;
import org.openhab.binding.bc26.internal.modem.testing.Mosquitto;
import org.openhab.binding.bc26.internal.modem.testing.Observer;
import org.openhab.binding.bc26.simulator.Bc26Simulator;
import org.openhab.binding.bc26.simulator.SimTransport;

/**
 * The command line exactly as an installer runs it: {@code java -jar} on the built bundle (a separate JVM without
 * SLF4J on its class path), against the simulator on a TCP port and a real mosquitto.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class CommandLineIT {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private @NonNullByDefault({}) Mosquitto broker;
    private @NonNullByDefault({}) SimTransport modem;

    /** Output and exit code of one run. */
    private record Run(int code, List<String> out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir, "farm", "s3cret");
        Bc26Simulator.Options options = new Bc26Simulator.Options();
        options.timeScale = 0.05;
        modem = SimTransport.onTcp(options, 0);
    }

    @AfterEach
    void stop() {
        modem.close();
        broker.close();
    }

    /** {@code java -jar} on the built bundle with {@code args}, its stderr into err.txt. */
    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", TestPaths.required("bc26.bundle")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile()).start();
    }

    private Run run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        List<String> out = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
            }
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command line ends");
        return new Run(process.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    private Path passwordFile() throws IOException {
        return Files.writeString(dir.resolve("password"), "s3cret\n");
    }

    @Test
    void probePrintsIdentitySimRegistrationAndSignal() throws Exception {
        Run run = run("probe", "--port", modem.portName());
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.out().size());
        String json = run.out().get(0);
        assertTrue(json.contains("\"imei\":\"866971030000001\""), json);
        assertTrue(json.contains("\"sim\":\"READY\""), json);
        assertTrue(json.contains("\"registration\":\"REGISTERED_HOME\""), json);
        assertTrue(json.contains("\"rssiDbm\":-73"), json);
        assertTrue(json.contains("\"cellId\":\"6923252\""), "the cell the modem reports: " + json);
        assertTrue(json.contains("\"dialect\":\"BC26\""), "the model read from ATI: " + json);
    }

    @Test
    void publishDeliversToTheBrokerWithCredentials() throws Exception {
        try (Observer observer = new Observer(broker.uri(), "obs", "farm", "s3cret")) {
            observer.subscribe("cli/#", 1);
            Run run = run("publish", "--port", modem.portName(), "--host", "127.0.0.1", "--mqtt-port",
                    Integer.toString(broker.port()), "--username", "farm", "--password-file",
                    passwordFile().toString(), "--topic", "cli/up", "--payload", "{\"v\": \"1,2\"}", "--qos", "1");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().get(run.out().size() - 1).contains("\"result\":\"acknowledged\""),
                    run.out().toString());
            assertEquals("{\"v\": \"1,2\"}", observer.next(30).payload());
            assertFalse(String.join("\n", run.out()).contains("s3cret"));
            assertFalse(run.err().contains("s3cret"));
        }
    }

    @Test
    void whatRetryingCannotFixEndsTheCommandAtOnce() throws Exception {
        // A topic that can never be published is refused before any modem is looked for.
        Run wildcard = run("publish", "--port", dir.resolve("no-such-port").toString(), "--host", "127.0.0.1",
                "--topic", "cli/#", "--payload", "x");
        assertEquals(2, wildcard.code(), wildcard.err());
        assertTrue(wildcard.err().contains("wildcard"), wildcard.err());
        // A serial server given without its scheme gets a hint, once.
        Run address = run("publish", "--port", "127.0.0.1:5000", "--host", "127.0.0.1", "--topic", "cli/up",
                "--payload", "x");
        assertEquals(1, address.code(), address.err());
        assertTrue(address.err().contains("socket://127.0.0.1:5000"), address.err());
        assertEquals(1, address.err().lines().filter(line -> line.startsWith("Failed")).count(), address.err());
        // A broker refusing the account is a configuration error: exit 1 with its reason, not 180 s of back-off.
        Run refused = run("publish", "--port", modem.portName(), "--host", "127.0.0.1", "--mqtt-port",
                Integer.toString(broker.port()), "--username", "farm", "--password-file",
                Files.writeString(dir.resolve("wrong"), "wrong\n").toString(), "--topic", "cli/up", "--payload", "x");
        assertEquals(1, refused.code(), refused.err());
        String last = refused.out().get(refused.out().size() - 1);
        assertTrue(last.contains("\"error\":\"CONNECTION_REFUSED\""), refused.out().toString());
        assertFalse(modemWasReset(), "no radio reset or reboot for a refused account");
        for (Run run : List.of(wildcard, address, refused)) {
            String all = String.join("\n", run.out()) + run.err();
            assertFalse(all.contains("Exception") || all.contains("org.openhab.binding.bc26.internal"),
                    "no Java class names: " + all);
        }
    }

    private boolean modemWasReset() {
        return modem.simulator().receivedCommands().stream()
                .anyMatch(command -> command.equals("AT+CFUN=0") || command.equals("AT+QRST=1"));
    }

    @Test
    void monitorPrintsSessionEventsAndMessagesThenExitsAfterCount() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", TestPaths.required("bc26.bundle"), "monitor", "--port", modem.portName(),
                "--host", "127.0.0.1", "--mqtt-port", Integer.toString(broker.port()), "--username", "farm",
                "--password-file", passwordFile().toString(), "--subscribe", "down/#:1", "--count", "1",
                "--seconds", "60"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> out = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8);
                Observer observer = new Observer(broker.uri(), "obs", "farm", "s3cret")) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
                if (line.contains("\"online\":true")) {
                    // Subscriptions are sent right after the connect; publish retained so timing cannot lose it.
                    observer.publish("down/cmd", "bin\u00e4r \"x\"", 1, true);
                }
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out.toString());
        String lastSession = out.stream().filter(l -> l.contains("\"event\":\"session\"")).reduce((a, b) -> b)
                .orElse("");
        assertTrue(lastSession.contains("\"online\":false") && lastSession.contains("\"reason\":\"STOPPED\""),
                "the clean shutdown says what it is: " + lastSession);
        assertTrue(out.stream().anyMatch(l -> l.contains("\"event\":\"message\"") && l.contains("\"topic\":\"down/cmd\"")
                && l.contains("\"payload\":\"bin\u00e4r \\\"x\\\"\"")), out.toString());
    }

    @Test
    void aFileThatIsNoSerialPortIsItsOwnReason() throws Exception {
        Run run = run("probe", "--port", "/dev/null");
        assertEquals(1, run.code(), run.out().toString());
        String last = run.out().get(run.out().size() - 1);
        assertTrue(last.contains("\"error\":\"NOT_A_SERIAL_PORT\""), "not PORT_IN_USE: " + last);
    }

    @Test
    void aPayloadTooLargeNamesEachFamilysLimitAndTheModelsOwn() throws Exception {
        String twoKilobytes = "x".repeat(2048);
        Run anyModel = run("publish", "--port", modem.portName(), "--host", "127.0.0.1", "--topic", "t", "--payload",
                twoKilobytes);
        assertEquals(2, anyModel.code());
        assertTrue(anyModel.err().contains("BC26, BG95, BG96 and BG77 take at most 1024 bytes"), anyModel.err());
        Run bc26 = run("publish", "--port", modem.portName(), "--host", "127.0.0.1", "--model", "BC26", "--topic", "t",
                "--payload", twoKilobytes);
        assertEquals(2, bc26.code());
        assertTrue(bc26.err().contains("1024") && !bc26.err().contains("1460"), bc26.err());
    }

    @Test
    void publishPrintsEachFailedAttemptAsItHappens() throws Exception {
        int closedPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        Run run = run("publish", "--port", modem.portName(), "--host", "127.0.0.1", "--mqtt-port",
                Integer.toString(closedPort), "--topic", "cli/up", "--payload", "x", "--timeout-seconds", "8");
        assertEquals(1, run.code(), run.out().toString());
        assertTrue(run.out().stream().anyMatch(l -> l.contains("\"event\":\"session\"")
                && l.contains("\"reason\":\"BROKER_UNREACHABLE\"")), "the attempt, not only the end: " + run.out());
    }

    /** SIGTERM (and Ctrl+C, which the JVM treats alike) ends monitor as its own end does: STOPPED, disconnected. */
    @Test
    void aSignalEndsMonitorWithTheCleanCloseAndItsStoppedLine() throws Exception {
        Process process = start("monitor", "--port", modem.portName(), "--host", "127.0.0.1", "--mqtt-port",
                Integer.toString(broker.port()), "--username", "farm", "--password-file", passwordFile().toString(),
                "--subscribe", "down/#:1");
        List<String> out = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
                if (line.contains("\"online\":true")) {
                    // SIGTERM as a service manager sends it (Process.destroy would also close our end of its output)
                    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
                }
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the command line ends");
        assertEquals(143, process.exitValue(), "ended by SIGTERM, after its hook: " + out);
        String last = out.get(out.size() - 1);
        assertTrue(last.contains("\"reason\":\"STOPPED\""), "the last line says the end was asked for: " + out);
        assertTrue(modem.simulator().receivedCommands().contains("AT+QMTDISC=0"),
                "the modem's MQTT client was disconnected: " + modem.simulator().receivedCommands());
    }

    @Test
    void monitorFailsWhenFewerMessagesThanCountCameInTheTimeGiven() throws Exception {
        Run run = run("monitor", "--port", modem.portName(), "--host", "127.0.0.1", "--mqtt-port",
                Integer.toString(broker.port()), "--username", "farm", "--password-file", passwordFile().toString(),
                "--subscribe", "silent/#:1", "--count", "2", "--seconds", "3");
        assertEquals(1, run.code(), run.out().toString());
        assertTrue(run.out().stream().anyMatch(l -> l.contains("\"online\":true")), "the session came up: "
                + run.out());
        assertTrue(run.out().stream().anyMatch(l -> l.contains("\"event\":\"receiveFormat\"")
                && l.contains("\"format\":\"hex\"")), "hex by default: " + run.out());
        String last = run.out().get(run.out().size() - 1);
        assertTrue(last.contains("\"error\":\"TOO_FEW_MESSAGES\"") && last.contains("0 of 2 messages in 3 s"), last);
        assertTrue(run.err().contains("TOO_FEW_MESSAGES"), run.err());
        Run badFormat = run("monitor", "--port", modem.portName(), "--host", "127.0.0.1", "--subscribe", "a",
                "--receive-format", "base64");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("--receive-format is hex, text or buffered"), badFormat.err());
    }

    @Test
    void atSendsOneRawCommand() throws Exception {
        Run run = run("at", "--port", modem.portName(), "AT+CSQ");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("+CSQ: 20,99", "OK"), run.out());
    }

    @Test
    void badArgumentsExit2AndFailuresExit1WithTheReason() throws Exception {
        Run usage = run("publish", "--port", modem.portName());
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--host is required") && usage.err().contains("publish --help"),
                "one line saying what is missing and where the usage is: " + usage.err());
        assertFalse(usage.err().contains("Usage:"), "not the whole usage: " + usage.err());
        Run injected = run("at", "--port", modem.portName(), "AT\r\nAT+QRST=1");
        assertEquals(2, injected.code(), "a command with a line break is refused before the modem");
        Run missing = run("probe", "--port", dir.resolve("no-such-port").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.out().get(0).contains("PORT_NOT_FOUND"), missing.out().toString());
        Run badHost = run("publish", "--port", modem.portName(), "--host", "bad\"host", "--topic", "t",
                "--payload", "p");
        assertEquals(2, badHost.code());
        assertTrue(badHost.err().contains("double quote"), badHost.err());
        Run unchecked = run("publish", "--port", modem.portName(), "--host", "localhost", "--tls", "--topic", "t",
                "--payload", "p");
        assertEquals(2, unchecked.code(), "TLS without a CA asks for one, or for --insecure");
        assertTrue(unchecked.err().contains("--ca-file"), unchecked.err());
        Run badModel = run("probe", "--port", modem.portName(), "--model", "SIM800");
        assertEquals(2, badModel.code());
        assertTrue(badModel.err().contains("BC660K"), badModel.err());
        Run noTls = run("publish", "--port", modem.portName(), "--host", "localhost", "--tls", "--insecure",
                "--topic", "t", "--payload", "p", "--timeout-seconds", "60");
        assertEquals(1, noTls.code(), "the simulated BC26 has no TLS: a configuration error, at once");
        assertTrue(noTls.out().get(noTls.out().size() - 1).contains("BC26 has no TLS"), noTls.out().toString());
    }
}
