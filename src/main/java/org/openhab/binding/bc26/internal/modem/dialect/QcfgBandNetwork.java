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

import java.math.BigInteger;
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
 * BG95, BG96, BG77: the APN of PDP context 1 with {@code AT+QICSGP=1,1,"<apn>","","",1} (IPv4, no authentication;
 * used at the next activation, no reboot), and bands as bit masks with
 * {@code AT+QCFG="band",<gsm>,<lte-m>,<nb-iot>} (hex, band n is bit n-1; GSM 0 leaves GSM as it is). The same bands are
 * set for LTE-M and NB-IoT.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class QcfgBandNetwork implements NetworkSetup {

    @Override
    public AtCommand setApn(String apn) {
        return AtCommand.of("AT+QICSGP=1,1," + AtText.quoted(apn, SettingField.APN, 62) + ",\"\",\"\",1");
    }

    @Override
    public AtCommand queryApn() {
        return AtCommand.of("AT+QICSGP=1");
    }

    @Override
    public Optional<String> apnOf(AtResponse answer) {
        return answer.value("+QICSGP:").map(Fields::split).filter(f -> f.length > 1).map(f -> Fields.unquote(f[1]));
    }

    @Override
    public boolean apnNeedsReboot() {
        return false;
    }

    @Override
    public AtCommand setBands(List<Integer> bands) {
        if (bands.isEmpty()) {
            throw SettingError.BANDS_COUNT.with(85);
        }
        BigInteger mask = BigInteger.ZERO;
        for (int band : bands) {
            if (band < 1 || band > 85) {
                throw SettingError.BAND_RANGE.with(band);
            }
            mask = mask.setBit(band - 1);
        }
        String hex = mask.toString(16).toUpperCase();
        return AtCommand.of("AT+QCFG=\"band\",0," + hex + "," + hex);
    }

    @Override
    public AtCommand queryBands() {
        return AtCommand.of("AT+QCFG=\"band\"");
    }

    /** The LTE-M mask of {@code +QCFG: "band",<gsm>,<lte-m>,<nb-iot>}, as band numbers. */
    @Override
    public List<Integer> bandsOf(AtResponse answer) {
        String[] fields = Fields.split(answer.valueOr("+QCFG:", ""));
        List<Integer> bands = new ArrayList<>();
        if (fields.length > 2) {
            BigInteger mask = new BigInteger(fields[2].trim().replaceFirst("^0[xX]", ""), 16);
            for (int bit = 0; bit < mask.bitLength(); bit++) {
                if (mask.testBit(bit)) {
                    bands.add(bit + 1);
                }
            }
        }
        return bands;
    }
}
