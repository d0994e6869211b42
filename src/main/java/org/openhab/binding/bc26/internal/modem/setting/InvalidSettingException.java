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
package org.openhab.binding.bc26.internal.modem.setting;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A setting that cannot work, with its {@link SettingError} and arguments kept apart, so the message can be told in
 * English (this exception's message) or in the user's language (the error's i18n key with the same arguments).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final SettingError error;
    private final List<String> arguments;

    /**
     * @param english the arguments in English, for the message
     * @param arguments the same arguments for a status description, a field as its i18n constant
     */
    InvalidSettingException(SettingError error, List<String> english, List<String> arguments) {
        super(error.format(english));
        this.error = error;
        this.arguments = List.copyOf(arguments);
    }

    public SettingError getError() {
        return error;
    }

    /** The arguments of the error's i18n sentence; a field is an i18n constant ({@code @text/setting.field...}). */
    public List<String> getArguments() {
        return arguments;
    }
}
