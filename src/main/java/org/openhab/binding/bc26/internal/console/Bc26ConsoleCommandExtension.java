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
package org.openhab.binding.bc26.internal.console;

import java.util.Objects;
import static org.openhab.binding.bc26.internal.Bc26BindingConstants.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.cli.Json;
import org.openhab.binding.bc26.internal.cli.ProbeReport;
import org.openhab.binding.bc26.internal.handler.Bc26ModemHandler;
import org.openhab.binding.bc26.internal.modem.ModemSession;
import org.openhab.binding.bc26.internal.modem.at.AtCommand;
import org.openhab.binding.bc26.internal.modem.at.AtException;
import org.openhab.binding.bc26.internal.modem.dialect.ModemDialect;
import org.openhab.binding.bc26.internal.modem.dialect.ModemModel;
import org.openhab.binding.bc26.internal.modem.mqtt.Bc26MqttClient;
import org.openhab.binding.bc26.internal.modem.mqtt.MqttException;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;
import org.openhab.core.io.console.extensions.ConsoleCommandExtension;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatusInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code openhab:bc26} in the Karaf console, for installers: the bridges and why they are offline, a bridge's modem,
 * a raw AT command and a test message through a running bridge. Everything goes through the bridge's own thread,
 * between its own commands, so the port stays with the bridge. Output uses the command line's words: one JSON object
 * per line, {@code error} and {@code detail} for what failed.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = ConsoleCommandExtension.class)
public class Bc26ConsoleCommandExtension extends AbstractConsoleCommandExtension {

    private static final String LIST = "list";
    private static final String SHOW = "show";
    private static final String AT = "at";
    private static final String PUBLISH = "publish";
    /** Longer than the bridge's own publish timeout (45 s by default), so its answer is what the console shows. */
    private static final Duration PUBLISH_WAIT = Duration.ofSeconds(120);
    /** Modem work waits its turn behind the bridge's (a reconnect can take a while) before it runs. */
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(60);

    private final ThingRegistry thingRegistry;

    @Activate
    public Bc26ConsoleCommandExtension(final @Reference ThingRegistry thingRegistry) {
        super("bc26", "BC26 bridges: their state, their modem, a raw AT command or a test message through one.");
        this.thingRegistry = thingRegistry;
    }

    @Override
    public List<String> getUsages() {
        return List.of(buildCommandUsage(LIST, "every BC26 bridge with its status, last failure and outbox"),
                buildCommandUsage(SHOW + " <bridge>", "the bridge, then its modem: identity, SIM, registration, cell"
                        + " and signal, asked through the running bridge"),
                buildCommandUsage(AT + " <bridge> <command> [timeout-ms]",
                        "one raw AT command through the running bridge, between its own commands"),
                buildCommandUsage(PUBLISH + " <bridge> <topic> <payload> [qos] [retain]",
                        "publish a test message through the bridge, as a rule action does"));
    }

    @Override
    public void execute(String[] args, Console console) {
        if (args.length == 0) {
            printUsage(console);
            return;
        }
        switch (args[0]) {
            case LIST -> list(console);
            case SHOW -> withBridge(args, 2, 2, console, (thing, handler) -> show(thing, handler, console));
            case AT -> withBridge(args, 3, 4, console, (thing, handler) -> at(handler, args, console));
            case PUBLISH -> withBridge(args, 4, 6, console, (thing, handler) -> publish(handler, args, console));
            default -> printUsage(console);
        }
    }

    private interface BridgeCommand {
        void run(Thing thing, Bc26ModemHandler handler);
    }

    /** Finds the bridge named by {@code args[1]} (its UID or only its id) and runs the command on its handler. */
    private void withBridge(String[] args, int minArgs, int maxArgs, Console console, BridgeCommand command) {
        if (args.length < minArgs || args.length > maxArgs) {
            printUsage(console);
            return;
        }
        Thing thing = bridges().stream().filter(t -> t.getUID().getAsString().equals(args[1])
                || t.getUID().getId().equals(args[1])).findFirst().orElse(null);
        if (thing == null) {
            error(console, "NO_SUCH_BRIDGE", "No BC26 bridge " + args[1] + "; " + LIST + " shows them");
        } else if (!(thing.getHandler() instanceof Bc26ModemHandler handler)) {
            error(console, "NOT_RUNNING", "The bridge " + thing.getUID() + " is not running (status "
                    + thing.getStatus() + "); enable it first");
        } else {
            command.run(thing, handler);
        }
    }

    private List<Thing> bridges() {
        return thingRegistry.stream().filter(thing -> THING_TYPE_MODEM.equals(thing.getThingTypeUID()))
                .sorted(Comparator.comparing(thing -> thing.getUID().getAsString())).toList();
    }

    private void list(Console console) {
        List<Thing> bridges = bridges();
        if (bridges.isEmpty()) {
            console.println("No BC26 bridges.");
        }
        bridges.forEach(thing -> console.println(bridgeLine(thing).toString()));
    }

