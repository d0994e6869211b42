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

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.ConfigDescription;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.binding.builder.ThingStatusInfoBuilder;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.thing.util.ThingHandlerHelper;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for openHAB core 5.2.1 {@code BaseThingHandler}, reproducing what handler tests rely on (API.md §4.1):
 * the shared {@code thingHandler} scheduler, a nullable callback (calls after dispose only WARN), status updates that
 * go to the callback without touching the thing, {@code getConfig()} cached with {@code ${ENV:NAME}} resolution, and
 * the default {@code thingUpdated}/{@code handleConfigurationUpdate}/{@code bridgeStatusChanged} behaviour.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public abstract class BaseThingHandler implements ThingHandler {

    private static final String THING_HANDLER_THREADPOOL_NAME = "thingHandler";
    private static final Pattern ENV_VARIABLE = Pattern.compile("\\$\\{ENV:([^}]+)}");

    private final Logger logger = LoggerFactory.getLogger(BaseThingHandler.class);

    protected final ScheduledExecutorService scheduler = ThreadPoolManager
            .getScheduledPool(THING_HANDLER_THREADPOOL_NAME);

    protected Thing thing;

    private volatile @Nullable Configuration resolvedConfig;
    private @Nullable ThingHandlerCallback callback;

    public BaseThingHandler(Thing thing) {
        this.thing = thing;
    }

    @Override
    public void handleRemoval() {
        updateStatus(ThingStatus.REMOVED);
    }

    @Override
    public void handleConfigurationUpdate(Map<String, Object> configurationParameters) {
        if (!isModifyingCurrentConfig(configurationParameters)) {
            return;
        }
        validateConfigurationParameters(configurationParameters);
        Configuration configuration = editConfiguration();
        configurationParameters.forEach(configuration::put);
        if (isInitialized()) {
            dispose();
            updateConfiguration(configuration);
            initialize();
        } else {
            updateConfiguration(configuration);
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.configurationUpdated(getThing());
            }
        }
    }

    protected boolean isModifyingCurrentConfig(Map<String, Object> configurationParameters) {
        Configuration current = getThing().getConfiguration();
        Configuration requested = new Configuration(configurationParameters);
        for (String key : requested.keySet()) {
            if (!Objects.equals(current.get(key), requested.get(key))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void dispose() {
    }

    @Override
    public Thing getThing() {
        return thing;
    }

    @Override
    public void thingUpdated(Thing thing) {
        dispose();
        synchronized (this) {
            this.thing = thing;
            this.resolvedConfig = null;
        }
        initialize();
    }

    @Override
    public void setCallback(@Nullable ThingHandlerCallback thingHandlerCallback) {
        synchronized (this) {
            this.callback = thingHandlerCallback;
        }
    }

    protected @Nullable ThingHandlerCallback getCallback() {
        return callback;
    }

    @Override
    public void channelLinked(ChannelUID channelUID) {
        handleCommand(channelUID, org.openhab.core.types.RefreshType.REFRESH);
    }

    @Override
    public void channelUnlinked(ChannelUID channelUID) {
    }

    protected void validateConfigurationParameters(Map<String, Object> configurationParameters) {
        ThingHandlerCallback callback = this.callback;
        if (callback != null) {
            callback.validateConfigurationParameters(getThing(), configurationParameters);
        }
    }

    protected @Nullable ConfigDescription getConfigDescription() {
        ThingHandlerCallback callback = this.callback;
        return callback != null ? callback.getConfigDescription(getThing().getThingTypeUID()) : null;
    }

    protected @Nullable ConfigDescription getConfigDescription(ChannelTypeUID channelTypeUID) {
        ThingHandlerCallback callback = this.callback;
        return callback != null ? callback.getConfigDescription(channelTypeUID) : null;
    }

    protected Configuration getConfig() {
        Configuration resolved = resolvedConfig;
        if (resolved == null) {
            resolved = resolveVariables(thing.getConfiguration());
            resolvedConfig = resolved;
        }
        return new Configuration(resolved);
    }

    private Configuration resolveVariables(Configuration raw) {
        Map<String, Object> resolved = new HashMap<>();
        for (Map.Entry<String, Object> entry : raw.getProperties().entrySet()) {
            Object value = entry.getValue();
            if (value instanceof String text) {
                Matcher matcher = ENV_VARIABLE.matcher(text);
                StringBuilder result = new StringBuilder();
                while (matcher.find()) {
                    String env = System.getenv(matcher.group(1));
                    if (env == null) {
                        logger.warn("Environment variable '{}' is not set", matcher.group(1));
                        return new Configuration(raw);
                    }
                    matcher.appendReplacement(result, Matcher.quoteReplacement(env));
                }
                matcher.appendTail(result);
                value = result.toString();
            }
            resolved.put(entry.getKey(), value);
        }
        return new Configuration(resolved);
    }

    protected <T> T getConfigAs(Class<T> configurationClass) {
        return getConfig().as(configurationClass);
    }

    protected void updateState(ChannelUID channelUID, State state) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.stateUpdated(channelUID, state);
            } else {
                warnDisposed("update state");
            }
        }
    }

    protected void updateState(String channelID, State state) {
        updateState(new ChannelUID(getThing().getUID(), channelID), state);
    }

    protected void sendTimeSeries(ChannelUID channelUID, TimeSeries timeSeries) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.sendTimeSeries(channelUID, timeSeries);
            } else {
                warnDisposed("send time series");
            }
        }
    }

    protected void sendTimeSeries(String channelID, TimeSeries timeSeries) {
        sendTimeSeries(new ChannelUID(getThing().getUID(), channelID), timeSeries);
    }

    protected void triggerChannel(ChannelUID channelUID, String event) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.channelTriggered(getThing(), channelUID, event);
            } else {
                warnDisposed("trigger a channel");
            }
        }
    }

    protected void triggerChannel(String channelID, String event) {
        triggerChannel(new ChannelUID(getThing().getUID(), channelID), event);
    }

    protected void triggerChannel(String channelID) {
        triggerChannel(channelID, "");
    }

    protected void triggerChannel(ChannelUID channelUID) {
        triggerChannel(channelUID, "");
    }

    protected void postCommand(String channelID, Command command) {
        postCommand(new ChannelUID(getThing().getUID(), channelID), command);
    }

    protected void postCommand(ChannelUID channelUID, Command command) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.postCommand(channelUID, command);
            } else {
                warnDisposed("post a command");
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                ThingStatusInfo statusInfo = ThingStatusInfoBuilder.create(status, statusDetail)
                        .withDescription(description).build();
                callback.statusUpdated(this.thing, statusInfo);
            } else {
                warnDisposed("update the status");
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail) {
        updateStatus(status, statusDetail, null);
    }

    protected void updateStatus(ThingStatus status) {
        updateStatus(status, ThingStatusDetail.NONE, null);
    }

    protected ThingBuilder editThing() {
        return ThingBuilder.create(thing.getThingTypeUID(), thing.getUID()).withBridge(thing.getBridgeUID())
                .withChannels(thing.getChannels()).withConfiguration(thing.getConfiguration())
                .withLabel(thing.getLabel()).withLocation(thing.getLocation())
                .withProperties(thing.getProperties()).withSemanticEquipmentTag(thing.getSemanticEquipmentTag());
    }

    @SuppressWarnings("PMD.CompareObjectsWithEquals")
    protected void updateThing(Thing thing) {
        if (thing == this.thing) {
            throw new IllegalArgumentException("Changes must not be done on the current thing - create a copy, "
                    + "e.g. via editThing()");
        }
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback == null) {
                warnDisposed("update the thing");
                return;
            }
            callback.validateConfigurationParameters(thing, thing.getConfiguration().getProperties());
            for (Channel channel : thing.getChannels()) {
                callback.validateConfigurationParameters(channel, channel.getConfiguration().getProperties());
            }
            this.thing = thing;
            this.resolvedConfig = null;
            callback.thingUpdated(thing);
        }
    }

    protected Configuration editConfiguration() {
        return new Configuration(thing.getConfiguration().getProperties());
    }

    protected void updateConfiguration(Configuration configuration) {
        Map<String, Object> old = thing.getConfiguration().getProperties();
        try {
            thing.getConfiguration().setProperties(configuration.getProperties());
            resolvedConfig = null;
            synchronized (this) {
                ThingHandlerCallback callback = this.callback;
                if (callback != null) {
                    callback.thingUpdated(thing);
                } else {
                    warnDisposed("update its configuration");
                }
            }
        } catch (RuntimeException e) {
            thing.getConfiguration().setProperties(old);
            throw e;
        }
    }

    protected Map<String, String> editProperties() {
        return new HashMap<>(thing.getProperties());
    }

    protected void updateProperties(@Nullable Map<String, String> properties) {
        if (properties == null) {
            return;
        }
        boolean changed = false;
        synchronized (this) {
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                String old = thing.setProperty(entry.getKey(), entry.getValue());
                changed |= !Objects.equals(old, entry.getValue());
            }
            if (changed) {
                ThingHandlerCallback callback = this.callback;
                if (callback != null) {
                    callback.thingUpdated(thing);
                } else {
                    warnDisposed("update its properties");
                }
            }
        }
    }

    protected void updateProperty(String name, @Nullable String value) {
        synchronized (this) {
            String old = thing.setProperty(name, value);
            if (!Objects.equals(old, value)) {
                ThingHandlerCallback callback = this.callback;
                if (callback != null) {
                    callback.thingUpdated(thing);
                } else {
                    warnDisposed("update a property");
                }
            }
        }
    }

    protected @Nullable Bridge getBridge() {
        ThingUID bridgeUID = thing.getBridgeUID();
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                return bridgeUID != null ? callback.getBridge(bridgeUID) : null;
            }
            warnDisposed("get its bridge");
            return null;
        }
    }

    protected boolean isLinked(String channelId) {
        return isLinked(new ChannelUID(thing.getUID(), channelId));
    }

    protected boolean isLinked(ChannelUID channelUID) {
        ThingHandlerCallback callback = this.callback;
        if (callback != null) {
            return callback.isChannelLinked(channelUID);
        }
        warnDisposed("check a link");
        return false;
    }

    protected boolean isInitialized() {
        return ThingHandlerHelper.isHandlerInitialized(this);
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE
                && getThing().getStatusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE);
        } else if (bridgeStatusInfo.getStatus() == ThingStatus.OFFLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    protected void changeThingType(ThingTypeUID thingTypeUID, Configuration configuration) {
        ThingHandlerCallback callback = this.callback;
        if (callback != null) {
            callback.migrateThingType(getThing(), thingTypeUID, configuration);
        } else {
            warnDisposed("change its thing type");
        }
    }

    private void warnDisposed(String what) {
        logger.warn("Handler {} of thing {} tried to {} although the handler was already disposed.",
                getClass().getSimpleName(), thing.getUID(), what);
    }
}
