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
package org.openhab.binding.bc26.internal.modem.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.setting.InvalidSettingException;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks the certificates a {@link TlsConfig} names and puts them into the modem, once per modem start;
 * a modem that keeps files (BG9x) and was given the same certificates before (noted by its IMEI in the config's
 * upload record) is only asked whether it still holds them. Everything that can go wrong is the user's to fix, so
 * it is an {@link InvalidSettingException}: a model without TLS, a certificate that cannot be read, one the modem
 * refuses.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TlsInstaller {

    private static final Logger LOGGER = LoggerFactory.getLogger(TlsInstaller.class);

    private TlsInstaller() {
    }

    /**
     * @param model the model's name, for messages
     * @param modemTls how the model takes certificates, empty for a model without TLS
     * @param imei the modem's identity, to know whether it was given these certificates before
     * @return the material the modem now holds
     */
    public static TlsMaterial install(TlsConfig config, String model, Optional<ModemTls> modemTls, AtEngine engine,
            String imei) throws InvalidSettingException {
        ModemTls tls = modemTls.orElseThrow(() -> SettingError.TLS_UNSUPPORTED.with(model));
        TlsMaterial material = TlsMaterialLoader.load(config);
        String uploaded = imei + " " + material.fingerprint();
        Path record = config.uploadRecord();
        try {
            if (record != null && uploaded.equals(readRecord(record)) && tls.holds(engine, material)) {
                LOGGER.debug("The {} holds these TLS certificates already", model);
            } else {
                LOGGER.debug("Putting the TLS certificates into the {} (security level {})", model,
                        material.securityLevel());
                tls.upload(engine, material);
                writeRecord(record, uploaded);
            }
        } catch (AtException e) {
            throw SettingError.TLS_REFUSED.with(model,
                    e.getCmeError() >= 0 ? "+CME ERROR: " + e.getCmeError() : "ERROR");
        }
        return material;
    }

    private static String readRecord(Path record) {
        try {
            return Files.exists(record) ? Files.readString(record, StandardCharsets.US_ASCII).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void writeRecord(@Nullable Path record, String uploaded) {
        if (record == null) {
            return;
        }
        try {
            Path parent = record.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(record, uploaded + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // Only costs an upload at the next start.
            LOGGER.debug("Cannot note the certificates put into the modem in {}: {}", record, e.getMessage());
        }
    }
}
