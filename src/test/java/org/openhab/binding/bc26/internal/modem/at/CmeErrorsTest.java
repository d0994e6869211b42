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
package org.openhab.binding.bc26.internal.modem.at;

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The error codes of every family are told by name: BC26's, BC660K's MQTT codes, BG9x's file codes; an unknown one by
 * number.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class CmeErrorsTest {

    @Test
    void eachFamilysCodesAreNamedAndUnknownOnesShownByNumber() {
        assertEquals("+CME ERROR 846 (the modem is in power saving mode (PSM))", CmeErrors.describe(846));
        assertEquals("+CME ERROR 8510 (out of memory)", CmeErrors.describe(8510));
        assertEquals("+CME ERROR 407 (file already exists)", CmeErrors.describe(407));
        assertEquals("+CME ERROR 9999", CmeErrors.describe(9999));
    }
}
