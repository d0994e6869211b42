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
package org.openhab.binding.bc26.internal.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.link.LinkException;
import org.openhab.binding.bc26.internal.modem.link.LinkListener;
import org.openhab.binding.bc26.internal.modem.link.ModemLink;
import org.openhab.binding.bc26.internal.modem.link.ModemLinks;
import org.openhab.binding.bc26.internal.modem.link.SerialSettings;

/**
 * Asks a serial port, gently, whether a Quectel modem is behind it: {@code AT} (twice, as a sleeping BC26 swallows the
 * first line), then {@code ATI}; only to a device that names itself Quectel, {@code AT+CGSN=1} for its IMEI (a read).
 * Nothing that changes a setting is ever sent, and each answer is waited for only briefly, because the port may be any
 * serial device (a Zigbee stick, a GPS, a UPS).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class PortProbe {

    /** What a Quectel modem said about itself. */
    record Identity(String model, String imei) {
    }

    private final Duration answerTimeout;

    /** @param answerTimeout how long each answer may take (a modem answers in milliseconds) */
    PortProbe(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    /** The Quectel modem on {@code port}, or empty when the port cannot be opened or nothing there answers as one. */
    Optional<Identity> identify(String port) {
        Lines lines = new Lines();
        try (ModemLink link = ModemLinks.open(port, SerialSettings.DEFAULT, lines)) {
            if (ask(link, lines, "AT").isEmpty() && ask(link, lines, "AT").isEmpty()) {
                return Optional.empty();
            }
            List<String> ati = ask(link, lines, "ATI").orElse(List.of());
            if (ati == null || ati.stream().noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("quectel"))) {
                return Optional.empty();
            }
            List<String> cgsn = ask(link, lines, "AT+CGSN=1").orElse(List.of());
            String imei = "";
            for (String line : cgsn == null ? List.<String> of() : cgsn) {
                String digits = line.replaceAll("[^0-9]", "");
                if (digits.length() == 15) {
                    imei = digits;
                    break;
                }
            }
            return Optional.of(new Identity(modelOf(ati), imei));
        } catch (LinkException e) {
            // not openable: no modem to offer (busy, forbidden, gone, not a serial port)
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The model in ATI's answer: {@code Quectel_BC26} gives BC26, {@code BG96} BG96, {@code BC660K-GL} BC660K. */
    static String modelOf(List<String> ati) {
        for (String line : ati) {
            Matcher model = MODEL.matcher(line);
            if (model.find()) {
                return model.group(1).toUpperCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static final Pattern MODEL = Pattern.compile("(?i)(BC660K|BC260Y|BC26|BG95|BG96|BG77)");

    /** The lines of the answer to {@code command} before its {@code OK}; empty when no OK came in time. */
    private Optional<List<String>> ask(ModemLink link, Lines lines, String command)
            throws LinkException, InterruptedException {
        lines.clear();
        link.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
        return lines.awaitOk(answerTimeout);
    }

    /** The device's output as lines, handed from the link's reader to the probing thread. */
    private static final class Lines implements LinkListener {

        private final StringBuilder text = new StringBuilder();

        synchronized void clear() {
            text.setLength(0);
        }

        @Override
        public synchronized void bytesReceived(byte[] data, int length) {
            text.append(new String(data, 0, length, StandardCharsets.ISO_8859_1));
            notifyAll();
        }

        @Override
        public synchronized void linkLost(String reason) {
            notifyAll();
        }

        /** The lines before an {@code OK} line, waited for at most {@code timeout}; empty without OK. */
        synchronized Optional<List<String>> awaitOk(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<String> before = new ArrayList<>();
                for (String line : text.toString().split("\r\n|\r|\n")) {
                    String trimmed = line.trim();
                    if (trimmed.equals("OK")) {
                        return Optional.of(before);
                    }
                    if (!trimmed.isEmpty() && !trimmed.startsWith("AT")) {
                        before.add(trimmed);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
