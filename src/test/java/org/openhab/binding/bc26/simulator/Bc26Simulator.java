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
package org.openhab.binding.bc26.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A Quectel BC26 as its host sees it, built from the protocol reference ({@code shared/bc26-protocol.md}) and the
 * serial transcripts, not from the driver. It interprets the AT command set of the reference and speaks MQTT to a
 * <em>real</em> broker per connect id ({@link SimMqttConnection}: the host's message ids on the wire, DUP 0,
 * retransmissions and {@code +QMTSTAT} codes caused by what the connection does, no session state across a close),
 * so CONNACK codes, granted QoS, retained messages and deliveries come from the broker. Incoming publishes are printed
 * as BC26 prints them, {@code +QMTRECV: id,mid,"topic","payload"} with no escaping, as soon as they arrive.
 * <p>
 * Byte-level behaviour: echo on by default; auto-baud (input ignored until the first {@code AT}); data mode after
 * {@code >} ended by Ctrl+Z (send) or ESC (cancel) with the 1024-byte limit, the 700-byte limit of the direct form;
 * plain {@code ERROR} for MQTT write errors (firmware V1.1); boot banner with LF CR endings; line-rate pacing.
 * Timing: answer delays near the seed capture (QMTOPEN 1.3 s, QMTCONN 0.8 s, QMTSUB 1.8 s, QMTPUB 0.9 s), all
 * multiplied by {@link Options#timeScale}; registration that takes time and announces itself with +CEREG and +IP;
 * sleep that swallows the first AT and holds back messages. {@link Profile#STRICT} (the default) refuses a second
 * packet in flight; the UART has no flow control and drops what the host does not read in time ({@link SimOutput}).
 * A lost cell makes the network silent, and the sessions end as the modem notices (PINGREQ unanswered, packets
 * failing). Faults are injected through the public methods.
 * <p>
 * Transports: {@link SimTransport} (pseudo-terminal or TCP).
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Bc26Simulator implements AutoCloseable {

    /** Behaviour knobs. */
    public static final class Options {
        /** Multiplies every modem delay: 1.0 real time, 0.01 for fast tests, 0 for none. */
        public double timeScale = 1.0;
        /** Line rate for output pacing; 0 = unpaced (and then nothing is lost: the line waits for the host). */
        public int baudRate = 0;
        /**
         * What the host's serial driver holds of unread output at a paced line rate; beyond it output is lost, as on
         * a UART without flow control (BC26's main UART has no RTS/CTS).
         */
        public int hostBufferBytes = 4096;
        /**
         * The line rate was fixed earlier with {@code AT+IPR=<rate>} and {@code AT&W}: the modem answers at once at that
         * rate. Without it BC26 auto-bauds, and only at 4800, 9600 and 115200 (AT+IPR=? lists those as its auto-baud
         * rates): at any other {@link #baudRate} it never answers.
         */
        public boolean ratePersisted;
        /** Time until the modem registers after power-on (before scaling). */
        public Duration registrationDelay = Duration.ofSeconds(2);
        /** AT+QSCLK at power-on: 0 never sleeps (the binding's setting), 1 or 2 sleep when idle. */
        public int sleepMode = 1;
        /** Idle time before sleeping (BC26 keeps a 10 s lock after each command); not scaled, it is a modem trait. */
        public Duration sleepAfter = Duration.ofSeconds(10);
        /**
         * Time the modem takes before an answer (scaled); the real capture's plain OKs come 0-47 ms after the command,
         * so 40 ms is "realistic". Zero answers at once. Later output waits behind it, so the order is kept.
         */
        public Duration answerTime = Duration.ZERO;
        /** SIM PIN, or null for a SIM without PIN. */
        public @Nullable String simPin;
        /**
         * Firmware of the BC26 MQTT application note V1.0, which lacks the "version", "dataformat" and "echomode"
         * items of AT+QMTCFG: messages arrive as text only. Its MQTT write commands answer {@code +CME ERROR: 50} where
         * V1.1 firmware answers {@code ERROR}.
         */
        public boolean firmwareV10;
        /** How hard the simulated modem is on the host; tests run {@link Profile#STRICT}, the harder one. */
        public Profile profile = Profile.STRICT;
        /** Which modem of the family is simulated: BC26, or the BC660K-GL / BC260Y dialect. */
        public Model model = Model.BC26;
    }

    /**
     * The modems the simulator speaks as. BG95, BG96 and BG77 share another (BG95&BG77&BG600L series and BG96 MQTT
     * application notes): client ids 0-5, {@code RDY} and {@code APP RDY} at boot, the exact-length publish
     * {@code AT+QMTPUB=<id>,<mid>,<qos>,<retain>,"<topic>",<len>} then {@code >} and exactly {@code len} bytes, and
     * {@code AT+QMTCFG="recv/mode",<id>,1[,1]}: a received message is kept in one of five places, announced as
     * {@code +QMTRECV: <id>,<recv_id>}, printed only when read with {@code AT+QMTRECV=<id>,<recv_id>}; with all five
     * taken, a new message is lost (the hardest reading: the notes do not say it waits). BC660K-GL and BC260Y share one
     * MQTT dialect (BC660K-GL&BC950K-GL MQTT
     * application note V1.2, and its chapter 6 examples in {@code transcripts/bc660k-quectel-mqttan-1.txt}): client ids
     * 0-4, {@code RDY} at boot, the length-delimited publish {@code AT+QMTPUB=<id>,<mid>,<qos>,<retain>,"<topic>",
     * <len>,"<msg>"} instead of BC26's direct form, data mode up to 1460 bytes (more is "omitted"), and
     * {@code AT+QMTCFG="showrecvlen"}, which puts the payload's length in {@code +QMTRECV}.
     */
    public enum Model {
        BC26("Quectel_Ltd\r\nQuectel_BC26", "BC26NBR01A01"),
        BC660K("Quectel\r\nBC660K-GL", "BC660KGLAAR01A04"),
        BC260Y("Quectel\r\nBC260Y-CN", "BC260YCNAAR02A03"),
        BG95("Quectel\r\nBG95-M3", "BG95M3LAR02A03"),
        BG96("Quectel\r\nBG96", "BG96MAR02A07M1G"),
        BG77("Quectel\r\nBG77", "BG77LAR02A04");

        final String ati;
        final String revision;

        Model(String ati, String revision) {
            this.ati = ati;
            this.revision = revision;
        }
    }

    /**
     * How the simulated modem treats packets in flight. No BC26 capture shows two MQTT packets of one client in flight
     * at once, and a public BC26/BC260Y-compatible firmware answers {@code ERROR} to a publish while another is in flight:
     * the strict profile does that, and prints {@code +QMTRECV} as soon as it arrives, between a command's {@code OK}
     * and its result. The lenient profile accepts any number in flight and holds deliveries back until the pending
     * {@code +QMTPUB} result is printed (the order of one seed capture).
     */
    public enum Profile {
        STRICT,
        LENIENT
    }

    static final String BANNER = "\n\rF1: 0000 0000\n\rV0: 0000 0000 [0001]\n\r00: 0006 000C\n\r01: 0000 0000\n\r"
            + "U0: 0000 0001 [0000]\n\rT0: 0000 00B4\n\rLeaving the BROM\n\r";
    private static final int DIRECT_LIMIT = 700;
    private static final List<Integer> AUTO_BAUD_RATES = List.of(4800, 9600, 115200);
    /** Commands kept for {@link #receivedCommands()}: every command of a test, the recent ones of a soak. */
    private static final int HISTORY = 20_000;
    private static final int DATA_LIMIT = 1024;
    /** BC660K/BC260Y: text payloads of the length form and data mode (BC660K MQTT AN §3.3.8). */
    private static final int LENGTH_DATA_LIMIT = 1460;
    /** The length form after the command's name: id, msgID, qos, retain, "topic" (no quote inside), len, "msg". */
    private static final Pattern LENGTH_FORM = Pattern.compile("\\d+,\\d+,\\d+,\\d+,\"[^\"]*\",(\\d{1,5}),\"(.*)\"",
            Pattern.DOTALL);

    private final Options options;
    private final SimOutput out;
    private long storeOverflows;
    private long messagesFromBroker;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bc26-sim-timer");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService network = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bc26-sim-network");
        t.setDaemon(true);
        return t;
    });
    /** Sends packets to the broker one at a time, in the order the host gave them (a modem keeps that order). */
    private final ScheduledExecutorService uplink = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bc26-sim-uplink");
        t.setDaemon(true);
        return t;
    });
    /** When the last packet is due to leave: a later one never leaves before it. */
    private long uplinkNotBefore;
    private final AtomicReference<@Nullable Qos2Step> cutAtQos2Step = new AtomicReference<>();
    private final SimClient[] clients = new SimClient[6];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final List<String> received = new ArrayList<>();
    private final List<Long> receivedAt = new ArrayList<>();
    private final List<Runnable> heldWhileAsleep = new ArrayList<>();
    private final AtomicInteger commandsReceived = new AtomicInteger();

    // Modem state (guarded by this).
    private boolean echo = true;
    private boolean baudLocked;
    private int ceregMode;
    private int registration = 2;
    private int functionality = 1;
    private int sleepMode;
    private boolean psm;
    private boolean asleep;
    private long lastActivity = System.nanoTime();
    private boolean simInserted = true;
    private boolean pinEntered;
    private String apn = "";
    private List<Integer> bands = List.of(8);
    private int cmee;
    private @Nullable PendingData pendingData;
    /** Data the host sends after a prompt or CONNECT that is not a publish (certificates, files). */
    private @Nullable PendingUpload pendingUpload;
    private final SimTls tls = new SimTls();
    private long generation;
    /** Power cut (USB adapter unplugged with a board powered from it): input ignored until {@link #reboot()}. */
    private boolean poweredOff;
    /** Counts cell losses, so a registration scheduled before one does not happen after it. */
    private long cellLosses;
    /** False while the cell is gone: packets neither leave nor arrive. */
    private boolean networkUp = true;
    private final Map<Integer, Integer> connectionsLost = new TreeMap<>();
    private final List<Qos2Cut> cuts = new ArrayList<>();
    /** Topic filters of SUBSCRIBE packets on the wire, by packet id, until their SUBACK. */
    private final Map<Integer, List<String>> subscribing = new java.util.HashMap<>();
    /** Every topic filter the broker granted, for tests that must wait until a subscription is in place. */
    private final java.util.Set<String> subscribed = new java.util.HashSet<>();
    private long retransmissions;

    // Fault injection (guarded by this).
    private @Nullable Integer nextOpenResult;
    private @Nullable Integer nextConnack;
    private Duration answerDelay = Duration.ZERO;
    private @Nullable String deniedFilter;
    private boolean dropAfterNextConnack;
    /** Answers held back (the modem still working on them), printed by {@link #releaseAnswers()}. */
    private volatile @Nullable List<String> heldAnswers;
    /** The {@code >} prompt is among the held answers: data from the host now came before the modem asked for it. */
    private boolean promptHeld;
    private long dataBeforePrompt;
    /** MQTT commands answered ERROR because another packet of the client was in flight (strict profile). */
    private long refusedWhileBusy;
    private final SimAnswerFaults answerFaults = new SimAnswerFaults();
    /** How the answer of the command being executed is printed (late, split), or null for at once. */
    private SimAnswerFaults.@Nullable Shape answerShape;

    /** A publish waiting for its data after the {@code >} prompt. */
    /** Certificate or file data being received: {@code length} -1 ends with Ctrl+Z, else after that many bytes. */
    private record PendingUpload(int length, Consumer<byte[]> done) {
    }

    /** A publish waiting for its data after the prompt; {@code length} -1 ends with Ctrl+Z, else after that many bytes. */
    private record PendingData(int id, int messageId, int qos, boolean retain, String topic, int length) {
    }

    public Bc26Simulator(Options options, Consumer<byte[]> sink) {
        this.options = options;
        this.out = new SimOutput(sink, options.baudRate, options.hostBufferBytes);
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new SimClient(i);
        }
        powerOn();
    }

    /** The behaviour knobs, read at each command: a test may change them before the binding starts. */
    public Options options() {
        return options;
    }

        /** Where output goes (a new pty or socket after the link was cut and restored). */
    public void setSink(Consumer<byte[]> sink) {
        out.setSink(sink);
    }

    private synchronized void powerOn() {
        generation++;
        echo = true;
        baudLocked = options.ratePersisted;
        ceregMode = 0;
        registration = 2;
        functionality = 1;
        sleepMode = options.sleepMode;
        psm = false;
        asleep = false;
        pinEntered = options.simPin == null;
        pendingData = null;
        line.reset();
        data.reset();
        lastActivity = System.nanoTime();
        scheduleRegistration(options.registrationDelay);
    }

    private void scheduleRegistration(Duration delay) {
        long gen = generation;
        long cell = cellLosses;
        after(delay, () -> {
            synchronized (this) {
                if (gen != generation || cell != cellLosses || !simInserted || !pinEntered || functionality != 1
                        || registration == 1) {
                    return;
                }
                registration = 1;
                // Registered again: the network carries packets (after a lost cell or a SIM put back).
                setNetwork(true);
                if (ceregMode >= 1) {
                    urc("+CEREG: 1");
                }
                urc("+IP: 10.170.235.216");
            }
        });
    }

    // ---- input ----

    /** Bytes from the host. */
    public synchronized void receive(byte[] bytes, int length) {
        if (poweredOff) {
            return;
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            PendingUpload upload = pendingUpload;
            if (upload != null) {
                if (upload.length() < 0 && b == 0x1A) {
                    pendingUpload = null;
                    upload.done().accept(data.toByteArray());
                    data.reset();
                } else {
                    data.write(b);
                    if (data.size() == upload.length()) {
                        pendingUpload = null;
                        upload.done().accept(data.toByteArray());
                        data.reset();
                    }
                }
                continue;
            }
            PendingData pending = pendingData;
            if (pending != null) {
                if (promptHeld) {
                    dataBeforePrompt++;
                }
                if (pending.length() >= 0) {
                    // Exact length: every byte is data, Ctrl+Z and ESC included, until the announced count.
                    data.write(b);
                    if (data.size() == pending.length()) {
                        pendingData = null;
                        byte[] payload = data.toByteArray();
                        data.reset();
                        publishData(pending, payload);
                    }
                } else if (b == 0x1A) {
                    pendingData = null;
                    byte[] payload = data.toByteArray();
                    data.reset();
                    publishData(pending, payload);
                } else if (b == 0x1B) {
                    // ESC leaves data mode without sending (AN11); the answer is not documented: OK.
                    pendingData = null;
                    data.reset();
                    respond("\r\nOK\r\n");
                } else {
                    data.write(b);
                    SimClient client = clients[pending.id()];
                    if (client.echoData) {
                        out.send(new byte[] { b });
                    }
                }
                continue;
            }
            if (b == '\r') {
                String command = line.toString(StandardCharsets.UTF_8).replace("\n", "").trim();
                line.reset();
                if (!command.isEmpty()) {
                    commandLine(command);
                }
            } else if (line.size() < 4096) {
                line.write(b);
            }
        }
    }

    private void commandLine(String command) {
        if (!baudLocked && options.baudRate > 0 && !AUTO_BAUD_RATES.contains(options.baudRate)) {
            // Auto-baud cannot lock on at this rate: every byte is noise to the modem.
            return;
        }
        if (!baudLocked) {
            // Auto-baud: everything before the first AT is noise at the wrong rate; that AT only tunes the UART.
            if (command.toUpperCase(Locale.ROOT).endsWith("AT")) {
                baudLocked = true;
            }
            return;
        }
        if (asleep || shouldBeAsleep()) {
            // The UART is off in sleep: this line only wakes the modem (ATM §4.14: send AT first).
            wake();
            return;
        }
        lastActivity = System.nanoTime();
        commandsReceived.incrementAndGet();
        received.add(command);
        receivedAt.add(System.nanoTime());
        if (received.size() > HISTORY + HISTORY / 10) {
            // A soak sends hundreds of thousands of commands: keep the recent ones (trimmed in batches, so the cost
            // is spread), so the history is not a leak.
            received.subList(0, received.size() - HISTORY).clear();
            receivedAt.subList(0, receivedAt.size() - HISTORY).clear();
        }
        if (answerFaults.isHung()) {
            answerFaults.ignoredWhileHung();
            return;
        }
        if (echo) {
            out.send(command + "\r");
        }
        if (command.length() < 2 || !command.substring(0, 2).equalsIgnoreCase("AT")) {
            respond("\r\nERROR\r\n");
            return;
        }
        SimAnswerFaults.Shape shape = answerFaults.take(command);
        String refusal = shape == null ? null : shape.refusal();
        if (refusal != null) {
            respond("\r\n" + refusal + "\r\n");
            return;
        }
        answerShape = shape;
        try {
            execute(command.substring(2), command);
        } catch (RuntimeException e) {
            // Malformed parameters: the modem says ERROR, nothing else.
            respond(cmeOrError(50));
        } finally {
            answerShape = null;
        }
    }

    /** Answers late, split around URCs, refused, or an AT task that hangs: see {@link SimAnswerFaults}. */
    public SimAnswerFaults answerFaults() {
        return answerFaults;
    }

    private boolean shouldBeAsleep() {
        if (sleepMode == 0) {
            return false;
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle > options.sleepAfter.toNanos()) {
            asleep = true;
        }
        return asleep;
    }

    private void wake() {
        asleep = false;
        lastActivity = System.nanoTime();
        List<Runnable> held = new ArrayList<>(heldWhileAsleep);
        heldWhileAsleep.clear();
        held.forEach(Runnable::run);
    }

    // ---- commands ----

    private void execute(String body, String original) {
        String upper = body.toUpperCase(Locale.ROOT);
        String name;
        String args = "";
        boolean read = false;
        boolean test = false;
        int eq = body.indexOf('=');
        if (upper.endsWith("=?")) {
            name = upper.substring(0, upper.length() - 2);
            test = true;
        } else if (upper.endsWith("?") && eq < 0) {
            name = upper.substring(0, upper.length() - 1);
            read = true;
        } else if (eq >= 0) {
            name = upper.substring(0, eq);
            args = body.substring(eq + 1);
        } else {
            name = upper;
        }
        if (test) {
            testForm(name);
            return;
        }
        switch (name) {
            case "" -> ok();
            case "E0" -> {
                echo = false;
                ok();
            }
            case "E1" -> {
                echo = true;
                ok();
            }
            case "I" -> respond("\r\n" + options.model.ati + "\r\nRevision: " + options.model.revision
                    + "\r\n\r\nOK\r\n");
            case "+CGMR" -> respond("\r\nRevision: " + options.model.revision + "\r\n\r\nOK\r\n");
            case "+CGSN" -> cgsn(args);
            case "+CIMI" -> simAnswer("\r\n460012345678969\r\n\r\nOK\r\n");
            case "+QCCID" -> respond(simInserted ? "\r\n+QCCID: 89860317482035195410\r\n\r\nOK\r\n" : "\r\nOK\r\n");
            case "+CPIN" -> cpin(read, args);
            case "+CMEE" -> {
                if (read) {
                    respond("\r\n+CMEE: " + cmee + "\r\n\r\nOK\r\n");
                } else {
                    cmee = SimParams.parse(args).integer(0);
                    ok();
                }
            }
            case "+CEREG" -> cereg(read, args);
            case "+CGATT" -> respond(read ? "\r\n+CGATT: " + (registered() ? 1 : 0) + "\r\n\r\nOK\r\n" : "\r\nOK\r\n");
            case "+CSQ" -> respond("\r\n+CSQ: " + (registered() ? 20 : 99) + ",99\r\n\r\nOK\r\n");
            case "+CESQ" -> respond(registered() ? "\r\n+CESQ: 36,99,255,255,12,53\r\n\r\nOK\r\n"
                    : "\r\n+CESQ: 99,99,255,255,255,255\r\n\r\nOK\r\n");
            case "+QENG" -> respond("\r\n+QENG: 0,2506,2,62,\"6923252\",-84,-10,-74,2,8,\"69C9\",0,90\r\n\r\nOK\r\n");
            case "+COPS" -> respond(read ? "\r\n+COPS: 0,2,\"46692\",9\r\n\r\nOK\r\n" : "\r\nOK\r\n");
            case "+QBAND" -> {
                if (bufferedDialect()) {
                    respond(mqttError());
                } else {
                    qband(read, args);
                }
            }
            case "+QICSGP" -> qicsgp(SimParams.parse(args));
            case "+QCFG" -> qcfg(SimParams.parse(args));
            case "+QCGDEFCONT" -> {
                if (bufferedDialect()) {
                    respond(mqttError());
                } else if (read) {
                    respond("\r\n+QCGDEFCONT: \"IP\",\"" + apn + "\"\r\n\r\nOK\r\n");
                } else {
                    apn = SimParams.parse(args).text(1);
                    ok();
                }
            }
            case "+CPSMS" -> {
                if (read) {
                    respond("\r\n+CPSMS: " + (psm ? 1 : 0) + ",,,\"01000011\",\"01000011\"\r\n\r\nOK\r\n");
                } else {
                    psm = SimParams.parse(args).integer(0) == 1;
                    ok();
                }
            }
            case "+CEDRXS", "+QEDRXCFG", "+CSCON", "+QNBIOTEVENT", "+CTZR", "+QRELLOCK", "+IPR", "&W", "+QATWAKEUP" -> ok();
            case "+QSCLK" -> {
                if (read) {
                    respond("\r\n+QSCLK: " + sleepMode + "\r\n\r\nOK\r\n");
                } else {
                    sleepMode = SimParams.parse(args).integer(0);
                    ok();
                }
            }
            case "+CCLK" -> respond("\r\n+CCLK: \"" + ZonedDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yy/MM/dd,HH:mm:ss")) + "+00\"\r\n\r\nOK\r\n");
            case "+CFUN" -> cfun(read, args);
            case "+QRST" -> reboot();
            case "+QMTCFG" -> qmtcfg(args);
            case "+QMTOPEN" -> {
                if (read) {
                    qmtopenRead();
                } else {
                    qmtopen(SimParams.parse(args));
                }
            }
            case "+QMTCLOSE" -> qmtclose(SimParams.parse(args));
            case "+QMTCONN" -> {
                if (read) {
                    qmtconnRead();
                } else {
                    qmtconn(SimParams.parse(args));
                }
            }
            case "+QMTDISC" -> qmtdisc(SimParams.parse(args));
            case "+QMTSUB" -> qmtsub(SimParams.parse(args));
            case "+QMTUNS" -> qmtuns(SimParams.parse(args));
            case "+QMTPUB" -> qmtpub(args);
            case "+QSSLCFG" -> qsslcfg(SimParams.parse(args));
            case "+QFUPL" -> qfupl(SimParams.parse(args));
            case "+QFDEL" -> qfdel(SimParams.parse(args));
            case "+QFLST" -> qflst(SimParams.parse(args));
            case "+QMTRECV" -> {
                if (!bufferedDialect()) {
                    respond(mqttError());
                } else if (read) {
                    qmtrecvRead();
                } else {
                    qmtrecvTake(SimParams.parse(args));
                }
            }
            default -> respond(cmeOrError(4));
        }
    }

    private void testForm(String name) {
        if (lengthDialect() && name.startsWith("+QMT")) {
            // As BC660K's application note prints them (chapter 6), its client ids 0-4 and the length form.
            switch (name) {
                case "+QMTCONN" -> respond("\r\n+QMTCONN: (0-4),<clientID>,<username>,<password>\r\n\r\nOK\r\n");
                case "+QMTSUB" -> respond("\r\n+QMTSUB: (0-4),(1-65535),<topic>,(0-2),<topic>,(0-2),...\r\n\r\nOK\r\n");
                case "+QMTPUB" -> respond(
                        "\r\n+QMTPUB: (0-4),(0-65535),(0-2),(0,1),<topic>,(0-1460),<msg>\r\n\r\nOK\r\n");
                default -> respond(mqttError());
            }
            return;
        }
        switch (name) {
            case "+QMTOPEN" -> respond("\r\n+QMTOPEN: (0-5),\"<host_name>\",<port>\r\n\r\nOK\r\n");
            case "+QMTCONN" -> respond("\r\n+QMTCONN: (0-5),\"<clientID>\"[,\"<username>\"[,\"<password>\"]]\r\n\r\nOK\r\n");
            case "+QMTSUB" -> respond("\r\n+QMTSUB: (0-5),<msgID>,\"<topic>\",<qos>[,\"<topic>\",<qos>...]\r\n\r\nOK\r\n");
            case "+QMTPUB" -> respond("\r\n+QMTPUB: (0-5),<msgID>,<qos>,<retain>,\"<topic>\",\"<msg>\"\r\n\r\nOK\r\n");
            case "+QBAND" -> respond("\r\n+QBAND: (0-15),(1,2,3,5,8,12,13,17,18,19,20,25,26,28,66)\r\n\r\nOK\r\n");
            case "+CFUN" -> respond("\r\n+CFUN: (0,1,4,7),(0-2)\r\n\r\nOK\r\n");
            case "+IPR" -> respond("\r\n+IPR: (4800,9600,115200),(0,110,300,1200,2400,4800,9600,19200,38400,57600,"
                    + "115200,230400,460800,921600)\r\n\r\nOK\r\n");
            default -> ok();
        }
    }

    private void cgsn(String args) {
        String mode = args.isEmpty() ? "0" : args.trim();
        switch (mode) {
            case "1" -> respond("\r\n+CGSN: 866971030000001\r\n\r\nOK\r\n");
            case "0" -> respond("\r\n1f9d6c0e-7c4a-4d55-9a3c-66e1b3bd4c21\r\n\r\nOK\r\n");
            default -> respond("\r\n+CGSN: 8669710300000101\r\n\r\nOK\r\n");
        }
    }

    private void simAnswer(String answer) {
        respond(simInserted ? answer : cmeOrError(10));
    }

    private void cpin(boolean read, String args) {
        if (!simInserted) {
            respond(cmeOrError(10));
        } else if (read) {
            respond("\r\n+CPIN: " + (pinEntered ? "READY" : "SIM PIN") + "\r\n\r\nOK\r\n");
        } else if (pinEntered) {
            respond(cmeOrError(3));
        } else if (SimParams.parse(args).text(0).equals(options.simPin)) {
            pinEntered = true;
            ok();
            scheduleRegistration(options.registrationDelay);
        } else {
            respond(cmeOrError(16));
        }
    }

    private void cereg(boolean read, String args) {
        if (read) {
            respond("\r\n+CEREG: " + ceregMode + "," + registration + "\r\n\r\nOK\r\n");
        } else {
            ceregMode = SimParams.parse(args).integer(0);
            ok();
        }
    }

    private void qband(boolean read, String args) {
        if (read) {
            StringBuilder answer = new StringBuilder("\r\n+QBAND: ");
            for (int i = 0; i < bands.size(); i++) {
                answer.append(i == 0 ? "" : ",").append(bands.get(i));
            }
            respond(answer + "\r\n\r\nOK\r\n");
            return;
        }
        SimParams p = SimParams.parse(args);
        List<Integer> newBands = new ArrayList<>();
        for (int i = 1; i < p.size(); i++) {
            newBands.add(p.integer(i));
        }
        if (newBands.size() != p.integer(0) || !List.of(1, 3, 5, 8, 20).containsAll(newBands)) {
            respond(cmeOrError(50));
            return;
        }
        bands = newBands;
        ok();
    }

    private void cfun(boolean read, String args) {
        if (read) {
            respond("\r\n+CFUN: " + functionality + "\r\n\r\nOK\r\n");
            return;
        }
        int fun = SimParams.parse(args).integer(0);
        functionality = fun;
        if (fun == 1) {
            registration = 2;
            scheduleRegistration(options.registrationDelay);
        } else {
            registration = 0;
            // The radio is off: the PDP context and every link under the sessions are gone at once.
            dropAllSessions(7);
        }
        ok();
    }

    private void qmtcfg(String args) {
        SimParams p = SimParams.parse(args);
        String item = p.text(0).toLowerCase(Locale.ROOT);
        if (options.firmwareV10 && List.of("version", "dataformat", "echomode").contains(item)) {
            respond(mqttError());
            return;
        }
        SimClient c = clientOf(p, 1);
        if (c == null) {
            respond(mqttError());
            return;
        }
        switch (item) {
            case "version" -> c.version = p.integer(2);
            case "keepalive" -> {
                if (p.size() == 2) {
                    respond("\r\n+QMTCFG: \"keepalive\"," + c.keepAlive + "\r\n\r\nOK\r\n");
                    return;
                }
                c.keepAlive = p.integer(2);
            }
            case "session" -> c.cleanSession = p.integer(2) == 1;
            case "timeout" -> {
                c.packetTimeout = p.integer(2);
                if (p.size() > 3) {
                    c.retries = p.integer(3);
                }
                if (p.size() > 4) {
                    c.timeoutNotice = p.integer(4) == 1;
                }
            }
            case "will" -> {
                c.willFlag = p.integer(2) == 1;
                if (c.willFlag) {
                    c.willQos = p.integer(3);
                    c.willRetain = p.integer(4) == 1;
                    c.willTopic = p.text(5);
                    c.willMessage = p.text(6);
                }
            }
            case "dataformat" -> {
                c.sendHex = p.integer(2) == 1;
                c.receiveHex = p.integer(3) == 1;
            }
            case "echomode" -> c.echoData = p.integer(2) == 1;
            case "ssl" -> {
                if (!lengthDialect() && !bufferedDialect()) {
                    respond(mqttError());
                    return;
                }
                c.ssl = p.integer(2) == 1;
            }
            case "recv/mode" -> {
                if (!bufferedDialect()) {
                    respond(mqttError());
                    return;
                }
                c.bufferedReceive = p.integer(2) == 1;
                c.showLength = p.size() > 3 && p.integer(3) == 1;
            }
            case "showrecvlen" -> {
                if (!lengthDialect()) {
                    respond(mqttError());
                    return;
                }
                c.showLength = p.integer(2) == 1;
            }
            default -> {
                respond(mqttError());
                return;
            }
        }
        ok();
    }

    private void qmtopenRead() {
        StringBuilder answer = new StringBuilder("\r\n");
        for (SimClient c : clients) {
            if (c.isOpen() || c.stale) {
                answer.append("+QMTOPEN: ").append(c.id).append(",\"").append(c.host).append("\",").append(c.port)
                        .append("\r\n\r\n");
            }
        }
        respond(answer.append("OK\r\n").toString());
    }

    private void qmtconnRead() {
        StringBuilder answer = new StringBuilder("\r\n");
        for (SimClient c : clients) {
            if (c.connState() > 0) {
                answer.append("+QMTCONN: ").append(c.id).append(',').append(c.connState()).append("\r\n\r\n");
            }
        }
        respond(answer.append("OK\r\n").toString());
    }

    private void qmtopen(SimParams p) {
        SimClient c = clientOf(p, 0);
        if (c == null || p.size() < 3 || p.text(1).length() > 100) {
            respond(mqttError());
            return;
        }
        int port = p.integer(2);
        ok();
        if (c.stale || c.state != SimClient.State.CLOSED) {
            urcAfter(1300, "+QMTOPEN: " + c.id + ",2");
            return;
        }
        Integer forced = nextOpenResult;
        nextOpenResult = null;
        c.state = SimClient.State.OPENING;
        c.host = p.text(1);
        c.port = port;
        long gen = generation;
        boolean canReach = registered() && networkUp;
        after(Duration.ofMillis(1300), () -> network.execute(() -> {
            SimMqttConnection link = null;
            int result;
            if (forced != null) {
                result = forced;
            } else if (!canReach) {
                result = 3;
            } else {
                try {
                    boolean fromFiles = bufferedDialect();
                    SimMqttConnection.Transport transport = c.ssl ? tcp -> tls.over(tcp, c.host, port, fromFiles)
                            : tcp -> tcp;
                    link = SimMqttConnection.open(c.host, port, new LinkEvents(c), timer, cutAtQos2Step,
                            "bc26-sim-mqtt-" + c.id, transport);
                    result = 0;
                } catch (UnknownHostException e) {
                    result = 4;
                } catch (IOException e) {
                    result = -1;
                }
            }
            synchronized (this) {
                if (gen != generation || c.state != SimClient.State.OPENING) {
                    if (link != null) {
                        link.close();
                    }
                    return;
                }
                c.link = link;
                c.state = link != null ? SimClient.State.OPEN : SimClient.State.CLOSED;
                if (link != null) {
                    link.setNetworkUp(networkUp);
                }
                urc("+QMTOPEN: " + c.id + "," + result);
            }
        }));
    }

    private void qmtclose(SimParams p) {
        SimClient c = clientOf(p, 0);
        if (c == null) {
            respond(mqttError());
            return;
        }
        if (c.state == SimClient.State.CLOSED && !c.stale) {
            respond(mqttError());
            return;
        }
        ok();
        c.stale = false;
        closeLink(c);
        c.state = SimClient.State.CLOSED;
        urcAfter(50, "+QMTCLOSE: " + c.id + ",0");
    }

    private void qmtconn(SimParams p) {
        SimClient c = clientOf(p, 0);
        SimMqttConnection link = c == null ? null : c.link;
        if (c == null || link == null || c.state != SimClient.State.OPEN || p.size() < 2) {
            respond(mqttError());
            return;
        }
        ok();
        c.state = SimClient.State.CONNECTING;
        Integer forced = nextConnack;
        nextConnack = null;
        long gen = generation;
        if (dropAfterNextConnack) {
            // The broker accepts and drops the link at once: the modem prints both in one write.
            dropAfterNextConnack = false;
            closeLink(c);
            c.state = SimClient.State.CLOSED;
            after(Duration.ofMillis(800), () -> {
                synchronized (this) {
                    if (gen == generation) {
                        out.send("\r\n+QMTCONN: " + c.id + ",0,0\r\n\r\n+QMTSTAT: " + c.id + ",1\r\n");
                    }
                }
            });
            return;
        }
        if (forced != null) {
            after(Duration.ofMillis(800), () -> {
                synchronized (this) {
                    if (gen == generation && c.link == link && c.state == SimClient.State.CONNECTING) {
                        c.state = forced == 0 ? SimClient.State.CONNECTED : SimClient.State.OPEN;
                        urc("+QMTCONN: " + c.id + ",0," + forced);
                    }
                }
            });
            return;
        }
        String clientId = p.text(1);
        String user = p.size() > 2 ? p.text(2) : null;
        String password = p.size() > 3 ? p.text(3) : null;
        SimMqttConnection.Will will = c.willFlag
                ? new SimMqttConnection.Will(c.willQos, c.willRetain, c.willTopic, c.willMessage)
                : null;
        SimMqttConnection.Timing timing = timing(c);
        int version = c.version;
        int keepAlive = c.keepAlive;
        boolean cleanSession = c.cleanSession;
        sendOnLink(Duration.ofMillis(800), c, link, current -> {
            if (c.state == SimClient.State.CONNECTING) {
                current.connect(clientId, user, password, version, keepAlive, cleanSession, will, timing);
            }
        });
    }

    /** The client's AT+QMTCFG="timeout" and "keepalive" in (scaled) milliseconds, never under a second. */
    private SimMqttConnection.Timing timing(SimClient c) {
        // A floor of a second: a scaled timeout shorter than a loaded test machine's scheduling jitter would fail
        // packets that a real modem would get acknowledged.
        long packetTimeout = Math.max(1000, scaled(Duration.ofSeconds(c.packetTimeout)).toMillis());
        long keepAlive = c.keepAlive == 0 ? 0 : Math.max(1000, scaled(Duration.ofSeconds(c.keepAlive)).toMillis());
        return new SimMqttConnection.Timing(packetTimeout, c.retries, keepAlive);
    }

    private void qmtdisc(SimParams p) {
        SimClient c = clientOf(p, 0);
        SimMqttConnection link = c == null ? null : c.link;
        if (c == null || link == null || c.state != SimClient.State.CONNECTED) {
            respond(mqttError());
            return;
        }
        ok();
        c.state = SimClient.State.DISCONNECTING;
        flushHeldDeliveries(c);
        c.link = null;
        link.disconnect();
        c.state = SimClient.State.CLOSED;
        urcAfter(50, "+QMTDISC: " + c.id + ",0");
    }

    private void qmtsub(SimParams p) {
        SimClient c = clientOf(p, 0);
        SimMqttConnection link = c == null ? null : c.link;
        if (c == null || link == null || c.state != SimClient.State.CONNECTED || p.size() < 4 || p.size() % 2 != 0) {
            respond(mqttError());
            return;
        }
        if (refusedWhileBusy(c)) {
            return;
        }
        int messageId = p.integer(1);
        List<String> topics = new ArrayList<>();
        List<Integer> qos = new ArrayList<>();
        for (int i = 2; i + 1 < p.size(); i += 2) {
            if (p.text(i).length() > 255) {
                respond(mqttError());
                return;
            }
            topics.add(p.text(i));
            qos.add(p.integer(i + 1));
        }
        ok();
        c.packetsInFlight++;
        long gen = generation;
        if (topics.contains(deniedFilter)) {
            // As a broker with an ACL does in MQTT 3.1.1 SUBACK: failure code 0x80 for the batch.
            after(Duration.ofMillis(1800), () -> packetDone(c, gen, "+QMTSUB: " + c.id + "," + messageId + ",0,128"));
            return;
        }
        // The seed capture's +QMTSUB came 1.8 s after the OK.
        sendOnLink(Duration.ofMillis(1800), c, link, current -> {
            subscribing.put(messageId, topics);
            current.subscribe(messageId, topics, qos);
        });
    }

    private void qmtuns(SimParams p) {
        SimClient c = clientOf(p, 0);
        SimMqttConnection link = c == null ? null : c.link;
        if (c == null || link == null || c.state != SimClient.State.CONNECTED || p.size() < 3) {
            respond(mqttError());
            return;
        }
        if (refusedWhileBusy(c)) {
            return;
        }
        int messageId = p.integer(1);
        List<String> topics = new ArrayList<>();
        for (int i = 2; i < p.size(); i++) {
            topics.add(p.text(i));
        }
        ok();
        c.packetsInFlight++;
        sendOnLink(Duration.ofMillis(900), c, link, current -> current.unsubscribe(messageId, topics));
    }

    private void qmtpub(String args) {
        SimParams p = SimParams.parse(args);
        SimClient c = clientOf(p, 0);
        if (c == null || c.state != SimClient.State.CONNECTED || p.size() < 5) {
            respond(mqttError());
            return;
        }
        int messageId = p.integer(1);
        int qos = p.integer(2);
        boolean retain = p.integer(3) == 1;
        String topic = p.text(4);
        if (qos < 0 || qos > 2 || (qos == 0) != (messageId == 0) || topic.isEmpty() || topic.length() > 255
                || topic.contains("+") || topic.contains("#")) {
            respond(mqttError());
            return;
        }
        if (refusedWhileBusy(c)) {
            return;
        }
        if (bufferedDialect()) {
            publishExact(c, messageId, qos, retain, topic, p);
            return;
        }
        PendingData pending = new PendingData(c.id, messageId, qos, retain, topic, -1);
        if (p.size() == 5) {
            pendingData = pending;
            data.reset();
            promptHeld = heldAnswers != null;
            respond("\r\n> ");
            return;
        }
        if (lengthDialect()) {
            publishWithLength(c, pending, args);
            return;
        }
        // Direct form: the string ends at the next quote (no escapes); anything after it is a syntax error.
        if (p.size() != 6 || !p.isQuoted(5)) {
            respond(mqttError());
            return;
        }
        byte[] message = p.text(5).getBytes(StandardCharsets.UTF_8);
        if (message.length > DIRECT_LIMIT) {
            respond(mqttError());
            return;
        }
        ok();
        publish(c, pending, message);
    }

    /**
     * BG95/BG96/BG77: {@code ...,"<topic>",<len>}, then {@code >} and exactly {@code len} bytes (1-1024 here); the
     * Ctrl+Z form and a quoted message are refused.
     */
    private void publishExact(SimClient c, int messageId, int qos, boolean retain, String topic, SimParams p) {
        int length;
        try {
            length = p.size() == 6 && !p.isQuoted(5) ? p.integer(5) : -1;
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 1 || length > DATA_LIMIT) {
            respond(mqttError());
            return;
        }
        pendingData = new PendingData(c.id, messageId, qos, retain, topic, length);
        data.reset();
        promptHeld = heldAnswers != null;
        respond("\r\n> ");
    }

    /**
     * BC660K/BC260Y: {@code ...,"<topic>",<len>,"<msg>"}, where the length, not a quote, ends the message (the vendor
     * example publishes {@code {"a":"1","b":"2"}} this way). A message that is not exactly {@code len} bytes, or longer
     * than 1460, is refused; there is no direct form without the length.
     */
    private void publishWithLength(SimClient c, PendingData pending, String args) {
        Matcher m = LENGTH_FORM.matcher(args);
        if (!m.matches()) {
            respond(mqttError());
            return;
        }
        byte[] message = m.group(2).getBytes(StandardCharsets.UTF_8);
        int length = Integer.parseInt(m.group(1));
        if (length != message.length || length > LENGTH_DATA_LIMIT) {
            respond(mqttError());
            return;
        }
        ok();
        publish(c, pending, message);
    }

    private void publishData(PendingData pending, byte[] payload) {
        SimClient c = clients[pending.id()];
        if (lengthDialect() && payload.length > LENGTH_DATA_LIMIT) {
            // "The data that exceeds 1460 bytes will be omitted" (BC660K MQTT AN §6.1): sent cut, not refused.
            payload = Arrays.copyOf(payload, LENGTH_DATA_LIMIT);
        } else if (!lengthDialect() && payload.length > DATA_LIMIT) {
            respond(mqttError());
            return;
        }
        ok();
        publish(c, pending, payload);
    }

    private void publish(SimClient c, PendingData pending, byte[] text) {
        long gen = generation;
        c.packetsInFlight++;
        byte[] payload;
        if (c.sendHex) {
            try {
                payload = HexFormat.of().parseHex(new String(text, StandardCharsets.US_ASCII).trim());
            } catch (IllegalArgumentException e) {
                packetDone(c, gen, "+QMTPUB: " + c.id + "," + pending.messageId() + ",2");
                return;
            }
        } else {
            payload = text;
        }
        SimMqttConnection link = c.link;
        if (link == null) {
            sendAfter(Duration.ofMillis(900),
                    () -> packetDone(c, gen, "+QMTPUB: " + c.id + "," + pending.messageId() + ",2"));
            return;
        }
        sendOnLink(Duration.ofMillis(900), c, link, current -> current.publish(pending.messageId(), pending.qos(),
                pending.retain(), pending.topic(), payload));
    }

    /**
     * The strict profile's rule: a publish, subscribe or unsubscribe while another packet of the client is in flight
     * is answered {@code ERROR}.
     */
    private boolean refusedWhileBusy(SimClient c) {
        if (options.profile == Profile.STRICT && c.packetsInFlight > 0) {
            refusedWhileBusy++;
            respond(mqttError());
            return true;
        }
        return false;
    }

    /**
     * Prints a packet's final result; in the lenient profile, then any delivery that arrived while it was pending
     * (seed capture order).
     */
    private synchronized void packetDone(SimClient c, long gen, String urc) {
        if (gen != generation) {
            // A packet from before a reboot: the reboot reset the count and the modem prints nothing of it.
            return;
        }
        c.packetsInFlight = Math.max(0, c.packetsInFlight - 1);
        List<String> answers = heldAnswers;
        if (answers != null) {
            answers.add("\r\n" + urc + "\r\n");
        } else {
            urc(urc);
        }
        if (c.packetsInFlight == 0) {
            flushHeldDeliveries(c);
        }
    }

    /** What one broker connection reports, printed as the modem prints it while the connection is still the client's. */
    private final class LinkEvents implements SimMqttConnection.Events {
        private final SimClient client;
        private final long gen;

        LinkEvents(SimClient client) {
            this.client = client;
            this.gen = generation;
        }

        private boolean current(SimMqttConnection connection) {
            return gen == generation && client.link == connection;
        }

        @Override
        public void connack(SimMqttConnection connection, int code) {
            synchronized (Bc26Simulator.this) {
                if (!current(connection) || client.state != SimClient.State.CONNECTING) {
                    return;
                }
                client.state = code == 0 ? SimClient.State.CONNECTED : SimClient.State.OPEN;
                urc("+QMTCONN: " + client.id + ",0," + code);
            }
        }

        @Override
        public void done(SimMqttConnection connection, SimMqttConnection.Kind kind, int packetId, String tail) {
            synchronized (Bc26Simulator.this) {
                if (current(connection)) {
                    List<String> topics = kind == SimMqttConnection.Kind.SUB ? subscribing.remove(packetId) : null;
                    if (topics != null && tail.startsWith("0,")) {
                        String[] granted = tail.split(",");
                        for (int i = 0; i < topics.size() && i + 1 < granted.length; i++) {
                            if (!granted[i + 1].equals("128")) {
                                subscribed.add(topics.get(i));
                            }
                        }
                    }
                    packetDone(client, gen, kind.urc + ": " + client.id + "," + packetId + "," + tail);
                }
            }
        }

        @Override
        public void retransmitted(SimMqttConnection connection, SimMqttConnection.Kind kind, int packetId, int count) {
            synchronized (Bc26Simulator.this) {
                retransmissions++;
                if (current(connection) && client.timeoutNotice) {
                    urc(kind.urc + ": " + client.id + "," + packetId + ",1," + count);
                }
            }
        }

        @Override
        public void message(SimMqttConnection connection, int packetId, int qos, String topic, byte[] payload) {
            synchronized (Bc26Simulator.this) {
                if (!current(connection)) {
                    return;
                }
                messagesFromBroker++;
                if (client.bufferedReceive) {
                    keep(client, packetId, topic, payload);
                    return;
                }
                Runnable deliver = () -> out.send(record(client, packetId, topic, payload));
                if (client.packetsInFlight > 0 && options.profile == Profile.LENIENT) {
                    client.heldDeliveries.add(deliver);
                } else if (asleep || shouldBeAsleep()) {
                    if (!psm) {
                        // Light sleep: the modem holds the message until the host wakes the UART.
                        heldWhileAsleep.add(deliver);
                    }
                    // In PSM the modem is unreachable: the message is lost.
                } else {
                    deliver.run();
                }
            }
        }

        @Override
        public void cut(SimMqttConnection connection, Qos2Step step, String topic, byte[] payload) {
            synchronized (Bc26Simulator.this) {
                cuts.add(new Qos2Cut(step, topic, new String(payload, StandardCharsets.UTF_8)));
            }
        }

        @Override
        public void lost(SimMqttConnection connection, int code) {
            synchronized (Bc26Simulator.this) {
                if (!current(connection)) {
                    return;
                }
                client.link = null;
                client.state = SimClient.State.CLOSED;
                flushHeldDeliveries(client);
                reportLoss(client, code);
            }
        }
    }

    // ---- fault injection ----

    /** Ends a client's session as the modem would, with {@code +QMTSTAT: id,code} (1-7). */
    public synchronized void injectQmtStat(int id, int code) {
        SimClient c = clients[id];
        closeLink(c);
        c.state = SimClient.State.CLOSED;
        reportLoss(c, code);
    }

    /** Steps of a QoS 2 publish at which {@link #cutConnectionAt} cuts the broker connection. */
    public enum Qos2Step {
        /** PUBLISH written, PUBREC not yet received: the broker holds the message, not yet released. */
        AFTER_PUBLISH,
        /** PUBREC received, PUBREL not sent. */
        AFTER_PUBREC,
        /** PUBREL written, PUBCOMP not received: the broker may already have released the message. */
        AFTER_PUBREL
    }

    /**
     * Cuts the broker connection of the next QoS 2 publish at {@code step} (once): the connection closes and the modem
     * prints {@code +QMTSTAT: id,1}, nothing for the publish, as when the link drops at that moment.
     */
    public void cutConnectionAt(Qos2Step step) {
        cutAtQos2Step.set(step);
    }

    /** A connection cut on request: at which step, and the message whose publish it cut. */
    public record Qos2Cut(Qos2Step step, String topic, String payload) {
    }

    /** The cuts made so far, in order. */
    public synchronized List<Qos2Cut> cuts() {
        return List.copyOf(cuts);
    }

    /** Whether the cut asked for with {@link #cutConnectionAt} is still waiting for its QoS 2 publish. */
    public boolean cutPending() {
        return cutAtQos2Step.get() != null;
    }

    /** How many connections ended with each {@code +QMTSTAT} code. */
    public synchronized Map<Integer, Integer> connectionsLost() {
        return Map.copyOf(connectionsLost);
    }

    /** Every topic filter a broker granted to this modem so far (any client, any connection). */
    public synchronized java.util.Set<String> subscribedFilters() {
        return java.util.Set.copyOf(subscribed);
    }

    /** Packets the modem sent again because their acknowledgement did not come in time. */
    public synchronized long retransmissions() {
        return retransmissions;
    }

    /** The next AT+QMTOPEN reports {@code result} (-1..5) instead of trying the broker. */
    public synchronized void failNextOpen(int result) {
        nextOpenResult = result;
    }

    /**
     * The next AT+QMTCONN is accepted and the connection dropped at once: {@code +QMTCONN: id,0,0} and
     * {@code +QMTSTAT: id,1} in one write, as a broker that closes right after its CONNACK makes the modem print them.
     */
    public synchronized void acceptThenDropNextConnect() {
        dropAfterNextConnack = true;
    }

    /**
     * Holds back every answer to a command and every publish result from now on, as a modem still working on them;
     * URCs of received messages still come. {@link #releaseAnswers()} prints what was held, in order.
     */
    public synchronized void holdAnswers() {
        if (heldAnswers == null) {
            heldAnswers = new ArrayList<>();
        }
    }

    /** Prints the answers held since {@link #holdAnswers()}, in order, and answers at once again. */
    public synchronized void releaseAnswers() {
        List<String> held = heldAnswers;
        heldAnswers = null;
        promptHeld = false;
        if (held != null) {
            held.forEach(out::send);
        }
    }

    /** Output bytes lost because the host did not read them in time (paced line only). */
    public long uartBytesLost() {
        return out.bytesLost();
    }

    /** Records (URCs, answers) of which at least one byte was lost because the host did not read in time. */
    public long uartRecordsDamaged() {
        return out.recordsDamaged();
    }

    /** Bytes of publish data the host sent while the {@code >} prompt was still held back: sent before it was asked. */
    public synchronized long dataBeforePrompt() {
        return dataBeforePrompt;
    }

    /** MQTT commands answered {@code ERROR} because another packet of their client was still in flight. */
    public synchronized long refusedWhileBusy() {
        return refusedWhileBusy;
    }

    /** The next AT+QMTCONN reports CONNACK {@code code} (1-5) without asking the broker. */
    public synchronized void refuseNextConnect(int code) {
        nextConnack = code;
    }

    /** Subscriptions to exactly this filter are answered with granted QoS 128 (rejected). */
    public synchronized void denySubscription(String filter) {
        deniedFilter = filter;
    }

    /**
     * Cuts the power, as unplugging a USB adapter does to a board powered from it: every broker connection ends
     * without another acknowledgement, nothing is printed, input is ignored until {@link #reboot()}.
     */
    public synchronized void powerOff() {
        generation++;
        poweredOff = true;
        for (SimClient c : clients) {
            closeLink(c);
            c.state = SimClient.State.CLOSED;
            c.stale = false;
            Arrays.fill(c.slots, null);
            c.ssl = false;
        }
        tls.reset();
    }

    /** Reboots: banner with LF CR endings, all state lost (sessions dropped without +QMTSTAT). */
    public synchronized void reboot() {
        // BC660K prints RDY (then +CFUN: 1) where BC26 prints its boot ROM lines [QF-660].
        restart(lengthDialect() ? "\r\nRDY\r\n\r\n+CFUN: 1\r\n"
                : bufferedDialect() ? "\r\nRDY\r\n\r\nAPP RDY\r\n" : BANNER);
    }

    /**
     * Restarts printing only {@code printed} instead of the boot banner, as a watchdog reset of the application does
     * ({@code "\r\n+CPIN: READY\r\n"}, {@code "\r\n+IP: ...\r\n"}, bytes at another rate, or nothing): all state
     * lost, sessions dropped without +QMTSTAT, the line rate to be found again unless it was stored.
     */
    public synchronized void restartQuietly(String printed) {
        restart(printed);
    }

    private void restart(String printed) {
        poweredOff = false;
        for (SimClient c : clients) {
            closeLink(c);
            c.state = SimClient.State.CLOSED;
            c.stale = false;
            Arrays.fill(c.slots, null);
            c.ssl = false;
        }
        tls.reset();
        if (!printed.isEmpty()) {
            out.send(printed);
        }
        powerOn();
    }

    /**
     * The modem enters PSM: it prints {@code +QNBIOTEVENT: "ENTER PSM"} (as with AT+QNBIOTEVENT=1,1) and its UART
     * swallows the next line, which only wakes it.
     */
    public synchronized void enterPsm() {
        asleep = true;
        urc("+QNBIOTEVENT: \"ENTER PSM\"");
    }

    /** Leaves a client open, as after a host restart while the modem ran on: QMTOPEN answers 2 until closed. */
    public synchronized void leaveStaleClient(int id) {
        clients[id].stale = true;
        clients[id].host = "stale.example";
        clients[id].port = 1883;
    }

    /** Sends raw bytes (garbage, half lines, bursts). */
    public void sendRaw(byte[] bytes) {
        out.send(bytes);
    }

    /**
     * Prints +QMTRECV records for {@code topic} on client {@code id} back to back for {@code duration} ({@code %d} in
     * the payload becomes the record's number, 1, 2, ...), keeping the transmitter just ahead of the line rate (set a
     * baud rate in the options), as a broker flooding the modem would.
     *
     * @return the number of records printed
     */
    public Flood floodReceive(int id, String topic, String payload, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long count = 0;
        long bytes = 0;
        boolean hex;
        boolean length;
        synchronized (this) {
            hex = clients[id].receiveHex;
            length = clients[id].showLength;
        }
        while (System.nanoTime() < end) {
            if (out.pending() > 8) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            count++;
            String record = payload.replace("%d", Long.toString(count));
            // As the modem prints it in the client's receive format: hex doubles the payload's bytes on the line.
            String printed = hex ? HexFormat.of().withUpperCase().formatHex(record.getBytes(StandardCharsets.UTF_8))
                    : record;
            String line = "\r\n+QMTRECV: " + id + "," + (count % 65535 + 1) + ",\"" + topic + "\","
                    + (length ? printed.getBytes(StandardCharsets.UTF_8).length + "," : "") + "\"" + printed + "\"\r\n";
            bytes += line.getBytes(StandardCharsets.UTF_8).length;
            out.send(line);
        }
        return new Flood(count, bytes);
    }

    /** What {@link #floodReceive} printed: records and bytes. */
    public record Flood(long records, long bytes) {
    }

    /** A burst of {@code count} network URCs. */
    public void urcBurst(int count) {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < count; i++) {
            burst.append(i % 2 == 0 ? "\r\n+CSCON: 1\r\n" : "\r\n+QNBIOTEVENT: \"EXIT PSM\"\r\n");
        }
        out.send(burst.toString());
    }

    /** Delays every answer by {@code delay} (before scaling), e.g. beyond the driver's timeouts. */
    public synchronized void slowAnswers(Duration delay) {
        answerDelay = delay;
    }

    /** Removes or inserts the SIM (a missing SIM also drops the registration). */
    public synchronized void setSimInserted(boolean inserted) {
        simInserted = inserted;
        if (!inserted) {
            // Without a SIM the PDP context is gone: the links under the sessions are dead at once.
            loseRegistration();
            dropAllSessions(7);
        } else {
            scheduleRegistration(options.registrationDelay);
        }
    }

    /**
     * The cell is gone: +CEREG: 2, and nothing reaches the broker or comes from it. Each session ends when the modem
     * notices: {@code +QMTSTAT: id,2} when a PINGREQ goes unanswered, {@code +QMTSTAT: id,6} when a packet's
     * retransmissions run out.
     */
    public synchronized void loseRegistration() {
        // A registration on its way (after power-on) does not come while the cell is gone.
        cellLosses++;
        registration = 2;
        setNetwork(false);
        if (ceregMode >= 1) {
            urc("+CEREG: 2");
        }
    }

    /** The cell is back: the network carries packets again, then +CEREG: 1 and +IP. */
    public synchronized void regainRegistration() {
        setNetwork(true);
        scheduleRegistration(Duration.ZERO);
    }

    private void setNetwork(boolean up) {
        networkUp = up;
        for (SimClient c : clients) {
            SimMqttConnection link = c.link;
            if (link != null) {
                link.setNetworkUp(up);
            }
        }
    }

    /** Commands received, in order (for tests). */
    public synchronized List<String> receivedCommands() {
        return List.copyOf(received);
    }

    /** A command line the modem executed and when (System.nanoTime()). */
    public record Received(long nanos, String command) {
    }

    /** Every command line executed so far, with the time it arrived. */
    public synchronized List<Received> receivedTimeline() {
        List<Received> timeline = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            timeline.add(new Received(receivedAt.get(i), received.get(i)));
        }
        return timeline;
    }

    /** How many command lines were executed. */
    public int commandCount() {
        return commandsReceived.get();
    }

    /** Whether connect id {@code id} is connected to its broker. */
    /** Whether the modem is registered to the network (+CEREG stat 1). */
    public synchronized boolean isRegistered() {
        return registration == 1;
    }

    public synchronized boolean isConnected(int id) {
        return clients[id].state == SimClient.State.CONNECTED;
    }

    // ---- helpers ----

    private void dropAllSessions(int code) {
        for (SimClient c : clients) {
            if (c.state == SimClient.State.CONNECTED) {
                closeLink(c);
                c.state = SimClient.State.CLOSED;
                reportLoss(c, code);
            }
        }
    }

    private void reportLoss(SimClient c, int code) {
        connectionsLost.merge(code, 1, Integer::sum);
        urc("+QMTSTAT: " + c.id + "," + code);
    }

    /** Closes the client's broker connection without a word, as a close, reboot or power cut does. */
    private void closeLink(SimClient c) {
        flushHeldDeliveries(c);
        SimMqttConnection link = c.link;
        c.link = null;
        if (link != null) {
            link.close();
        }
    }

    /** Messages held while a packet was pending are printed now: the connection's packets end with it. */
    private void flushHeldDeliveries(SimClient c) {
        c.packetsInFlight = 0;
        List<Runnable> held = new ArrayList<>(c.heldDeliveries);
        c.heldDeliveries.clear();
        held.forEach(Runnable::run);
    }

    /**
     * Sends on {@code link} after {@code delay} (scaled), never before what was queued earlier, if it is still the
     * client's connection in this power cycle; otherwise the packet died with its connection (a close, a reboot) and
     * nothing is sent or printed.
     */
    private void sendOnLink(Duration delay, SimClient c, SimMqttConnection link, Consumer<SimMqttConnection> send) {
        long gen = generation;
        sendAfter(delay, () -> {
            synchronized (this) {
                if (gen == generation && c.link == link) {
                    send.accept(link);
                }
            }
        });
    }

    /** Runs {@code task} on the uplink after {@code delay} (scaled), never before a task queued earlier. */
    private void sendAfter(Duration delay, Runnable task) {
        long due = Math.max(System.nanoTime() + scaled(delay).toNanos(), uplinkNotBefore);
        uplinkNotBefore = due;
        uplink.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("Simulator uplink task failed: " + e);
            }
        }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private @Nullable SimClient clientOf(SimParams p, int index) {
        if (p.size() <= index) {
            return null;
        }
        try {
            int id = p.integer(index);
            return id >= 0 && id < (lengthDialect() ? 5 : clients.length) ? clients[id] : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * AT+QSSLCFG. BC660K/BC260Y: {@code <ctx>,<connect>,"<item>"[,<value>]}: a certificate is typed in after {@code >}
     * and ended by Ctrl+Z, then shown back ("the content ... will be displayed") and answered
     * {@code +QSSLCFG: <ctx>,<connect>,"<item>",<length>}. BG9x: {@code "<item>",<ctx>,<value>}: certificates are
     * files of the file system. BC26 has no TLS.
     */
    private void qsslcfg(SimParams p) {
        if (lengthDialect() && p.size() >= 3 && !p.isQuoted(0)) {
            String item = p.text(2).toLowerCase(Locale.ROOT);
            if (p.size() == 3 && List.of("cacert", "clientcert", "clientkey").contains(item)) {
                String head = p.text(0) + "," + p.text(1);
                data.reset();
                pendingUpload = new PendingUpload(-1, content -> {
                    tls.typed.put(item, new String(content, StandardCharsets.US_ASCII));
                    out.send(content);
                    respond("\r\n+QSSLCFG: " + head + ",\"" + item + "\"," + content.length + "\r\n\r\nOK\r\n");
                });
                respond("\r\n> ");
                return;
            }
            if (item.equals("seclevel") && p.size() == 4) {
                tls.securityLevel = p.integer(3);
                ok();
                return;
            }
        } else if (bufferedDialect() && p.size() == 3 && p.isQuoted(0)) {
            String item = p.text(0).toLowerCase(Locale.ROOT);
            switch (item) {
                case "cacert", "clientcert", "clientkey" -> tls.contextFiles.put(item, p.text(2));
                case "seclevel" -> tls.securityLevel = p.integer(2);
                case "sni" -> tls.serverNameIndication = p.integer(2) == 1;
                case "sslversion", "ciphersuite", "ignorelocaltime" -> {
                }
                default -> {
                    respond(mqttError());
                    return;
                }
            }
            ok();
            return;
        }
        respond(mqttError());
    }

    /** BG9x AT+QICSGP=1 (query) and AT+QICSGP=1,1,"apn","user","password",auth: the APN of context 1. */
    private void qicsgp(SimParams p) {
        if (!bufferedDialect() || p.size() < 1 || p.integer(0) != 1) {
            respond(mqttError());
        } else if (p.size() == 1) {
            respond("\r\n+QICSGP: 1,\"" + apn + "\",\"\",\"\",0\r\n\r\nOK\r\n");
        } else if (p.size() >= 3) {
            apn = p.text(2);
            ok();
        } else {
            respond(mqttError());
        }
    }

    /** BG9x AT+QCFG="band"[,gsm,lte-m,nb-iot]: bands as hex masks (band n is bit n-1); other items answer OK. */
    private void qcfg(SimParams p) {
        if (!bufferedDialect() || p.size() < 1) {
            respond(mqttError());
            return;
        }
        if (!p.text(0).equalsIgnoreCase("band")) {
            ok();
            return;
        }
        if (p.size() == 1) {
            java.math.BigInteger mask = java.math.BigInteger.ZERO;
            for (int band : bands) {
                mask = mask.setBit(band - 1);
            }
            String hex = "0x" + mask.toString(16);
            respond("\r\n+QCFG: \"band\",0x0," + hex + "," + hex + "\r\n\r\nOK\r\n");
            return;
        }
        java.math.BigInteger mask = new java.math.BigInteger(p.text(2).replaceFirst("^0[xX]", ""), 16);
        List<Integer> locked = new ArrayList<>();
        for (int bit = 0; bit < mask.bitLength(); bit++) {
            if (mask.testBit(bit)) {
                locked.add(bit + 1);
            }
        }
        bands = locked;
        ok();
    }

    /** BG9x AT+QFUPL="UFS:name",size[,timeout]: CONNECT, exactly size bytes, +QFUPL: size,checksum. */
    private void qfupl(SimParams p) {
        if (!bufferedDialect() || p.size() < 2) {
            respond(mqttError());
            return;
        }
        String name = p.text(0);
        int size = p.integer(1);
        if (tls.files.containsKey(name)) {
            respond("\r\n+CME ERROR: 407\r\n");
            return;
        }
        data.reset();
        pendingUpload = new PendingUpload(size, content -> {
            tls.files.put(name, content);
            int checksum = 0;
            for (int i = 0; i < content.length; i += 2) {
                checksum ^= ((content[i] & 0xFF) << 8) | (i + 1 < content.length ? content[i + 1] & 0xFF : 0);
            }
            respond("\r\n+QFUPL: " + size + "," + Integer.toHexString(checksum) + "\r\n\r\nOK\r\n");
        });
        respond("\r\nCONNECT\r\n");
    }

    /** BG9x AT+QFDEL="UFS:name": a file that is not there is +CME ERROR: 405. */
    private void qfdel(SimParams p) {
        if (!bufferedDialect() || p.size() < 1) {
            respond(mqttError());
        } else if (tls.files.remove(p.text(0)) == null) {
            respond("\r\n+CME ERROR: 405\r\n");
        } else {
            ok();
        }
    }

    /** BG9x AT+QFLST="UFS:name": the file's name and size; a file that is not there is +CME ERROR: 405. */
    private void qflst(SimParams p) {
        byte[] file = bufferedDialect() && p.size() == 1 ? tls.files.get(p.text(0)) : null;
        if (file == null) {
            respond(bufferedDialect() ? "\r\n+CME ERROR: 405\r\n" : mqttError());
        } else {
            respond("\r\n+QFLST: \"" + p.text(0) + "\"," + file.length + "\r\n\r\nOK\r\n");
        }
    }

    /** What the modem holds for TLS (tests look at the file system and the typed certificates). */
    public synchronized Map<String, Integer> tlsFiles() {
        Map<String, Integer> sizes = new TreeMap<>();
        tls.files.forEach((name, content) -> sizes.put(name, content.length));
        tls.typed.forEach((item, content) -> sizes.put(item, content.length()));
        return sizes;
    }

    /** BG95/BG96: keeps a received message in a free place and announces it; with none free it is lost. */
    private void keep(SimClient c, int packetId, String topic, byte[] payload) {
        for (int slot = 0; slot < c.slots.length; slot++) {
            if (c.slots[slot] == null) {
                c.slots[slot] = record(c, packetId, topic, payload);
                urc("+QMTRECV: " + c.id + "," + slot);
                return;
            }
        }
        storeOverflows++;
    }

    /** A +QMTRECV record as the client prints it: its receive format, the length if shown. */
    private static byte[] record(SimClient c, int packetId, String topic, byte[] payload) {
        byte[] printed = c.receiveHex
                ? HexFormat.of().withUpperCase().formatHex(payload).getBytes(StandardCharsets.US_ASCII)
                : payload;
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(("\r\n+QMTRECV: " + c.id + "," + packetId + ",\"" + topic + "\","
                + (c.showLength ? printed.length + "," : "") + "\"").getBytes(StandardCharsets.UTF_8));
        record.writeBytes(printed);
        record.writeBytes("\"\r\n".getBytes(StandardCharsets.US_ASCII));
        return record.toByteArray();
    }

    /** AT+QMTRECV?: for each open client, which of its five places hold a message. */
    private void qmtrecvRead() {
        StringBuilder answer = new StringBuilder();
        for (SimClient c : clients) {
            if (c.isOpen()) {
                answer.append("\r\n+QMTRECV: ").append(c.id);
                for (byte[] slot : c.slots) {
                    answer.append(',').append(slot == null ? 0 : 1);
                }
                answer.append("\r\n");
            }
        }
        respond(answer.append("\r\nOK\r\n").toString());
    }

    /** AT+QMTRECV=id,recv_id: prints the kept message (then frees its place), then OK; nothing kept: OK alone. */
    private void qmtrecvTake(SimParams p) {
        SimClient c = clientOf(p, 0);
        int slot = p.size() > 1 ? p.integer(1) : -1;
        if (c == null || slot < 0 || slot >= c.slots.length) {
            respond(mqttError());
            return;
        }
        byte[] kept = c.slots[slot];
        c.slots[slot] = null;
        if (kept != null) {
            out.send(kept);
        }
        ok();
    }

    /**
     * The host stops reading the UART (a busy or paused openHAB) or resumes: with a line rate set, what the modem
     * prints meanwhile fills the host's buffer and the rest is lost, as on a real serial port without flow control.
     */
    public void stallHost(boolean stalled) {
        out.stallHost(stalled);
    }

    /** Whether the UART transmitter has sent everything the modem printed so far. */
    public boolean uartIdle() {
        return out.idle();
    }

    /** Messages the broker delivered to the modem's clients, printed or kept. */
    public synchronized long messagesFromBroker() {
        return messagesFromBroker;
    }

    /** Messages lost because all five places were taken (BG95/BG96). */
    public synchronized long storeOverflows() {
        return storeOverflows;
    }

    /** Whether the BC660K-GL / BC260Y dialect is simulated. */
    private boolean lengthDialect() {
        return options.model == Model.BC660K || options.model == Model.BC260Y;
    }

    /** Whether the BG95 / BG96 / BG77 dialect is simulated. */
    private boolean bufferedDialect() {
        return options.model == Model.BG95 || options.model == Model.BG96 || options.model == Model.BG77;
    }

    private boolean registered() {
        return registration == 1 || registration == 5;
    }

    /**
     * The answer to a refused MQTT write command: plain {@code ERROR} on firmware of the MQTT application note V1.1;
     * {@code +CME ERROR: 50} (incorrect parameters) on V1.0 firmware, whose note lists {@code +CME ERROR: <err>} for
     * them.
     */
    private String mqttError() {
        return options.firmwareV10 ? "\r\n+CME ERROR: 50\r\n" : "\r\nERROR\r\n";
    }

    private String cmeOrError(int code) {
        return cmee == 0 ? "\r\nERROR\r\n" : "\r\n+CME ERROR: " + code + "\r\n";
    }

    private void ok() {
        respond("\r\nOK\r\n");
    }

    private void respond(String text) {
        List<String> held = heldAnswers;
        if (held != null) {
            held.add(text);
            return;
        }
        SimAnswerFaults.Shape shape = answerShape;
        if (shape != null) {
            // The AT task is busy for that long: everything printed later waits behind it, as on the modem's UART.
            // Not scaled: lateness is measured against the host's timeouts, which run in real time.
            out.pause(shape.late());
            int end = finalResultStart(text);
            if (!shape.urcsBefore().isEmpty() && end > 0) {
                out.send(text.substring(0, end));
                shape.urcsBefore().forEach(this::urc);
                out.send(text.substring(end));
            } else {
                out.send(text);
            }
            return;
        }
        if (answerDelay.isZero()) {
            out.pause(scaled(options.answerTime));
            out.send(text);
        } else {
            after(answerDelay, () -> out.send(text));
        }
    }

    /** Where the final result line (with its CR LF before it) starts in an answer, or -1. */
    private static int finalResultStart(String answer) {
        for (String result : List.of("\r\nOK\r\n", "\r\nERROR\r\n", "\r\n+CME ERROR:")) {
            int at = answer.lastIndexOf(result);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private void urc(String text) {
        out.send("\r\n" + text + "\r\n");
    }

    private synchronized void urcIf(long gen, String text) {
        if (gen == generation) {
            urc(text);
        }
    }

    private void urcAfter(long millis, String text) {
        long gen = generation;
        after(Duration.ofMillis(millis), () -> urcIf(gen, text));
    }

    private Duration scaled(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() * options.timeScale));
    }

    private void after(Duration delay, Runnable task) {
        timer.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("Simulator task failed: " + e);
            }
        }, scaled(delay).toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Powers the modem off: closes every broker connection. */
    @Override
    public void close() {
        synchronized (this) {
            generation++;
            for (SimClient c : clients) {
                closeLink(c);
                c.state = SimClient.State.CLOSED;
            }
        }
        timer.shutdownNow();
        network.shutdown();
        uplink.shutdownNow();
        out.close();
    }
}
