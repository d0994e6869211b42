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

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.modem.SessionFailure;
import org.openhab.binding.bc26.internal.modem.setting.InvalidSettingException;
import org.openhab.binding.bc26.internal.modem.setting.SettingError;
import org.openhab.binding.bc26.internal.modem.setting.SettingField;

/**
 * Every status description reads whole in English and in Traditional Chinese as openHAB renders it
 * ({@link CoreStatusText}): the English sentence of a setting is the driver's own English message, the Chinese one
 * carries the same arguments and no English words of the driver, and the modem's evidence survives core's argument
 * parsing (which cuts at commas and drops quotes and brackets) in one piece.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class StatusTranslationTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");
    private static final Locale ZH = CoreStatusText.ZH_TW;

    @Test
    void everySettingErrorReadsInEnglishAsTheDriverWordsItAndInChineseWithTheSameArguments() {
        for (SettingError error : SettingError.values()) {
            Object[] arguments = sampleArguments(error);
            InvalidSettingException e = error.with(arguments);
            String description = FailureStatus.configuration(e);
            assertEquals(e.getMessage(), CoreStatusText.english(description), error.name());
            assertTrue(CoreStatusText.has(error.key(), ZH), "zh_TW has " + error.key());
            String chinese = CoreStatusText.render(description, ZH);
            assertFalse(PLACEHOLDER.matcher(chinese).find(), error + ": " + chinese);
            assertNotEquals(e.getMessage(), chinese, error + " is translated");
            for (Object argument : arguments) {
                if (!(argument instanceof SettingField)) {
                    assertTrue(chinese.contains(argument.toString()), error + " keeps " + argument + ": " + chinese);
                }
            }
        }
    }

    @Test
    void aFieldTheSentenceNamesIsTranslatedToo() {
        String description = FailureStatus.configuration(SettingError.TEXT_QUOTE.with(SettingField.BROKER_HOST));
        assertEquals("The broker host contains a double quote character, which the modem cannot receive",
                CoreStatusText.english(description));
        assertTrue(CoreStatusText.render(description, ZH).startsWith("伺服器主機"),
                CoreStatusText.render(description, ZH));
        for (SettingField field : SettingField.values()) {
            String key = field.i18nConstant().substring("@text/".length());
            assertTrue(CoreStatusText.has(key, Locale.ENGLISH) && CoreStatusText.has(key, ZH), key);
            assertEquals(field.english(), CoreStatusText.english(field.i18nConstant()));
        }
    }

    @Test
    void theModemsEvidenceSurvivesCoresParsingWholeInEveryLanguage() {
        for (SessionFailure.Kind kind : SessionFailure.Kind.values()) {
            SessionFailure failure = new SessionFailure(kind, "English detail, not shown", "+QMTOPEN: 0,3");
            String description = FailureStatus.description(failure, "/dev/ttyUSB0");
            for (Locale locale : List.of(Locale.ENGLISH, ZH)) {
                String text = CoreStatusText.render(description, locale);
                assertTrue(text.contains("(+QMTOPEN: 0\u201A3)"), kind + " " + locale + ": " + text);
                assertFalse(text.contains("English detail"), text);
                assertFalse(text.startsWith("@text/"), "a sentence exists for " + kind);
            }
            String portOnly = CoreStatusText.render(
                    FailureStatus.description(new SessionFailure(kind, "detail"), "/dev/ttyUSB0"), ZH);
            assertTrue(portOnly.endsWith("(/dev/ttyUSB0)"), "without evidence the port is named: " + portOnly);
        }
    }

    @Test
    void hostileArgumentsStayOneArgumentAndCannotEndTheDescription() {
        String filter = "a\",\"b], [c\r\n{1}'d";
        String description = FailureStatus.configuration(SettingError.FILTER_PLUS.with(filter));
        String english = CoreStatusText.english(description);
        assertTrue(english.startsWith("In the topic filter '"), english);
        assertTrue(english.endsWith("' + must fill a whole level"), english);
        assertFalse(english.contains("\r") || english.contains("\n"), english);
        assertEquals(2, description.chars().filter(c -> c == '"').count(), "one argument: " + description);
        assertEquals("In the topic filter '\u201C\u201D' + must fill a whole level",
                CoreStatusText.english(FailureStatus.configuration(SettingError.FILTER_PLUS.with(""))),
                "an empty value is shown, not dropped (which would leave {0} in the text)");
    }

    @Test
    void everyStatusSentenceExistsInBothLanguagesAndKeepsItsApostrophes() {
        for (String key : CoreStatusText.englishKeys()) {
            if (!key.startsWith("offline.") && !key.startsWith("setting.field.")) {
                continue;
            }
            assertTrue(CoreStatusText.has(key, ZH), "zh_TW has " + key);
            String english = CoreStatusText.render("@text/" + key + " [\"x\", \"y\", \"z\"]", Locale.ENGLISH);
            assertFalse(english.contains("''"), key + ": " + english);
        }
        assertEquals("No serial port is configured. Enter the modem's serial port.",
                CoreStatusText.english("@text/offline.config.serial-port-missing"),
                "core formats a text without arguments too: the apostrophe is written twice");
    }

    private static Object[] sampleArguments(SettingError error) {
        Matcher placeholders = PLACEHOLDER.matcher(error.english());
        int count = 0;
        while (placeholders.find()) {
            count = Math.max(count, Integer.parseInt(placeholders.group(1)) + 1);
        }
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arguments.add("v" + i + "x");
        }
        return arguments.toArray();
    }
}
