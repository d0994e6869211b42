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
package org.openhab.binding.bc26.internal.handler;

import static org.openhab.binding.bc26.internal.Bc26BindingConstants.*;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.Bc26Modem;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.network.Registration;
import org.openhab.binding.bc26.internal.modem.network.SignalQuality;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the modem's signal, cell, registration, operator and network time into the bridge's status channels. Runs on
 * the bridge's own thread (it waits for the modem's answers).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class StatusPoller {

    private final Logger logger = LoggerFactory.getLogger(StatusPoller.class);
    private final BiConsumer<String, State> channels;

    /**
     * @param channels receives each channel id and its new state
     */
    StatusPoller(BiConsumer<String, State> channels) {
        this.channels = channels;
    }

    /**
     * One round of reads; a failure leaves the channels as they were (logged at debug level). Stops as soon as the
     * session is down: a modem that just rebooted answers nothing, and a recovery waits behind this on the bridge's
     * thread.
     */
    void poll(Bc26Modem modem, BooleanSupplier online) {
        List<Read> reads = List.of(this::signal, this::servingCell, this::registration, this::operator,
                this::networkTime);
        try {
            for (Read read : reads) {
                if (!online.getAsBoolean()) {
                    logger.debug("Status refresh stopped: the session is down");
                    return;
                }
                read.from(modem);
            }
        } catch (AtException e) {
            logger.debug("Status refresh failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            logger.debug("Status refresh failed: {}", e.toString());
        }
    }

    /** One read of the round. */
    private interface Read {
        void from(Bc26Modem modem) throws AtException;
    }

    private void signal(Bc26Modem modem) throws AtException {
        SignalQuality signal = modem.signal();
        Integer rssi = signal.rssiDbm();
        update(CHANNEL_RSSI, rssi == null ? UnDefType.UNDEF : new QuantityType<>(rssi, Units.DECIBEL_MILLIWATTS));
        update(CHANNEL_SIGNAL_STRENGTH, rssi == null ? UnDefType.UNDEF : new DecimalType(SignalQuality.bars(rssi)));
        Integer rsrp = signal.rsrpDbm();
        update(CHANNEL_RSRP, rsrp == null ? UnDefType.UNDEF : new QuantityType<>(rsrp, Units.DECIBEL_MILLIWATTS));
        Double rsrq = signal.rsrqDb();
        update(CHANNEL_RSRQ, rsrq == null ? UnDefType.UNDEF : new DecimalType(rsrq));
    }

    private void servingCell(Bc26Modem modem) throws AtException {
        modem.servingCell().ifPresent(cell -> {
            Integer sinr = cell.sinrDb();
            update(CHANNEL_SINR, sinr == null ? UnDefType.UNDEF : new DecimalType(sinr));
            update(CHANNEL_CELL_ID, new StringType(cell.cellId()));
        });
    }

    private void registration(Bc26Modem modem) throws AtException {
        Registration registration = modem.registration();
        update(CHANNEL_REGISTRATION, new StringType(registration.state().name()));
    }

    private void operator(Bc26Modem modem) throws AtException {
        String operator = modem.operator().operator();
        update(CHANNEL_OPERATOR, operator == null ? UnDefType.UNDEF : new StringType(operator));
    }

    private void networkTime(Bc26Modem modem) throws AtException {
        update(CHANNEL_NETWORK_TIME, new DateTimeType(modem.networkTime().toZonedDateTime()));
    }

    private void update(String channel, State state) {
        channels.accept(channel, state);
    }
}