    /** The bridge as {@code list} shows it: status, the session's last failure (kept after it came back), outbox. */
    private static Json bridgeLine(Thing thing) {
        ThingStatusInfo status = thing.getStatusInfo();
        Json json = Json.object().put("bridge", thing.getUID().getAsString()).put("label", thing.getLabel())
                .put("status", status.getStatus().name()).put("statusDetail", status.getStatusDetail().name());
        if (thing.getHandler() instanceof Bc26ModemHandler handler) {
            json.put("online", handler.isSessionOnline()).put("outbox", handler.outboxSize());
            handler.lastFailure().ifPresent(failure -> json.put("reason", failure.kind().name()).put("detail",
                    failure.detail()));
        }
        return json;
    }

    private void show(Thing thing, Bc26ModemHandler handler, Console console) {
        console.println(bridgeLine(thing).put(PROPERTY_RECEIVE_FORMAT, thing.getProperties().get(
                PROPERTY_RECEIVE_FORMAT)).toString());
        answer(handler.withModem(ProbeReport::of), QUEUE_WAIT.plusSeconds(60), console,
                json -> console.println(json.toString()));
    }

    private void at(Bc26ModemHandler handler, String[] args, Console console) {
        AtCommand command;
        try {
            int timeoutMs = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
            if (timeoutMs < 100 || timeoutMs > 700_000) {
                throw new IllegalArgumentException("timeout-ms is 100 to 700000, not " + timeoutMs);
            }
            command = AtCommand.of(args[2]).withTimeout(Duration.ofMillis(timeoutMs)).withBareInfo();
        } catch (IllegalArgumentException e) {
            // NumberFormatException included
            error(console, "INVALID_ARGUMENT", e.getMessage());
            return;
        }
        answer(handler.withModem(modem -> modem.engine().execute(command).lines()),
                QUEUE_WAIT.plus(command.timeout()), console, lines -> {
                    lines.forEach(console::println);
                    console.println("OK");
                });
    }

    private void publish(Bc26ModemHandler handler, String[] args, Console console) {
        String topic = args[2];
        byte[] payload = args[3].getBytes(StandardCharsets.UTF_8);
        int qos;
        try {
            qos = args.length > 4 ? Integer.parseInt(args[4]) : handler.defaultQos();
            if (args.length > 5 && !args[5].equals("retain")) {
                throw new IllegalArgumentException("the last argument is \"retain\" or nothing, not " + args[5]);
            }
            // Checked here as the command line does: a message that can never be sent is not queued.
            Bc26MqttClient.checkPublishable(topic, payload, qos, Objects.requireNonNullElse(
                    handler.session().map(ModemSession::dialect).orElse(null), ModemDialect.of(ModemModel.BC26)));
        } catch (IllegalArgumentException e) {
            error(console, "INVALID_ARGUMENT", e.getMessage());
            return;
        } catch (MqttException e) {
            error(console, e.getReason().name(), e.getMessage());
            return;
        }
        boolean retain = args.length > 5;
        boolean online = handler.isSessionOnline();
        long start = System.nanoTime();
        CompletableFuture<Boolean> sent = handler.publishAsync(topic, payload, qos, retain);
        if (!online) {
            console.println(Json.object().put("event", "queued").put("topic", topic).put("qos", qos)
                    .put("retain", retain).put("outbox", handler.outboxSize())
                    .put("detail", "The session is down: the message waits in the outbox").toString());
            return;
        }
        answer(sent, PUBLISH_WAIT, console, delivered -> {
            if (delivered) {
                console.println(Json.object().put("event", "published").put("topic", topic).put("qos", qos)
                        .put("retain", retain).put("result", qos == 0 ? "sent" : "acknowledged")
                        .put("milliseconds", (System.nanoTime() - start) / 1_000_000).toString());
            } else {
                error(console, "NOT_DELIVERED", "Not acknowledged; if the session went down, the message waits in"
                        + " the outbox (" + handler.outboxSize() + " there now)");
            }
        });
    }

    private interface Answer<T> {
        void print(T value);
    }

    /** Waits for the bridge's answer (bounded) and prints it, or the failure in the command line's words. */
    private static <T> void answer(CompletableFuture<T> future, Duration wait, Console console, Answer<T> printer) {
        try {
            printer.print(future.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(console, "INTERRUPTED", "Interrupted");
        } catch (TimeoutException e) {
            error(console, "TIMEOUT", "The bridge did not answer within " + wait.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AtException at) {
                error(console, at.getKind().name(), at.getMessage());
            } else {
                MqttException failure = Bc26MqttClient.failureOf(e);
                error(console, failure.getReason().name(), failure.getMessage());
            }
        }
    }

    private static void error(Console console, String reason, @Nullable String detail) {
        console.println(Json.object().put("error", reason).put("detail", detail).toString());
    }
}
