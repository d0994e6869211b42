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

import static org.openhab.binding.bc26.internal.Bc26BindingConstants.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler;
import org.openhab.binding.bc26.internal.handler.PortClaims;
import org.openhab.binding.bc26.internal.handler.Bc26TopicHandler;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the handlers of the BC26 thing types.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = "binding.bc26", service = ThingHandlerFactory.class)
public class Bc26HandlerFactory extends BaseThingHandlerFactory {

    /** Which bridge owns which port, for all bridges of the binding: one modem, one bridge. */
    private final PortClaims portClaims;

    @Activate
    public Bc26HandlerFactory(@Reference PortClaims portClaims) {
        this.portClaims = portClaims;
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return SUPPORTED_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        if (THING_TYPE_MODEM.equals(thing.getThingTypeUID()) && thing instanceof Bridge bridge) {
            return new Bc26ModemHandler(bridge, portClaims);
        }
        if (THING_TYPE_TOPIC.equals(thing.getThingTypeUID())) {
            return new Bc26TopicHandler(thing);
        }
        return null;
    }
}
