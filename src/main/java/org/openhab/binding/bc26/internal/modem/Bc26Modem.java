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
package org.openhab.binding.bc26.internal.modem;

import java.util.Objects;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtEngine;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.at.AtResponse;
import org.openhab.binding.bc26.internal.modem.at.AtResponse;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.dialect.NetworkSetup;
import org.openhab.binding.bc26.internal.modem.network.Fields;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.network.NetworkClock;
import org.openhab.binding.bc26.internal.modem.network.NetworkOperator;
import org.openhab.binding.bc26.internal.modem.network.Registration;
import org.openhab.binding.bc26.internal.modem.network.ServingCell;
import org.openhab.binding.bc26.internal.modem.network.SignalQuality;
import org.openhab.binding.bc26.internal.modem.network.SimState;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;

/**
 * The BC26's own commands (identity, SIM, network, power saving, clock, reset) as typed calls, with the answer
 * times of the BC26 AT Commands Manual V1.1. Every method blocks until the modem answered: call them from a
 * scheduler thread, never from the link's reader thread.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26Modem {

    private static final Duration CPIN_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Reads of the radio's state (AT+CSQ, AT+CESQ, AT+QENG, AT+CEREG?, AT+CGATT?): 300 ms in the manual, but an NB-IoT
     * modem's AT task stalls for a second or more during RRC set-up, random access, cell reselection and PSM exit
     * (seen: QENG answered 650 ms late). Waiting three seconds costs nothing on an idle line; a timeout costs a step
     * check.
     */
    static final Duration CELL_READ_TIMEOUT = Duration.ofSeconds(3);
    /** Reads of the modem's own identity, answered from its memory. */
    static final Duration IDENTITY_TIMEOUT = Duration.ofSeconds(1);
    /** +CME ERROR: 14, "SIM busy": common right after a start, while the modem reads the SIM. */
    private static final int CME_SIM_BUSY = 14;
    /** How long a busy SIM is asked again, once a second. */
    static final int SIM_BUSY_TRIES = 10;
    private static final Duration CFUN_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CGATT_TIMEOUT = Duration.ofSeconds(75);
    /**
     * AT+COPS? reads the modem's state and answers at once; the manual's 630 s is the network scan of AT+COPS=?. A
     * longer wait would only hold the bridge's thread (status polls run there, before a recovery).
     */
    private static final Duration COPS_TIMEOUT = Duration.ofSeconds(10);

    private final AtEngine engine;

    public Bc26Modem(AtEngine engine) {
        this.engine = engine;
    }

    /** The engine, for raw commands. */
    public AtEngine engine() {
        return engine;
    }

    /**
     * Finds the baud rate and wakes the modem: AT until OK (auto-baud and sleep both swallow the first ones).
     *
     * @throws AtException TIMEOUT if the modem never answers
     */
    public void synchronize() throws AtException {
        engine.synchronize(10, Duration.ofMillis(500));
    }

    /** ATE0 / ATE1. */
    public void setEcho(boolean on) throws AtException {
        engine.execute(AtCommand.of(on ? "ATE1" : "ATE0"));
    }

    /** Numeric +CME ERROR codes (AT+CMEE=1), so failures can be told apart. */
    public void enableNumericErrors() throws AtException {
        engine.execute(AtCommand.of("AT+CMEE=1"));
    }

    /** ATI, AT+CGMR, AT+CGSN=1 (the IMEI; plain AT+CGSN is a UUID), AT+CIMI and AT+QCCID. */
    public ModemIdentity identity() throws AtException {
        List<String> ati = engine.execute(AtCommand.of("ATI").withBareInfo().withTimeout(IDENTITY_TIMEOUT)).lines();
        String manufacturer = ati.size() > 0 ? ati.get(0) : "";
        String model = ati.size() > 1 ? ati.get(1) : "";
        String revision = engine.execute(AtCommand.of("AT+CGMR").withBareInfo().withTimeout(IDENTITY_TIMEOUT))
                .lines().stream()
                .filter(l -> l.startsWith("Revision:")).map(l -> l.substring("Revision:".length()).trim()).findFirst()
                .orElseGet(() -> Objects.requireNonNullElse(ati.stream().filter(l -> l.startsWith("Revision:"))
                        .map(l -> l.substring("Revision:".length()).trim()).findFirst().orElse(null), ""));
        String imei = engine.execute(AtCommand.of("AT+CGSN=1").withTimeout(IDENTITY_TIMEOUT)).requireValue("+CGSN:");
        return new ModemIdentity(manufacturer, model, revision, imei, imsi(), iccid());
    }

    private @Nullable String imsi() {
        try {
            String line = engine.execute(AtCommand.of("AT+CIMI").withBareInfo().withTimeout(IDENTITY_TIMEOUT))
                    .firstLine();
            return line.matches("\\d{6,15}") ? line : null;
        } catch (AtException e) {
            return null;
        }
    }

    private @Nullable String iccid() {
        try {
            // "If no USIM card is present, or the USIM card is unreadable, no data is returned."
            return engine.execute(AtCommand.of("AT+QCCID").withTimeout(IDENTITY_TIMEOUT)).value("+QCCID:").orElse(null);
        } catch (AtException e) {
            return null;
        }
    }

    /**
     * AT+CPIN?; a missing or broken SIM (+CME ERROR 10/13) is {@link SimState#NOT_INSERTED}; a busy one (+CME ERROR:
     * 14, while the modem still reads it after a start) is asked again once a second, up to {@value #SIM_BUSY_TRIES}
     * times. Blocks the caller meanwhile: call it on the session's own thread.
     */
    public SimState simState() throws AtException {
        for (int attempt = 1;; attempt++) {
            try {
                return SimState.parse(engine.execute(AtCommand.of("AT+CPIN?").withTimeout(CPIN_TIMEOUT))
                        .requireValue("+CPIN:"));
            } catch (AtException e) {
                if (e.getKind() == AtException.Kind.CME_ERROR && (e.getCmeError() == 10 || e.getCmeError() == 13)) {
                    return SimState.NOT_INSERTED;
                }
                if (e.getKind() != AtException.Kind.CME_ERROR || e.getCmeError() != CME_SIM_BUSY
                        || attempt >= SIM_BUSY_TRIES) {
                    throw e;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static void pause(Duration delay) throws AtException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(AtException.Kind.CLOSED, "Interrupted");
        }
    }

    /**
     * A SIM PIN the modem can be given: 4 to 8 digits.
     *
     * @throws IllegalArgumentException otherwise (the message does not contain the PIN)
     */
    public static void checkPin(String pin) {
        if (!pin.matches("\\d{4,8}")) {
            throw SettingError.PIN_FORMAT.with();
        }
    }

    /**
     * An APN that can be sent safely: 1 to 62 letters, digits, dots, hyphens or underscores.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static void checkApn(String apn) {
        if (!apn.matches("[A-Za-z0-9.\\-_]{1,62}")) {
            throw SettingError.APN_FORMAT.with();
        }
    }

    /**
     * AT+CPIN="pin". The PIN never appears in logs.
     *
     * @throws IllegalArgumentException if the PIN is not 4 to 8 digits
     */
    public void enterPin(String pin) throws AtException {
        checkPin(pin);
        engine.execute(AtCommand.of("AT+CPIN=\"" + pin + "\"").withLogText("AT+CPIN=\"****\"")
                .withInfo(l -> false).withTimeout(CPIN_TIMEOUT));
    }

    /** AT+CEREG=n: 1 reports +CEREG: stat, 2 adds TAC and cell id. */
    public void enableRegistrationUrc(int n) throws AtException {
        engine.execute(AtCommand.of("AT+CEREG=" + n));
    }

    /** AT+CEREG? (the read form; its URC form has one field fewer). */
    public Registration registration() throws AtException {
        String value = engine.execute(AtCommand.of("AT+CEREG?").withTimeout(CELL_READ_TIMEOUT)
                .withInfo(l -> l.startsWith("+CEREG:") && Fields.split(l.substring(7)).length >= 2))
                .requireValue("+CEREG:");
        return parse(() -> Registration.parseRead(value));
    }

    /** AT+CGATT?: whether the packet domain is attached. */
    public boolean attached() throws AtException {
        return "1".equals(engine.execute(AtCommand.of("AT+CGATT?").withTimeout(CELL_READ_TIMEOUT))
                .requireValue("+CGATT:").trim());
    }

    /** AT+CGATT=1 / 0 (up to 75 s). */
    public void attach(boolean attach) throws AtException {
        engine.execute(AtCommand.of("AT+CGATT=" + (attach ? 1 : 0)).withTimeout(CGATT_TIMEOUT));
    }

    /** AT+CSQ and AT+CESQ. */
    public SignalQuality signal() throws AtException {
        String csq = engine.execute(AtCommand.of("AT+CSQ").withTimeout(CELL_READ_TIMEOUT)).requireValue("+CSQ:");
        SignalQuality quality = new SignalQuality(parse(() -> SignalQuality.parseCsq(csq)), null, null);
        Optional<String> cesq = engine.execute(AtCommand.of("AT+CESQ").withTimeout(CELL_READ_TIMEOUT))
                .value("+CESQ:");
        return cesq.isPresent() ? parse(() -> quality.withCesq(cesq.get())) : quality;
    }

    /** AT+QENG=0: the serving cell, or empty when the modem reports none. */
    public Optional<ServingCell> servingCell() throws AtException {
        AtResponse response = engine.execute(AtCommand.of("AT+QENG=0").withTimeout(CELL_READ_TIMEOUT));
        for (String line : response.lines()) {
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (value.startsWith("0,")) {
                return Optional.of(parse(() -> ServingCell.parse(value)));
            }
        }
        return Optional.empty();
    }

    /** AT+COPS?. */
    public NetworkOperator operator() throws AtException {
        String value = engine.execute(AtCommand.of("AT+COPS?").withTimeout(COPS_TIMEOUT)).requireValue("+COPS:");
        return parse(() -> NetworkOperator.parse(value));
    }

    /** The bands in use, asked as the model wants. */
    public List<Integer> bands(NetworkSetup network) throws AtException {
        AtResponse answer = engine.execute(network.queryBands());
        return parse(() -> network.bandsOf(answer));
    }

    /** Locks the modem to bands, told as the model wants. @throws IllegalArgumentException for bands it lacks */
    public void setBands(List<Integer> bands, NetworkSetup network) throws AtException {
        engine.execute(network.setBands(bands));
    }

    /** Sets the APN as the model takes it. @throws IllegalArgumentException if the APN cannot be sent safely */
    public void setApn(String apn, NetworkSetup network) throws AtException {
        checkApn(apn);
        engine.execute(network.setApn(apn));
    }

    /** The configured APN as the model names it, or empty. */
    public Optional<String> apn(NetworkSetup network) throws AtException {
        return network.apnOf(engine.execute(network.queryApn()));
    }

    /**
     * Keeps the modem reachable (AT+CPSMS=0, AT+CEDRXS=0, AT+QEDRXCFG=0, AT+QSCLK=0, as the seed capture does) or
     * leaves power saving to the modem's stored settings. In PSM, eDRX or sleep the modem misses downlink messages
     * and swallows the first AT (protocol reference §6.3-6.4).
     */
    public void keepAwake() throws AtException {
        engine.execute(AtCommand.of("AT+CPSMS=0"));
        engine.execute(AtCommand.of("AT+CEDRXS=0"));
        try {
            // Not in the BC26 manual V1.1 but answered OK by real BC26 firmware; older firmware says ERROR.
            engine.execute(AtCommand.of("AT+QEDRXCFG=0"));
        } catch (AtException e) {
            if (e.getKind() != AtException.Kind.ERROR && e.getKind() != AtException.Kind.CME_ERROR) {
                throw e;
            }
        }
        engine.execute(AtCommand.of("AT+QSCLK=0"));
    }

    /** Allows power saving: AT+QSCLK=1 and AT+CPSMS=1 with the network's default timers. */
    public void allowPowerSaving() throws AtException {
        engine.execute(AtCommand.of("AT+CPSMS=1"));
        engine.execute(AtCommand.of("AT+QSCLK=1"));
    }

    /** AT+CCLK?: the network time. */
    public OffsetDateTime networkTime() throws AtException {
        String value = engine.execute(AtCommand.of("AT+CCLK?")).requireValue("+CCLK:");
        return parse(() -> NetworkClock.parse(value));
    }

    /** AT+CFUN=fun (0 minimum, 1 full, 4 RF off), up to 15 s. */
    public void setFunctionality(int fun) throws AtException {
        if (fun != 0 && fun != 1 && fun != 4 && fun != 7) {
            throw new IllegalArgumentException("AT+CFUN takes 0, 1, 4 or 7, not " + fun);
        }
        engine.execute(AtCommand.of("AT+CFUN=" + fun).withTimeout(CFUN_TIMEOUT));
    }

    /**
     * AT+QRST=1: reboots at once. The modem answers no OK, prints its boot banner and loses all state; the caller
     * must synchronise again.
     */
    public void reboot() throws AtException {
        engine.execute(AtCommand.of("AT+QRST=1").withoutFinalResult());
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> T parse(Parse<T> parse) throws AtException {
        try {
            return parse.run();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new AtException(AtException.Kind.UNEXPECTED_ANSWER, String.valueOf(e.getMessage()));
        }
    }
}
