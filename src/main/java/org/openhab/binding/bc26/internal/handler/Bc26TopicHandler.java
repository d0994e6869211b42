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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.config.TopicChannelConfig;
import org.openhab.binding.bc26.internal.config.TopicThingConfig;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler.SubscriptionRequest;
import org.openhab.binding.bc26.internal.modem.at.AtText;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttMessage;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttTopics;
import org.openhab.binding.bc26.internal.topic.TopicChannel;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.generic.ChannelTransformation;
import org.openhab.core.thing.binding.BridgeHandler;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.library.types.StopMoveType;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code bc26:topic} thing: user-defined channels bound to MQTT topics through the modem bridge (the types of
 * {@link TopicChannel#TYPES}). Incoming messages on a channel's state topic update (or command) the channel, through
 * its transformations; commands publish to its command topic; an availability topic drives the thing's status.
 * Subscriptions live in the bridge, which makes them again after every reconnect; disposing the thing (or removing a
 * channel, which re-initialises it) unsubscribes.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public class Bc26TopicHandler extends BaseThingHandler {

    private final Logger logger = LoggerFactory.getLogger(Bc26TopicHandler.class);
    /**
     * Each channel's reading and writing, built from its configuration at initialize(), with its last value (for
     * REFRESH) and what its relative commands start from (green, then 50 %, is green at half brightness even before
     * the device has echoed green).
     */
    private final Map<ChannelUID, TopicChannel> channels = new ConcurrentHashMap<>();
    /** Filter and listener of every subscription this thing made, to undo in dispose(). */
    private final List<Map.Entry<String, Consumer<MqttMessage>>> subscriptions = new ArrayList<>();
    private volatile @Nullable Bc26ModemHandler bridgeHandler;
    private volatile TopicThingConfig config = new TopicThingConfig();
    private volatile boolean available = true;
    /** Completes when the broker has answered every subscription of this thing (made at initialize()). */
    private volatile CompletableFuture<@Nullable Void> granted = CompletableFuture.completedFuture(null);
    private volatile ChannelTransformation availabilityTransformation = new ChannelTransformation(List.<String> of());
    /**
     * The description of a configuration error (invalid topic, subscription refused by the broker): the thing stays
     * OFFLINE with it whatever the bridge or the availability topic say, until it is initialised again.
     */
    private volatile @Nullable String configurationError;

    public Bc26TopicHandler(Thing thing) {
        super(thing);
    }

    @Override
    public void initialize() {
        config = getConfigAs(TopicThingConfig.class);
        available = config.availabilityTopic.isBlank();
        configurationError = null;
        Bridge bridge = getBridge();
        BridgeHandler handler = bridge == null ? null : bridge.getHandler();
        if (!(handler instanceof Bc26ModemHandler modem)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, "@text/offline.topic.no-bridge");
            return;
        }
        bridgeHandler = modem;
        List<Channel> fitted = NumberItemTypes.fitted(getThing().getChannels());
        if (fitted != null) {
            // A handler's own thing update is stored by openHAB without initialising the handler again.
            updateThing(editThing().withoutChannels(getThing().getChannels()).withChannels(fitted).build());
        }
        List<SubscriptionRequest> requests = new ArrayList<>();
        try {
            availabilityTransformation = TopicChannel.transformation(config.transformationPattern);
            if (!config.availabilityTopic.isBlank()) {
                requests.add(request(config.availabilityTopic, 1, this::availabilityChanged));
            }
            for (Channel channel : getThing().getChannels()) {
                ChannelUID uid = channel.getUID();
                TopicChannel topicChannel;
                try {
                    topicChannel = TopicChannel.of(typeOf(channel),
                            channel.getConfiguration().as(TopicChannelConfig.class));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(uid.getId() + ": " + e.getMessage(), e);
                }
                channels.put(uid, topicChannel);
                TopicChannelConfig channelConfig = topicChannel.config();
                if (!channelConfig.commandTopic.isBlank()) {
                    MqttTopics.checkTopicName(channelConfig.commandTopic);
                }
                if (!channelConfig.stopCommandTopic.isBlank()) {
                    MqttTopics.checkTopicName(channelConfig.stopCommandTopic);
                }
                if (!channelConfig.stateTopic.isBlank()) {
                    requests.add(request(channelConfig.stateTopic, channelConfig.qos,
                            message -> received(uid, topicChannel, message)));
                }
            }
            // All filters in one go: together in as few AT+QMTSUB as the modem takes. Until the broker has granted
            // them the thing is not ONLINE: a message sent to it before would be lost.
            granted = modem.subscribe(requests);
        } catch (IllegalArgumentException e) {
            configurationError(FailureStatus.configuration(e));
            return;
        }
        synchronized (subscriptions) {
            requests.forEach(request -> subscriptions.add(Map.entry(request.filter(), request.listener())));
        }
        CompletableFuture<@Nullable Void> subscribed = granted;
        if (!subscribed.isDone()) {
            updateStatus(ThingStatus.UNKNOWN);
        }
        subscribed.thenRun(() -> {
            Bridge current = getBridge();
            if (current != null && bridgeHandler != null) {
                updateStatusFromBridge(current.getStatusInfo());
            }
        });
    }

    private SubscriptionRequest request(String filter, int qos, Consumer<MqttMessage> listener) {
        return new SubscriptionRequest(filter, qos, listener,
                rejection -> configurationError(FailureStatus.text("offline.subscription-rejected", List.of(filter))));
    }

    @Override
    public void dispose() {
        Bc26ModemHandler modem = bridgeHandler;
        bridgeHandler = null;
        channels.clear();
        List<Map.Entry<String, Consumer<MqttMessage>>> made;
        synchronized (subscriptions) {
            made = new ArrayList<>(subscriptions);
            subscriptions.clear();
        }
        if (modem != null && !made.isEmpty()) {
            modem.unsubscribe(made);
        }
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        updateStatusFromBridge(bridgeStatusInfo);
    }

    private void configurationError(String description) {
        configurationError = description;
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, description);
    }

    private void updateStatusFromBridge(ThingStatusInfo bridgeStatus) {
        if (configurationError != null) {
            return;
        }
        if (bridgeStatus.getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        } else if (!granted.isDone()) {
            // The broker has not answered its subscriptions yet: ONLINE when it has.
            updateStatus(ThingStatus.UNKNOWN);
        } else if (available) {
            updateStatus(ThingStatus.ONLINE);
        } else if (config.availabilityTopic.isBlank()) {
            updateStatus(ThingStatus.ONLINE);
        } else {
            // Waiting for the availability topic (a retained message usually arrives right after subscribing).
            updateStatus(ThingStatus.UNKNOWN);
        }
    }

    private void availabilityChanged(MqttMessage message) {
        String raw = message.payloadAsString();
        ChannelTransformation transformation = availabilityTransformation;
        String payload = (transformation.isPresent() ? transformation.apply(raw).orElse("") : raw).trim();
        if (configurationError != null) {
            return;
        }
        if (payload.equals(config.payloadAvailable)) {
            available = true;
            updateStatus(ThingStatus.ONLINE);
        } else if (payload.equals(config.payloadNotAvailable)) {
            available = false;
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.topic.not-available");
        }
    }

    private void received(ChannelUID uid, TopicChannel channel, MqttMessage message) {
        if (channel.isTrigger()) {
            channel.transformedText(message).ifPresentOrElse(event -> triggerChannel(uid, event),
                    () -> ignored(uid, message));
            return;
        }
        State state = channel.received(message).orElse(null);
        if (state == null) {
            ignored(uid, message);
            return;
        }
        if (channel.config().postCommand && state instanceof Command command) {
            postCommand(uid, command);
        } else {
            updateState(uid, state);
        }
    }

    private void ignored(ChannelUID uid, MqttMessage message) {
        logger.debug("Channel {} ignores payload '{}' from {}: not a value it takes (after its transformations)", uid,
                AtText.printable(message.payloadAsString()), AtText.printable(message.topic()));
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (command instanceof RefreshType) {
            // A REFRESH is answered from the last value received: asking the broker again is not possible in MQTT.
            TopicChannel channel = channels.get(channelUID);
            if (channel != null) {
                channel.lastState().ifPresent(last -> updateState(channelUID, last));
            }
            return;
        }
        TopicChannel channel = channels.get(channelUID);
        Bc26ModemHandler modem = bridgeHandler;
        if (channel == null || modem == null) {
            return;
        }
        TopicChannelConfig channelConfig = channel.config();
        if (channelConfig.commandTopic.isBlank()) {
            return;
        }
        String payload;
        try {
            payload = channel.commanded(command);
        } catch (IllegalArgumentException e) {
            logger.warn("Channel {} does not publish {}: {}", channelUID, command, e.getMessage());
            return;
        }
        if (payload == null) {
            logger.debug("Channel {} cannot publish command {}", channelUID, command);
            return;
        }
        // A rollershutter's STOP may have a topic of its own, as on the MQTT binding.
        String topic = command == StopMoveType.STOP && !channelConfig.stopCommandTopic.isBlank()
                ? channelConfig.stopCommandTopic
                : channelConfig.commandTopic;
        // Sent on the bridge's own thread after every command given before it: ON then OFF reach the broker in order.
        modem.publishAsync(topic, payload.getBytes(StandardCharsets.UTF_8), channelConfig.qos, channelConfig.retained);
    }

    private static String typeOf(Channel channel) {
        ChannelTypeUID type = channel.getChannelTypeUID();
        return type == null ? "string" : type.getId();
    }
}
