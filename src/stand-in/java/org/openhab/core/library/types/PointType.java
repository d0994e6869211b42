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
package org.openhab.core.library.types;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.ComplexType;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Stand-in for openHAB core 5.2.1 {@code PointType}: latitude and longitude canonicalised as core does, altitude
 * printed only when not zero.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class PointType implements ComplexType, Command, State {

    public static final String KEY_LATITUDE = "lat";
    public static final String KEY_LONGITUDE = "long";
    public static final String KEY_ALTITUDE = "alt";

    private static final BigDecimal CIRCLE = new BigDecimal(360);
    private static final BigDecimal FLAT = new BigDecimal(180);
    private static final BigDecimal RIGHT = new BigDecimal(90);

    private BigDecimal latitude = BigDecimal.ZERO;
    private BigDecimal longitude = BigDecimal.ZERO;
    private BigDecimal altitude = BigDecimal.ZERO;

    public PointType() {
    }

    public PointType(DecimalType latitude, DecimalType longitude) {
        canonicalize(latitude, longitude);
    }

    public PointType(DecimalType latitude, DecimalType longitude, DecimalType altitude) {
        this(latitude, longitude);
        setAltitude(altitude);
    }

    public PointType(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Constructor argument must not be blank");
        }
        String[] elements = value.split(",");
        if (elements.length < 2) {
            throw new IllegalArgumentException(value + " is not a valid PointType syntax");
        }
        if (elements.length > 3) {
            throw new IllegalArgumentException(
                    value + " is not a valid PointType syntax. The syntax must not consist of more than 3 elements.");
        }
        canonicalize(new DecimalType(elements[0].trim()), new DecimalType(elements[1].trim()));
        if (elements.length == 3) {
            setAltitude(new DecimalType(elements[2].trim()));
        }
    }

    public DecimalType getLatitude() {
        return new DecimalType(latitude);
    }

    public DecimalType getLongitude() {
        return new DecimalType(longitude);
    }

    public DecimalType getAltitude() {
        return new DecimalType(altitude);
    }

    public void setAltitude(DecimalType altitude) {
        this.altitude = altitude.toBigDecimal();
    }

    @Override
    public String format(@Nullable String pattern) {
        String formatPattern = pattern == null || "%s".equals(pattern) ? "%2$s°N %3$s°E %1$sm" : pattern;
        return String.format(formatPattern, getConstituents().values().toArray());
    }

    public static PointType valueOf(String value) {
        return new PointType(value);
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        StringBuilder sb = new StringBuilder(latitude.toPlainString());
        sb.append(',').append(longitude.toPlainString());
        if (!BigDecimal.ZERO.equals(altitude)) {
            sb.append(',').append(altitude.toPlainString());
        }
        return sb.toString();
    }

    @Override
    public SortedMap<String, PrimitiveType> getConstituents() {
        SortedMap<String, PrimitiveType> result = new TreeMap<>();
        result.put(KEY_LATITUDE, getLatitude());
        result.put(KEY_LONGITUDE, getLongitude());
        result.put(KEY_ALTITUDE, getAltitude());
        return result;
    }

    private void canonicalize(DecimalType aLat, DecimalType aLon) {
        latitude = FLAT.add(aLat.toBigDecimal()).remainder(CIRCLE);
        longitude = aLon.toBigDecimal();
        if (latitude.compareTo(BigDecimal.ZERO) < 0) {
            latitude = latitude.add(CIRCLE);
        }
        latitude = latitude.subtract(FLAT);
        if (latitude.compareTo(RIGHT) > 0) {
            latitude = FLAT.subtract(latitude);
            longitude = longitude.add(FLAT);
        } else if (latitude.compareTo(RIGHT.negate()) < 0) {
            latitude = FLAT.negate().subtract(latitude);
            longitude = longitude.add(FLAT);
        }
        longitude = FLAT.add(longitude).remainder(CIRCLE);
        if (longitude.compareTo(BigDecimal.ZERO) <= 0) {
            longitude = longitude.add(CIRCLE);
        }
        longitude = longitude.subtract(FLAT);
    }

    @Override
    public int hashCode() {
        return 10000 * getLatitude().hashCode() + 100 * getLongitude().hashCode() + getAltitude().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof PointType other && getLatitude().equals(other.getLatitude())
                && getLongitude().equals(other.getLongitude()) && getAltitude().equals(other.getAltitude());
    }
}
