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
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Every way a setting can be wrong, each worded once: in English here, for logs and the command line, and under
 * {@link #key()} in the i18n files, so the thing status reads in the user's language with the same arguments
 * ({@code {0}}, {@code {1}} ...). The protocol code stays free of openHAB types and still says what is wrong in a way
 * a user interface can translate.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public enum SettingError {
    // MQTT
    CONNECT_ID_RANGE("The MQTT connect id must be 0 to 5, not {0}"),
    CONNECT_ID_MODEL("The {0} has MQTT client ids 0-{1}, not {2}"),
    HOST_MISSING("No broker host given"),
    HOST_SPACE("The broker host '{0}' contains a space"),
    PORT_RANGE("The broker port must be 1 to 65535, not {0}"),
    CLIENT_ID_EMPTY("The client id is empty"),
    PASSWORD_WITHOUT_USER("A password needs a user name"),
    KEEP_ALIVE_RANGE("Keep-alive must be 0 to 3600 seconds, not {0}"),
    MQTT_VERSION("MQTT version must be 3.1 or 3.1.1 (V3), not {0}"),
    MQTT_VERSION_5("mqttVersion V5: the modem's MQTT client speaks MQTT 3.1.1 (V3) only"),
    PACKET_TIMEOUT_RANGE("Packet timeout must be 1 to 60 seconds, not {0}"),
    RETRIES_RANGE("Retries must be 0 to 10, not {0}"),
    QOS_RANGE("QoS must be 0, 1 or 2, not {0}"),
    // Topics
    TOPIC_EMPTY("The topic is empty"),
    TOPIC_WILDCARD("The topic '{0}' contains a wildcard (+ or #); wildcards are only allowed in subscriptions"),
    FILTER_EMPTY("The topic filter is empty"),
    FILTER_HASH("In the topic filter '{0}' # must be the whole last level"),
    FILTER_PLUS("In the topic filter '{0}' + must fill a whole level"),
    // Text the modem takes inside quotes ({0} is a SettingField)
    TEXT_TOO_LONG("The {0} is {1} bytes long; the modem accepts at most {2}"),
    TEXT_QUOTE("The {0} contains a double quote character, which the modem cannot receive"),
    TEXT_CONTROL("The {0} contains the control character 0x{1}, which the modem cannot receive"),
    TEXT_NOT_UNICODE("The {0} is not valid Unicode text"),
    // Parameters read by their former names
    NOT_A_NUMBER("{0} must be a whole number, not {1}"),
    NOT_A_BOOLEAN("{0} must be true or false, not {1}"),
    // Serial line and modem
    BAUD_RATE_RANGE("Baud rate {0} is out of range 300-4000000"),
    DATA_BITS_RANGE("Data bits must be 5 to 8, not {0}"),
    STOP_BITS_RANGE("Stop bits must be 1 or 2, not {0}"),
    MODEL_UNKNOWN("The modem model is one of BC26, BC660K, BC260Y, BG95, BG96, BG77 (or auto), not {0}"),
    PIN_FORMAT("A SIM PIN is 4 to 8 digits"),
    APN_FORMAT("An APN is 1 to 62 letters, digits, dots, hyphens or underscores"),
    BANDS_SYNTAX("Bands are numbers separated by commas, not '{0}'"),
    BAND_RANGE("LTE bands are 1 to 85, not {0}"),
    BANDS_COUNT("Give 1 to {0} bands"),
    BAND_UNSUPPORTED("{0} supports bands {1}, not {2}"),
    // The bridge
    RECEIVE_FORMAT("The receive format must be text, hex or buffered, not {0}"),
    OUTBOX_SIZE("The outbox must hold at least 1 message, not {0}"),
    RECONNECT_DELAYS("Reconnect delays must be at least 1 s, the maximum not below the first"),
    // TLS (a SettingField names the file's role, then its path)
    TLS_UNSUPPORTED("The {0} has no TLS for MQTT: its password and messages would cross the network readable. Use a"
            + " BC660K, BC260Y, BG95, BG96 or BG77, or switch TLS off"),
    TLS_REFUSED("The {0} refused the TLS certificates: {1}"),
    TLS_CA_MISSING("TLS checks the broker: give the CA certificate that signed the broker's certificate (a PEM file,"
            + " or truststore:<alias>)"),
    TLS_KEY_PAIR("A client certificate needs its key, and a key its certificate"),
    TLS_CLIENT_NEEDS_CA("A client certificate needs the broker checked (a CA certificate)"),
    TLS_FILE_TOO_LARGE("The {0} {1} is larger than {2} bytes; give only the one certificate the modem needs"),
    TLS_FILE_UNREADABLE("Cannot read the {0} {1}: {2}"),
    TLS_NOT_PEM("The {0} {1} is not a PEM certificate (-----BEGIN CERTIFICATE-----)"),
    TLS_NOT_A_CERTIFICATE("The {0} {1} cannot be read: {2}"),
    TLS_KEY_NOT_PEM("The {0} {1} is not a PEM private key"),
    TRUSTSTORE_ALIAS_MISSING("The Java trust store has no certificate {0}"),
    TRUSTSTORE_UNREADABLE("Cannot read the Java trust store {0}: {1}"),
    // Topic channels
    CHANNEL_TYPE_UNKNOWN("unknown channel type {0}"),
    TRANSFORMATION_SYNTAX(
            "\"{0}\" is not a transformation: SERVICE:function, steps joined with \u2229 (JSONPATH:$.temp)"),
    COLOR_MODE("colorMode is HSB, RGB or XYY, not {0}"),
    ON_BRIGHTNESS("onBrightness is a percentage 0-100, not {0}"),
    DIMMER_RANGE("a dimmer's min {0} must be below its max {1}");

    private final String english;

    SettingError(String english) {
        this.english = english;
    }

    /** The English wording with {@code {0}}, {@code {1}} ... where the arguments go. */
    public String english() {
        return english;
    }

    /** The i18n key of the status description: {@code offline.config.<name in kebab case>}. */
    public String key() {
        return "offline.config." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The error with these arguments, ready to throw. A {@link SettingField} reads in English in the message and is
     * translated in a status description; everything else is shown as it is.
     */
    public InvalidSettingException with(Object... arguments) {
        List<Object> given = List.of(arguments);
        return new InvalidSettingException(this, given.stream().map(String::valueOf).toList(),
                given.stream().map(a -> a instanceof SettingField field ? field.i18nConstant() : String.valueOf(a))
                        .toList());
    }

    /** The English text with the arguments in place (no MessageFormat: the wording may hold apostrophes). */
    public String format(List<String> arguments) {
        String text = english;
        for (int i = 0; i < arguments.size(); i++) {
            text = text.replace("{" + i + "}", arguments.get(i));
        }
        return text;
    }
}
