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
package org.openhab.core.thing.binding.generic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.transform.TransformationException;
import org.openhab.core.transform.TransformationHelper;
import org.openhab.core.transform.TransformationService;

/**
 * Stand-in for openHAB core 5.2.1 {@code ChannelTransformation}: steps {@code SERVICE:function} or
 * {@code SERVICE(function)}, chained with {@code ∩} or given as a list, applied in order through the registered
 * transformation services; a step whose service is missing, fails or gives null ends the chain with an empty result;
 * a string that cannot be parsed makes an empty chain (the value passes unchanged), as in core.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class ChannelTransformation {

    private static final List<Pattern> STEP_PATTERNS = List.of(
            Pattern.compile("(?<service>[a-zA-Z0-9]+)\\s*\\((?<function>.*)\\)$"),
            Pattern.compile("(?<service>[a-zA-Z0-9]+)\\s*:(?<function>.*)"));

    private final List<Step> steps;

    public ChannelTransformation(@Nullable String transformationString) {
        this(transformationString == null ? null : List.of(transformationString));
    }

    public ChannelTransformation(@Nullable List<String> transformationStrings) {
        List<Step> parsed = List.of();
        if (transformationStrings != null) {
            try {
                parsed = transformationStrings.stream().flatMap(ChannelTransformation::split).map(Step::new).toList();
            } catch (IllegalArgumentException e) {
                parsed = List.of();
            }
        }
        this.steps = parsed;
    }

    private static Stream<String> split(String transformationString) {
        return Arrays.stream(transformationString.split("∩")).filter(s -> !s.isBlank());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public boolean isPresent() {
        return !isEmpty();
    }

    public Optional<String> apply(String value) {
        Optional<String> result = Optional.of(value);
        for (Step step : steps) {
            result = result.flatMap(step::apply);
        }
        return result;
    }

    public static boolean isValidTransformation(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            return split(value).map(Step::new).count() > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final class Step {
        private final String serviceName;
        private final String function;

        Step(String pattern) {
            String trimmed = pattern.trim();
            for (Pattern p : STEP_PATTERNS) {
                Matcher matcher = p.matcher(trimmed);
                if (matcher.matches()) {
                    serviceName = matcher.group("service").trim().toUpperCase();
                    function = matcher.group("function").trim();
                    return;
                }
            }
            throw new IllegalArgumentException(
                    "The transformation pattern must be in the syntax of TYPE:PATTERN or TYPE(PATTERN)");
        }

        Optional<String> apply(String value) {
            TransformationService service = TransformationHelper.getTransformationService(serviceName);
            if (service != null) {
                try {
                    return Optional.ofNullable(service.transform(function, value));
                } catch (TransformationException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }
}
