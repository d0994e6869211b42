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

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A thing status description as a user reads it in Main UI, rendered the way openHAB core's
 * {@code ThingStatusInfoI18nLocalizationServiceImpl} and {@code I18nProviderImpl} do it (read in core 4.3/5.x):
 * the key is the first word; the rest has every {@code [}, {@code ]} and {@code "} removed, is cut at every comma,
 * blank pieces are dropped and the others trimmed; an argument that is itself {@code @text/...} is translated first;
 * the text is then always put through {@link MessageFormat} (so an apostrophe is written {@code ''}), and a key the
 * locale lacks falls back to the default file. The stand-in cannot show this: real core does it in its REST layer.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CoreStatusText {

    public static final Locale ZH_TW = Locale.TRADITIONAL_CHINESE;

    private static final Properties ENGLISH = load("OH-INF/i18n/bc26.properties");
    private static final Properties CHINESE = load("OH-INF/i18n/bc26_zh_TW.properties");

    private CoreStatusText() {
    }

    /** The description in English. */
    public static String english(@Nullable String description) {
        return render(description, Locale.ENGLISH);
    }

    /** The description in the locale ({@link Locale#ENGLISH} or {@link #ZH_TW}). */
    public static String render(@Nullable String description, Locale locale) {
        if (description == null || !description.startsWith("@text/")) {
            return String.valueOf(description);
        }
        String[] parts = description.split("\\s+", 2);
        Object[] arguments = null;
        if (parts.length > 1) {
            arguments = Arrays.stream(parts[1].replaceAll("\\[|\\]|\"", "").split(","))
                    .filter(s -> !s.trim().isEmpty()).map(String::trim)
                    .map(a -> a.startsWith("@text/") ? text(a, locale, null) : a).toArray();
        }
        return text(parts[0], locale, arguments);
    }

    /** Whether the locale's own file (not the fallback) has the key. */
    public static boolean has(String key, Locale locale) {
        return (locale.equals(ZH_TW) ? CHINESE : ENGLISH).containsKey(key);
    }

    /** Every key of the English file. */
    public static java.util.Set<String> englishKeys() {
        return ENGLISH.stringPropertyNames();
    }

    private static String text(String constant, Locale locale, Object @Nullable [] arguments) {
        String key = constant.substring("@text/".length());
        String text = locale.equals(ZH_TW) ? CHINESE.getProperty(key, ENGLISH.getProperty(key))
                : ENGLISH.getProperty(key);
        if (text == null) {
            return constant; // core shows the constant itself when no file has it
        }
        return MessageFormat.format(text, arguments);
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
