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

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A field a {@link SettingError} can name ("The broker host is 300 bytes long"). Passed as an argument, it reads in
 * English in the exception's message and as its own i18n key in a status description, which openHAB translates
 * before it puts it into the sentence.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public enum SettingField {
    BROKER_HOST("broker host"),
    CLIENT_ID("client id"),
    USER_NAME("user name"),
    PASSWORD("password"),
    WILL_TOPIC("will topic"),
    WILL_MESSAGE("will message"),
    APN("APN"),
    TOPIC("topic"),
    TOPIC_FILTER("topic filter"),
    CA_CERTIFICATE("CA certificate"),
    CLIENT_CERTIFICATE("client certificate"),
    CLIENT_KEY("client key");

    private final String english;

    SettingField(String english) {
        this.english = english;
    }

    public String english() {
        return english;
    }

    /** The argument a status description carries: an i18n constant openHAB translates ({@code @text/...}). */
    public String i18nConstant() {
        return "@text/setting.field." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return english;
    }
}
