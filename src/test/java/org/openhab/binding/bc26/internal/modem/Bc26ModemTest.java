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

import static org.junit.jupiter.api.Assertions.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.dialect.ModemDialect;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.dialect.NetworkSetup;
import org.openhab.binding.bc26.internal.modem.network.ModemIdentity;
import org.openhab.binding.bc26.internal.modem.network.NetworkOperator;
import org.openhab.binding.bc26.internal.modem.network.Registration;
import org.openhab.binding.bc26.internal.modem.network.ServingCell;
import org.openhab.binding.bc26.internal.modem.network.SignalQuality;
import org.openhab.binding.bc26.internal.modem.network.SimState;
import org.openhab.binding.bc26.internal.modem.testing.DriverHarness;
import org.openhab.binding.bc26.internal.modem.testing.ScriptedModem;

/**
 * The BC26's own commands against the answers of the BC26 AT manual and real captures (quirks of protocol reference
 * §6: AT+CGSN=1 not AT+CGSN, bare AT+CIMI, no space after the colon, CEREG read vs URC form, QRST without OK).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class Bc26ModemTest {

    private static final NetworkSetup BC26_NETWORK = ModemDialect.of(ModemModel.BC26).network();

    private @NonNullByDefault({}) ScriptedModem modem;
    private @NonNullByDefault({}) DriverHarness driver;
    private @NonNullByDefault({}) Bc26Modem bc26;

    @BeforeEach
    void start() throws Exception {
        modem = ScriptedModem.start();
        driver = new DriverHarness(modem.port());
        bc26 = new Bc26Modem(driver.engine);
    }

    @AfterEach
    void stop() {
        driver.close();
        modem.close();
    }

    @Test
    void identityUsesCgsn1ForTheImei() throws Exception {
        modem.echo(true);
        modem.on("ATI", "\r\nQuectel_Ltd\r\nQuectel_BC26\r\nRevision: BC26NBR01A01\r\n\r\nOK\r\n");
        modem.on("AT\\+CGMR", "\r\nRevision: BC26NBR01A02\r\n\r\nOK\r\n");
        modem.on("AT\\+CGSN=1", "\r\n+CGSN: 866971030000001\r\n\r\nOK\r\n");
        modem.on("AT\\+CIMI", "\r\n460012345678969\r\n\r\nOK\r\n");
        modem.on("AT\\+QCCID", "\r\n+QCCID: 89860317482035195410\r\n\r\nOK\r\n");
        assertEquals(new ModemIdentity("Quectel_Ltd", "Quectel_BC26", "BC26NBR01A02", "866971030000001",
                "460012345678969", "89860317482035195410"), bc26.identity());
        assertFalse(modem.pendingCommands().contains("AT+CGSN"), "plain AT+CGSN answers a UUID");
    }

    @Test
    void identityWithoutSim() throws Exception {
        modem.on("ATI", "\r\nQuectel_Ltd\r\nQuectel_BC26\r\nRevision: BC26NBR01A01\r\n\r\nOK\r\n");
        modem.on("AT\\+CGMR", "\r\nRevision: BC26NBR01A01\r\n\r\nOK\r\n");
        modem.on("AT\\+CGSN=1", "\r\n+CGSN:866971030000001\r\n\r\nOK\r\n");
        modem.on("AT\\+CIMI", "\r\n+CME ERROR: 10\r\n");
        modem.on("AT\\+QCCID", "\r\nOK\r\n");
        ModemIdentity identity = bc26.identity();
        assertEquals("866971030000001", identity.imei());
        assertNull(identity.imsi());
        assertNull(identity.iccid());
    }

    @Test
    void simStates() throws Exception {
        modem.on("AT\\+CPIN\\?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
        assertEquals(SimState.READY, bc26.simState());
        modem.on("AT\\+CPIN\\?", "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
        assertEquals(SimState.PIN_REQUIRED, bc26.simState());
        modem.on("AT\\+CPIN\\?", "\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n");
        assertEquals(SimState.PUK_REQUIRED, bc26.simState());
        modem.on("AT\\+CPIN\\?", "\r\n+CME ERROR: 10\r\n");
        assertEquals(SimState.NOT_INSERTED, bc26.simState());
    }

    @Test
    void aWrongPinIsAnErrorAndThePinIsNeverInTheMessage() {
        modem.on("AT\\+CPIN=\"1234\"", "\r\n+CME ERROR: 16\r\n");
        AtException e = assertThrows(AtException.class, () -> bc26.enterPin("1234"));
        assertEquals(16, e.getCmeError());
        assertFalse(e.getMessage().contains("1234"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bc26.enterPin("12\"34"));
        assertThrows(IllegalArgumentException.class, () -> bc26.enterPin("12"));
    }

    @Test
    void registrationReadFormAndUrcForm() throws Exception {
        modem.on("AT\\+CEREG\\?", "\r\n+CEREG:0,1\r\n\r\nOK\r\n");
        assertEquals(Registration.State.REGISTERED_HOME, bc26.registration().state());
        modem.on("AT\\+CEREG\\?", "\r\n+CEREG: 5\r\n\r\n+CEREG: 2,5,\"0001\",\"0000ABCD\",9\r\n\r\nOK\r\n");
        Registration roaming = bc26.registration();
        assertEquals(Registration.State.REGISTERED_ROAMING, roaming.state());
        assertEquals("0000ABCD", roaming.cellId());
        assertEquals("+CEREG: 5", driver.nextUrc().text(), "the one-field URC is an event");
        assertEquals(Registration.State.DENIED, Registration.parseUrc("3").state());
        assertEquals(Registration.State.SEARCHING, Registration.parseUrc("2,\"69C9\",\"6923252\",9").state());
    }

    @Test
    void signalMapsCsqToDbmAndReadsCesq() throws Exception {
        modem.on("AT\\+CSQ", "\r\n+CSQ: 10,0\r\n\r\nOK\r\n");
        modem.on("AT\\+CESQ", "\r\n+CESQ: 36,99,255,255,12,53\r\n\r\nOK\r\n");
        assertEquals(new SignalQuality(-93, -87, -13.5), bc26.signal());
        modem.on("AT\\+CSQ", "\r\n+CSQ: 99,99\r\n\r\nOK\r\n");
        modem.on("AT\\+CESQ", "\r\n+CESQ: 99,99,255,255,255,255\r\n\r\nOK\r\n");
        assertEquals(new SignalQuality(null, null, null), bc26.signal());
        assertEquals(-113, SignalQuality.csqToDbm(0));
        assertEquals(-51, SignalQuality.csqToDbm(31));
        assertEquals(0, SignalQuality.bars(-113));
        assertEquals(4, SignalQuality.bars(-51));
    }

    @Test
    void servingCellFromQeng() throws Exception {
        modem.on("AT\\+QENG=0", "\r\n+QENG: 0,2506,2,62,\"6923252\",-84,-10,-74,2,5,\"69C9\",0,90\r\n\r\nOK\r\n");
        ServingCell cell = bc26.servingCell().orElseThrow();
        assertEquals("6923252", cell.cellId());
        assertEquals(-84, cell.rsrpDbm());
        assertEquals(2, cell.sinrDb());
        assertEquals(5, cell.band());
        modem.on("AT\\+QENG=0", "\r\n+QENG: 0,2506,2,62,\"6923252\",,,,,5,\"69C9\",0,90\r\n\r\nOK\r\n");
        assertNull(bc26.servingCell().orElseThrow().rsrpDbm(), "empty outside RRC idle");
    }

    @Test
    void operatorBandsAndClock() throws Exception {
        modem.on("AT\\+COPS\\?", "\r\n+COPS: 0,2,\"46000\",9\r\n\r\nOK\r\n");
        assertEquals(new NetworkOperator(0, "46000"), bc26.operator());
        modem.on("AT\\+QBAND\\?", "\r\n+QBAND:5\r\n\r\nOK\r\n");
        assertEquals(List.of(5), bc26.bands(BC26_NETWORK));
        modem.on("AT\\+CCLK\\?", "\r\n+CCLK: \"26/11/25,12:00:05+32\"\r\n\r\nOK\r\n");
        assertEquals(OffsetDateTime.of(2026, 11, 25, 12, 0, 5, 0, ZoneOffset.ofHours(8)), bc26.networkTime());
        modem.on("AT\\+CCLK\\?", "\r\n+CCLK: 26/01/02,03:04:05-04\r\n\r\nOK\r\n");
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-1)), bc26.networkTime());
        modem.on("AT\\+CCLK\\?", "\r\n+CCLK: garbage\r\n\r\nOK\r\n");
        assertEquals(AtException.Kind.UNEXPECTED_ANSWER,
                assertThrows(AtException.class, bc26::networkTime).getKind());
        assertThrows(IllegalArgumentException.class, () -> bc26.setBands(List.of(7), BC26_NETWORK));
        assertThrows(IllegalArgumentException.class, () -> bc26.setApn("bad\"apn", BC26_NETWORK));
    }

    @Test
    void keepAwakeDisablesPsmEdrxAndSleepAndToleratesOldFirmware() throws Exception {
        modem.on("AT\\+CPSMS=0", "\r\nOK\r\n").on("AT\\+CEDRXS=0", "\r\nOK\r\n").on("AT\\+QSCLK=0", "\r\nOK\r\n");
        modem.on("AT\\+QEDRXCFG=0", "\r\nERROR\r\n");
        bc26.keepAwake();
        assertEquals(List.of("AT+CPSMS=0", "AT+CEDRXS=0", "AT+QEDRXCFG=0", "AT+QSCLK=0"),
                List.of(modem.nextCommand(), modem.nextCommand(), modem.nextCommand(), modem.nextCommand()));
    }

    @Test
    void rebootExpectsNoOkThenTheBanner() throws Exception {
        modem.on("AT\\+QRST=1", "\n\rF1: 0000 0000\n\rV0: 0000 0000 [0001]\n\rLeaving the BROM\n\r");
        modem.on("AT", "\r\nOK\r\n");
        bc26.reboot();
        org.openhab.binding.bc26.internal.modem.testing.Await.until("banner seen", () -> driver.restarts.get() == 1);
        bc26.synchronize();
    }
}
