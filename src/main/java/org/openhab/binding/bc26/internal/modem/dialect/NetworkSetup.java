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
package org.openhab.binding.bc26.internal.modem.dialect;

import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtResponse;

/**
 * How a model is told its APN and its bands: BC26 and its NB-IoT successors with {@code AT+QCGDEFCONT} and
 * {@code AT+QBAND}, BG95/BG96/BG77 with {@code AT+QICSGP} and {@code AT+QCFG="band"}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface NetworkSetup {

    /** The command that sets the APN (already checked to be safe to send). */
    AtCommand setApn(String apn);

    AtCommand queryApn();

    /** The APN an answer to {@link #queryApn()} names, or empty. */
    Optional<String> apnOf(AtResponse answer);

    /** Whether a new APN takes effect only after a reboot (BC26's default bearer). */
    boolean apnNeedsReboot();

    /**
     * The command that locks the modem to these bands.
     *
     * @throws IllegalArgumentException for bands the model does not have
     */
    AtCommand setBands(List<Integer> bands);

    AtCommand queryBands();

    /** The bands an answer to {@link #queryBands()} names. */
    List<Integer> bandsOf(AtResponse answer);
}
