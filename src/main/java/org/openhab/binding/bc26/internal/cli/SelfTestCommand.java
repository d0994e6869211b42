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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;
import org.openhab.binding.bc26.internal.modem.SessionOptions;

/**
 * {@code selftest}: the arguments and the transcript file around a {@link SelfTest} run.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SelfTestCommand {

    private final CliOutput output;

    SelfTestCommand(CliOutput output) {
        this.output = output;
    }

    int selfTest(Arguments args) throws UsageException {
        SessionOptions options = SessionArguments.sessionOptions(args);
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
        List<String> header = List.of("SOURCE: bc26 selftest, " + Bc26CommandLine.version() + ", " + java.time.ZonedDateTime.now()
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
            passed = new SelfTest(options, topic, timeout, transcript, output::print).run();
        } catch (IOException e) {
            passed = false;
        }
        IOException writeFailure = transcript.failure();
        output.print(Json.object().put("event", "transcript").put("file", file.toAbsolutePath().toString()).put("complete",
                writeFailure == null));
        if (writeFailure != null) {
            output.error("The transcript could not be written completely: " + writeFailure.getMessage());
        }
        return passed ? 0 : 1;
    }
}
