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
package org.openhab.binding.bc26.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.lang.reflect.Method;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.bc26.internal.handler.PortClaims;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;

/**
 * The factory supports exactly the BC26 thing types and creates a bridge handler for {@code bc26:modem}.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class Bc26HandlerFactoryTest {

    private final Bc26HandlerFactory factory = new Bc26HandlerFactory(new PortClaims());

    /**
     * What openHAB does before a factory makes handlers: Declarative Services activates it with its bundle's context
     * (the protected {@code activate(ComponentContext)}, found by its name), and handler services are then registered
     * in that context.
     */
    @BeforeEach
    void activate() throws ReflectiveOperationException {
        BundleContext bundle = mock(BundleContext.class);
        when(bundle.registerService(any(String[].class), any(), any())).thenReturn(mock(ServiceRegistration.class));
        ComponentContext context = mock(ComponentContext.class);
        when(context.getBundleContext()).thenReturn(bundle);
        Method activate = BaseThingHandlerFactory.class.getDeclaredMethod("activate", ComponentContext.class);
        activate.setAccessible(true);
        activate.invoke(factory, context);
    }

    @Test
    void aFactoryThatWasNotActivatedRefusesToRegisterServicesAsOpenHabDoes() {
        Bridge bridge = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, "m1")
                .withConfiguration(new Configuration(Map.of("serialPort", "/dev/ttyUSB0"))).build();
        // Core uses its bundle context field as it is there: an unactivated factory fails with a NullPointerException.
        assertThrows(NullPointerException.class, () -> new Bc26HandlerFactory(new PortClaims()).registerHandler(bridge),
                "the bridge's rule actions are a handler service, registered in the bundle context");
    }

    @Test
    void supportsOnlyBc26ThingTypes() {
        assertTrue(factory.supportsThingType(new ThingTypeUID("bc26", "modem")));
        assertFalse(factory.supportsThingType(new ThingTypeUID("bc26", "nonsense")));
        assertFalse(factory.supportsThingType(new ThingTypeUID("mqtt", "broker")));
    }

    @Test
    void createsABridgeHandlerForTheModem() {
        Bridge bridge = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, "m1")
                .withConfiguration(new Configuration(Map.of("serialPort", "/dev/ttyUSB0"))).build();
        ThingHandler handler = factory.registerHandler(bridge);
        assertInstanceOf(Bc26ModemHandler.class, handler);
        assertSame(bridge, handler.getThing());
    }

    @Test
    void refusesAModemThatIsNotABridge() {
        Thing notABridge = ThingBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, "m1").build();
        assertThrows(IllegalStateException.class, () -> factory.registerHandler(notABridge));
    }

    @Test
    void aMissingSerialPortIsAConfigurationError() {
        Bridge bridge = BridgeBuilder.create(Bc26BindingConstants.THING_TYPE_MODEM, "m1")
                .withConfiguration(new Configuration(Map.of("serialPort", " "))).build();
        ThingHandler handler = factory.registerHandler(bridge);
        ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
        handler.setCallback(callback);
        handler.initialize();
        verify(callback).statusUpdated(same(bridge),
                eq(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        "@text/offline.config.serial-port-missing")));
        handler.dispose();
    }
}
