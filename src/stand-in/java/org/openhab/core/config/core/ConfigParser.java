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
package org.openhab.core.config.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB core 5.2.1 {@code ConfigParser}, reproducing the mapping rules {@code getConfigAs} relies on:
 * records through their canonical constructor; classes through a public no-arg constructor, all declared fields of
 * the class and its superclasses except {@code final}/{@code transient}, absent keys keep the field initialiser, a
 * failed conversion leaves the field untouched (core logs a WARN).
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public final class ConfigParser {

    private ConfigParser() {
    }

    public static <T> @Nullable T configurationAs(Map<String, @Nullable Object> properties,
            Class<T> configurationClass) {
        try {
            if (configurationClass.isRecord()) {
                return recordAs(properties, configurationClass);
            }
            Constructor<T> constructor = configurationClass.getConstructor();
            T configuration = constructor.newInstance();
            for (Class<?> c = configurationClass; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isFinal(modifiers) || Modifier.isTransient(modifiers)
                            || Modifier.isStatic(modifiers) || !properties.containsKey(field.getName())) {
                        continue;
                    }
                    Object value = valueAs(properties.get(field.getName()), fieldType(field), field.getGenericType());
                    if (value != null || !field.getType().isPrimitive()) {
                        if (value == null && properties.get(field.getName()) != null) {
                            System.err.println("WARN Could not set field value for field '" + field.getName() + "'");
                            continue;
                        }
                        field.setAccessible(true);
                        field.set(configuration, value);
                    }
                }
            }
            return configuration;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("WARN Could not create configuration instance: " + e.getMessage());
            return null;
        }
    }

    private static <T> T recordAs(Map<String, @Nullable Object> properties, Class<T> recordClass)
            throws ReflectiveOperationException {
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = valueAs(properties.get(components[i].getName()), wrap(types[i]),
                    components[i].getGenericType());
            args[i] = value != null ? value : defaultValue(types[i]);
        }
        return recordClass.getDeclaredConstructor(types).newInstance(args);
    }

    private static @Nullable Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type.isPrimitive()) {
            return valueAs(BigDecimal.ZERO, wrap(type));
        }
        return null;
    }

    private static Class<?> fieldType(Field field) {
        return wrap(field.getType());
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "boolean" -> Boolean.class;
            default -> type;
        };
    }

    public static <T> T valueAsOrElse(@Nullable Object value, Class<T> type, T defaultValue) {
        T result = valueAs(value, type);
        return result != null ? result : defaultValue;
    }

    @SuppressWarnings("unchecked")
    public static <T> @Nullable T valueAs(@Nullable Object value, Class<T> type) {
        return (T) valueAs(value, wrap(type), null);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static @Nullable Object valueAs(@Nullable Object value, Class<?> type, @Nullable Type genericType) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection && (type == List.class || type == Set.class)) {
            Class<?> elementType = Object.class;
            if (genericType instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> c) {
                elementType = c;
            }
            Collection<Object> result = type == List.class ? new ArrayList<>() : new HashSet<>();
            for (Object element : collection) {
                Object converted = valueAs(element, elementType, null);
                if (converted != null) {
                    result.add(converted);
                }
            }
            return type == List.class ? List.copyOf(result) : Set.copyOf(result);
        }
        if (type.isInstance(value)) {
            return value;
        }
        if (type == List.class) {
            return List.of(value);
        }
        if (type == Set.class) {
            return Set.of(value);
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
                    : value instanceof String s && isNumberType(type) ? new BigDecimal(s.trim()) : null;
            if (number != null) {
                if (type == Integer.class) {
                    return number.intValue();
                } else if (type == Long.class) {
                    return number.longValue();
                } else if (type == Double.class) {
                    return number.doubleValue();
                } else if (type == Float.class) {
                    return number.floatValue();
                } else if (type == Short.class) {
                    return number.shortValue();
                } else if (type == Byte.class) {
                    return number.byteValue();
                } else if (type == BigDecimal.class) {
                    return number;
                }
            }
            if (value instanceof String s) {
                if (type == Boolean.class) {
                    return Boolean.valueOf(s);
                }
                if (type.isEnum()) {
                    return Enum.valueOf((Class<? extends Enum>) type, s);
                }
                if (type == String.class) {
                    return s;
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("WARN Could not convert '" + value + "' to " + type.getName());
        }
        return null;
    }

    private static boolean isNumberType(Class<?> type) {
        return Number.class.isAssignableFrom(type);
    }
}
