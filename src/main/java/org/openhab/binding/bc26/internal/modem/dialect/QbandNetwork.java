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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtResponse;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.network.Fields;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.setting.SettingField;

/**
 * BC26, BC660K, BC260Y: {@code AT+QCGDEFCONT="IP","<apn>"} (the default bearer, written to memory, used after a
 * reboot) and {@code AT+QBAND=<n>,<band>,...}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class QbandNetwork implements NetworkSetup {

    private final String model;
    /** The bands the model has, where its documents list them (BC26); empty: any LTE band, the modem decides. */
    private final List<Integer> supportedBands;

    QbandNetwork(String model, List<Integer> supportedBands) {
        this.model = model;
        this.supportedBands = supportedBands;
    }

    @Override
    public AtCommand setApn(String apn) {
        return AtCommand.of("AT+QCGDEFCONT=\"IP\"," + AtText.quoted(apn, SettingField.APN, 62));
    }

    @Override
    public AtCommand queryApn() {
        return AtCommand.of("AT+QCGDEFCONT?");
    }

    @Override
    public Optional<String> apnOf(AtResponse answer) {
        return answer.value("+QCGDEFCONT:").map(Fields::split).filter(f -> f.length > 1).map(f -> Fields.unquote(f[1]));
    }

    @Override
    public boolean apnNeedsReboot() {
        return true;
    }

    @Override
    public AtCommand setBands(List<Integer> bands) {
        if (bands.isEmpty() || (!supportedBands.isEmpty() && bands.size() > supportedBands.size())) {
            throw SettingError.BANDS_COUNT.with(supportedBands.size());
        }
        for (int band : bands) {
            if (supportedBands.isEmpty() ? band < 1 || band > 85 : !supportedBands.contains(band)) {
                throw SettingError.BAND_UNSUPPORTED.with(model, supportedBands.isEmpty() ? "1-85" : supportedBands, band);
            }
        }
        StringBuilder command = new StringBuilder("AT+QBAND=").append(bands.size());
        bands.forEach(b -> command.append(',').append(b));
        return AtCommand.of(command.toString());
    }

    @Override
    public AtCommand queryBands() {
        return AtCommand.of("AT+QBAND?");
    }

    @Override
    public List<Integer> bandsOf(AtResponse answer) {
        List<Integer> bands = new ArrayList<>();
        for (String field : Fields.split(answer.valueOr("+QBAND:", ""))) {
            if (!field.isBlank()) {
                bands.add(Integer.parseInt(field.trim()));
            }
        }
        return bands;
    }
}
