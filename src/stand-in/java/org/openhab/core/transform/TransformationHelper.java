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
package org.openhab.core.transform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Stand-in for openHAB core 5.2.1 {@code TransformationHelper}, a Declarative Services component that keeps every
 * registered {@link TransformationService} in a static map by its {@code openhab.transform} name. Tests set it up
 * as core's own tests do: construct it with a bundle context, hand it service references, deactivate it after.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class TransformationHelper {

    private static final Map<String, TransformationService> SERVICES = new ConcurrentHashMap<>();

    private final BundleContext bundleContext;

    public TransformationHelper(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    public void deactivate() {
        SERVICES.clear();
    }

    public void setTransformationService(ServiceReference<TransformationService> ref) {
        Object key = ref.getProperty(TransformationService.SERVICE_PROPERTY_NAME);
        TransformationService service = bundleContext.getService(ref);
        if (key instanceof String name && service != null) {
            SERVICES.put(name, service);
        }
    }

    public void unsetTransformationService(ServiceReference<TransformationService> ref) {
        Object key = ref.getProperty(TransformationService.SERVICE_PROPERTY_NAME);
        if (key instanceof String name) {
            SERVICES.remove(name);
        }
    }

    public static @Nullable TransformationService getTransformationService(@Nullable String serviceName) {
        return serviceName == null ? null : SERVICES.get(serviceName);
    }
}
