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
package org.openhab.binding.bc26.internal.modem.network;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The answer of {@code AT+COPS?}: {@code +COPS: <mode>[,<format>,"<oper>"[,<AcT>]]}. BC26 reports only the numeric
 * format (MCC+MNC, e.g. {@code 46000}).
 *
 * @param mode 0 automatic, 1 manual, 2 deregistered, 4 manual/automatic
 * @param operator numeric operator, null when not registered
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public record NetworkOperator(int mode, @Nullable String operator) {

    /** Parses the value after {@code +COPS:}. */
    public static NetworkOperator parse(String value) {
        String[] f = Fields.split(value);
        int mode = Fields.integer(f[0], "+COPS mode");
        String operator = f.length > 2 ? Fields.unquote(f[2]) : null;
        return new NetworkOperator(mode, operator == null || operator.isEmpty() ? null : operator);
    }
}
