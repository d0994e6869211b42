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
package org.openhab.binding.bc26.internal.action;

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule actions of the {@code bc26:modem} bridge: publish through the modem. DSL rules use
 * {@code getActions("bc26", "bc26:modem:<id>").publish(...)}, JavaScript rules {@code actions.thingActions(...)}.
 * <p>
 * No input is marked required: openHAB's rule engine rejects a rule whose required action inputs are set in the
 * action's configuration instead of connected to another module's output, and that is how Main UI builds rules
 * ("Required input ... not connected"). Missing values are checked here instead: the action logs why and returns
 * false.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@Component(scope = ServiceScope.PROTOTYPE, service = Bc26Actions.class)
@ThingActionsScope(name = "bc26")
@NonNullByDefault
public class Bc26Actions implements ThingActions {

    private final Logger logger = LoggerFactory.getLogger(Bc26Actions.class);
    private @Nullable Bc26ModemHandler handler;

    @Override
    public void setThingHandler(ThingHandler handler) {
        this.handler = handler instanceof Bc26ModemHandler modem ? modem : null;
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return handler;
    }

    @RuleAction(label = "@text/action.publish.label", description = "@text/action.publish.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.output.label") Boolean publish(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "payload", label = "@text/action.input.payload.label") @Nullable String payload) {
        Bc26ModemHandler handler = this.handler;
        if (handler == null) {
            return false;
        }
        return publish(topic, payload, handler.defaultQos(), false);
    }

    @RuleAction(label = "@text/action.publish-qos.label", description = "@text/action.publish-qos.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.output.label") Boolean publish(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "payload", label = "@text/action.input.payload.label") @Nullable String payload,
            @ActionInput(name = "qos", label = "@text/action.input.qos.label") @Nullable Number qos,
            @ActionInput(name = "retain", label = "@text/action.input.retain.label") @Nullable Boolean retain) {
        return publishBytes(topic, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), qos, retain);
    }

    @RuleAction(label = "@text/action.publish-bytes.label", description = "@text/action.publish-bytes.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.output.label") Boolean publishBytes(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "payload", label = "@text/action.input.payload.label") byte @Nullable [] payload,
            @ActionInput(name = "qos", label = "@text/action.input.qos.label") @Nullable Number qos,
            @ActionInput(name = "retain", label = "@text/action.input.retain.label") @Nullable Boolean retain) {
        Bc26ModemHandler handler = this.handler;
        if (handler == null) {
            logger.debug("The bridge of this action is gone");
            return false;
        }
        if (topic == null || payload == null) {
            logger.warn("publish needs a topic and a payload");
            return false;
        }
        Integer level = qosLevel(qos, handler);
        if (level == null) {
            return false;
        }
        return handler.publish(topic, payload, level, retain != null && retain);
    }

    /**
     * The QoS a rule gave. A {@link Number}, because openHAB hands an action's configured inputs over as they are
     * stored: a Main UI rule's {@code qos: 1} arrives as a {@code BigDecimal}, the thing page's action dialog and a
     * text input as a {@code Double}, a DSL or script rule as an {@code Integer}; an {@code Integer} parameter fails
     * with "argument type mismatch" for the first (core's ActionInputsHelper converts only Double and String).
     *
     * @return 0, 1 or 2; the bridge's default QoS when none was given; null (logged) for anything else
     */
    private @Nullable Integer qosLevel(@Nullable Number qos, Bc26ModemHandler handler) {
        if (qos == null) {
            return handler.defaultQos();
        }
        double value = qos.doubleValue();
        if (value != 0 && value != 1 && value != 2) {
            logger.warn("QoS must be 0, 1 or 2, not {}", qos);
            return null;
        }
        return (int) value;
    }

    /**
     * The MQTT binding's action, by its name and inputs: publishes {@code value} to {@code topic} at the bridge's
     * default QoS and returns once the message is queued (in the outbox, on disk for QoS 1 and 2), without waiting
     * for the modem or the broker, as users of {@code publishMQTT} expect. A rule written for the MQTT binding's
     * broker thing moves here by changing the action scope ({@code getActions("bc26", "bc26:modem:...")}).
     */
    @RuleAction(label = "@text/action.publish-mqtt.label", description = "@text/action.publish-mqtt.description")
    public void publishMQTT(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "value", label = "@text/action.input.value.label") @Nullable String value) {
        publishMQTT(topic, value, null);
    }

    @RuleAction(label = "@text/action.publish-mqtt.label", description = "@text/action.publish-mqtt.description")
    public void publishMQTT(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "value", label = "@text/action.input.value.label") @Nullable String value,
            @ActionInput(name = "retain", label = "@text/action.input.retain.label") @Nullable Boolean retain) {
        if (value == null) {
            logger.debug("Not publishing to '{}': no value", topic);
            return;
        }
        publishMQTT(topic, value.getBytes(StandardCharsets.UTF_8), retain);
    }

    @RuleAction(label = "@text/action.publish-mqtt.label", description = "@text/action.publish-mqtt.description")
    public void publishMQTT(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "value", label = "@text/action.input.value.label") byte @Nullable [] value) {
        publishMQTT(topic, value, null);
    }

    @RuleAction(label = "@text/action.publish-mqtt.label", description = "@text/action.publish-mqtt.description")
    public void publishMQTT(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "value", label = "@text/action.input.value.label") byte @Nullable [] value,
            @ActionInput(name = "retain", label = "@text/action.input.retain.label") @Nullable Boolean retain) {
        Bc26ModemHandler handler = this.handler;
        if (handler == null) {
            logger.warn("Not publishing to '{}': the bridge of this action is gone", topic);
            return;
        }
        if (topic == null || value == null) {
            logger.debug("Not publishing: publishMQTT needs a topic and a value");
            return;
        }
        handler.queue(topic, value, handler.defaultQos(), retain != null && retain);
    }

    /** DSL rules: {@code publish(actions, topic, payload)}. */
    public static boolean publish(@Nullable ThingActions actions, @Nullable String topic, @Nullable String payload) {
        return of(actions).publish(topic, payload);
    }

    /** DSL rules: {@code publish(actions, topic, payload, qos, retain)}. */
    public static boolean publish(@Nullable ThingActions actions, @Nullable String topic, @Nullable String payload,
            @Nullable Number qos, @Nullable Boolean retain) {
        return of(actions).publish(topic, payload, qos, retain);
    }

    /** DSL rules: {@code publishBytes(actions, topic, bytes, qos, retain)}. */
    public static boolean publishBytes(@Nullable ThingActions actions, @Nullable String topic,
            byte @Nullable [] payload, @Nullable Number qos, @Nullable Boolean retain) {
        return of(actions).publishBytes(topic, payload, qos, retain);
    }

    /** DSL rules, as with the MQTT binding: {@code publishMQTT(actions, topic, value)}. */
    public static void publishMQTT(@Nullable ThingActions actions, @Nullable String topic, @Nullable String value) {
        of(actions).publishMQTT(topic, value);
    }

    /** DSL rules: {@code publishMQTT(actions, topic, value, retain)}. */
    public static void publishMQTT(@Nullable ThingActions actions, @Nullable String topic, @Nullable String value,
            @Nullable Boolean retain) {
        of(actions).publishMQTT(topic, value, retain);
    }

    /** DSL rules: {@code publishMQTT(actions, topic, bytes)}. */
    public static void publishMQTT(@Nullable ThingActions actions, @Nullable String topic, byte @Nullable [] value) {
        of(actions).publishMQTT(topic, value);
    }

    /** DSL rules: {@code publishMQTT(actions, topic, bytes, retain)}. */
    public static void publishMQTT(@Nullable ThingActions actions, @Nullable String topic, byte @Nullable [] value,
            @Nullable Boolean retain) {
        of(actions).publishMQTT(topic, value, retain);
    }

    private static Bc26Actions of(@Nullable ThingActions actions) {
        if (actions instanceof Bc26Actions bc26) {
            return bc26;
        }
        throw new IllegalArgumentException("Instance is not a Bc26Actions class.");
    }
}
