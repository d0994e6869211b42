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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.bc26.internal.config.Bc26ModemConfiguration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.types.Command;

/**
 * Handler of the {@code bc26:modem} bridge. It validates the configuration and reports UNKNOWN; the modem driver
 * and the MQTT session are connected by later work.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class Bc26ModemHandler extends BaseBridgeHandler {

    public Bc26ModemHandler(Bridge bridge) {
        super(bridge);
    }

    @Override
    public void initialize() {
        Bc26ModemConfiguration config = getConfigAs(Bc26ModemConfiguration.class);
        if (config.serialPort.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.serial-port-missing");
            return;
        }
        updateStatus(ThingStatus.UNKNOWN);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // The bridge has no channels yet.
    }
}
