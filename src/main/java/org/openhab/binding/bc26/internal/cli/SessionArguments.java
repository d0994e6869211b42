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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.cli.Arguments.UsageException;
import org.openhab.binding.bc26.internal.modem.SessionOptions;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttSettings;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.tls.TlsConfig;

/**
 * The options every command that runs a session shares ({@code --port}, {@code --host}, credentials, TLS,
 * {@code --model}), turned into the driver's {@link SessionOptions}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class SessionArguments {

    private SessionArguments() {
    }

    static SessionOptions sessionOptions(Arguments args) throws UsageException {
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
    static @Nullable ModemModel model(Arguments args) throws UsageException {
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
}
