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
            @ActionInput(name = "qos", label = "@text/action.input.qos.label") @Nullable Integer qos,
            @ActionInput(name = "retain", label = "@text/action.input.retain.label") @Nullable Boolean retain) {
        return publishBytes(topic, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), qos, retain);
    }

    @RuleAction(label = "@text/action.publish-bytes.label", description = "@text/action.publish-bytes.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.output.label") Boolean publishBytes(
            @ActionInput(name = "topic", label = "@text/action.input.topic.label") @Nullable String topic,
            @ActionInput(name = "payload", label = "@text/action.input.payload.label") byte @Nullable [] payload,
            @ActionInput(name = "qos", label = "@text/action.input.qos.label") @Nullable Integer qos,
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
        int level = qos == null ? handler.defaultQos() : qos;
        if (level < 0 || level > 2) {
            logger.warn("QoS must be 0, 1 or 2, not {}", level);
            return false;
        }
        return handler.publish(topic, payload, level, retain != null && retain);
    }

    /** DSL rules: {@code publish(actions, topic, payload)}. */
    public static boolean publish(@Nullable ThingActions actions, @Nullable String topic, @Nullable String payload) {
        return of(actions).publish(topic, payload);
    }

    /** DSL rules: {@code publish(actions, topic, payload, qos, retain)}. */
    public static boolean publish(@Nullable ThingActions actions, @Nullable String topic, @Nullable String payload,
            @Nullable Integer qos, @Nullable Boolean retain) {
        return of(actions).publish(topic, payload, qos, retain);
    }

    /** DSL rules: {@code publishBytes(actions, topic, bytes, qos, retain)}. */
    public static boolean publishBytes(@Nullable ThingActions actions, @Nullable String topic,
            byte @Nullable [] payload, @Nullable Integer qos, @Nullable Boolean retain) {
        return of(actions).publishBytes(topic, payload, qos, retain);
    }

    private static Bc26Actions of(@Nullable ThingActions actions) {
        if (actions instanceof Bc26Actions bc26) {
            return bc26;
        }
        throw new IllegalArgumentException("Instance is not a Bc26Actions class.");
    }
}
