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
package org.openhab.core.thing.binding;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;

/**
 * Stand-in for openHAB core 5.2.1 {@code BaseThingHandlerFactory} (API.md §4.3): {@code registerHandler} creates the
 * handler, refuses a null handler or a bridge without a {@code BridgeHandler}, then creates each service of
 * {@code getServices()} with its public no-arg constructor, hands it the handler, registers it in the bundle context
 * and initialises it; a factory Declarative Services has not activated has no bundle context and fails there, as the
 * real one does; {@code unregisterHandler} disposes those services.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public abstract class BaseThingHandlerFactory implements ThingHandlerFactory {

    protected @NonNullByDefault({}) BundleContext bundleContext;

    private final Map<ThingUID, List<ThingHandlerService>> services = new ConcurrentHashMap<>();
    private final Map<ThingHandlerService, ServiceRegistration<?>> registrations = new ConcurrentHashMap<>();

    protected void activate(ComponentContext componentContext) {
        this.bundleContext = componentContext.getBundleContext();
    }

    protected void deactivate(ComponentContext componentContext) {
        this.bundleContext = null;
    }

    protected BundleContext getBundleContext() {
        final BundleContext bundleContext = this.bundleContext;
        if (bundleContext == null) {
            throw new IllegalStateException(
                    "The bundle context is missing (it seems your thing handler factory is used but not active).");
        }
        return bundleContext;
    }

    @Override
    public ThingHandler registerHandler(Thing thing) {
        ThingHandler thingHandler = createHandler(thing);
        if (thingHandler == null) {
            throw new IllegalStateException(this.getClass().getSimpleName()
                    + " could not create a handler for the thing '" + thing.getUID() + "'.");
        }
        if ((thing instanceof Bridge) && !(thingHandler instanceof BridgeHandler)) {
            throw new IllegalStateException(
                    "Created handler of bridge '" + thing.getUID() + "' must implement the BridgeHandler interface.");
        }
        for (Class<? extends ThingHandlerService> serviceClass : thingHandler.getServices()) {
            registerService(thingHandler, serviceClass);
        }
        return thingHandler;
    }

    public void registerService(ThingHandler thingHandler, Class<? extends ThingHandlerService> klass) {
        try {
            // As openHAB: the services go into the bundle context field as it is, so a factory that DS has not
            // activated fails here with a NullPointerException (core does not use getBundleContext() here).
            final BundleContext bundleContext = this.bundleContext;
            ThingHandlerService service = klass.getConstructor().newInstance();
            service.setThingHandler(thingHandler);
            List<String> interfaces = new ArrayList<>();
            for (Class<?> c = klass; c != null; c = c.getSuperclass()) {
                for (Class<?> i : c.getInterfaces()) {
                    if (i != ThingHandlerService.class) {
                        interfaces.add(i.getName());
                    }
                }
            }
            registrations.put(service,
                    bundleContext.registerService(interfaces.toArray(String[]::new), service, new Hashtable<>()));
            service.initialize();
            services.computeIfAbsent(thingHandler.getThing().getUID(), uid -> new ArrayList<>()).add(service);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not create service " + klass.getName(), e);
        }
    }

    protected abstract @Nullable ThingHandler createHandler(Thing thing);

    @Override
    public void unregisterHandler(Thing thing) {
        ThingHandler thingHandler = thing.getHandler();
        List<ThingHandlerService> thingServices = services.remove(thing.getUID());
        if (thingServices != null) {
            for (ThingHandlerService service : thingServices) {
                service.dispose();
                ServiceRegistration<?> registration = registrations.remove(service);
                if (registration != null) {
                    registration.unregister();
                }
            }
        }
        if (thingHandler != null) {
            removeHandler(thingHandler);
        }
    }

    protected void removeHandler(ThingHandler thingHandler) {
    }

    @Override
    public void removeThing(ThingUID thingUID) {
    }

    protected @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration,
            ThingUID thingUID) {
        return null;
    }

    @Override
    public @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration,
            @Nullable ThingUID thingUID, @Nullable ThingUID bridgeUID) {
        return null;
    }
}
