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
package org.openhab.binding.bc26.internal.modem.at;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.bc26.internal.modem.link.LinkException;
import org.openhab.binding.bc26.internal.modem.link.LinkListener;
import org.openhab.binding.bc26.internal.modem.link.ModemLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs AT commands over a {@link ModemLink}: one command in flight at a time (the modem executes one at a time and a
 * pipelining host gets answers out of step), the rest queued; a timeout per command; every incoming line classified
 * by prefix so URCs reach the {@link AtEventListener} even between a command and its OK; the {@code >} prompt
 * answered with the command's data and Ctrl+Z; later URCs of two-phase commands awaited with
 * {@link #awaitUrc(Predicate, Duration)}.
 * <p>
 * <b>No answer is taken for another command's.</b> The modem answers one command at a time, in order, but not always in
 * time: after a timeout its late answer would complete whatever is in flight next. So a timeout puts the engine out of
 * step: the queue is held, the line is left to go quiet, and a {@link StepCheck} (a random value written and read back)
 * proves which answer is the last one owed before the next command is sent; a command that cannot be proved in step
 * fails (its caller retries) rather than succeed on a stranger's answer. A command waiting for its {@code >} prompt
 * ends only on the prompt or an error, and read answers ({@code +CEREG: <n>,<stat>}, {@code +QMTCONN: <id>,<state>})
 * count only inside their own command. Consecutive timeouts and failed checks are reported as
 * {@link AtEventListener#modemSilent(String)}: a modem whose AT task hangs is not believed alive.
 * <p>
 * Nothing here blocks. Everything that follows from the modem's output or a timeout (futures completed, listeners
 * told, the next command written) runs in order on one dispatcher thread, outside the engine's lock: never on the
 * link's reader thread, the shared timer or a caller's thread, so a listener sees events one at a time in the order the
 * modem printed them. Do not wait for this engine on the dispatcher thread (from a listener): it would wait for
 * itself.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AtEngine implements LinkListener, AutoCloseable {

    private static final byte CTRL_Z = 0x1A;
    private static final byte ESC = 0x1B;
    /** +CME ERROR: 846, "in PSM state" (BC26 AT manual ch. 6). */
    private static final int CME_IN_PSM = 846;
    private static final String ENTER_PSM = "+QNBIOTEVENT: \"ENTER PSM\"";

    private final Logger logger = LoggerFactory.getLogger(AtEngine.class);
    private final ScheduledExecutorService scheduler;
    private final AtEventListener listener;
    private final Object lock = new Object();
    private final AtFramer framer;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final List<UrcWaiter> waiters = new ArrayList<>();
    /** Work to run after the lock is released (future completion, listener calls, writes), in order. */
    private final Deque<Runnable> afterLock = new ArrayDeque<>();
    /**
     * Events waiting beyond this many mean whoever handles them (the handler, openHAB's callbacks) is slower than the
     * modem prints: the serial port is still read at once (nothing is lost at the UART), but the wait grows.
     */
    public static final int BACKLOG_WARNING = 1000;
    private boolean backlogWarned;
    /** Runs {@link #afterLock}: one drain at a time, so the work runs in order on one thread. */
    private final Executor dispatcher;
    private boolean drainScheduled;

    private volatile @Nullable ModemLink link;
    private @Nullable Pending current;
    private boolean closed;
    private boolean restartReported;
    /** Ends a text record that went quiet (its end was lost) when no further bytes come to do it. */
    private @Nullable Future<?> quietCheck;
    /** OK or ERROR lines that arrived with no command in flight (late answers; a forged one would show here too). */
    private long strayFinalResults;

    /** A line left quiet this long after a timeout has printed what was late (a 1 KB record at 115200 takes 90 ms). */
    static final long QUIET_BEFORE_CHECK_NANOS = 300_000_000L;
    /** A line that never goes quiet (garbage) is checked anyway after this long: the check's value still decides. */
    static final long LONGEST_QUIET_WAIT_NANOS = 3_000_000_000L;
    /** A line still coming when the quiet wait ends is looked at again this soon (a record takes milliseconds). */
    static final long PARTIAL_LINE_RECHECK_NANOS = 20_000_000L;
    /** Rounds of the step check that got an answer without its value, before the command waiting fails. */
    static final int ROUNDS_PER_CHECK = 3;
    /** Timeouts and failed checks in a row after which the modem is reported silent. */
    public static final int SILENT_AFTER = 3;

    /** What a command in flight is for: the caller's, or one of the engine's own steps. */
    private enum Role {
        COMMAND,
        /** A bare AT before a command, to wake a modem that may sleep (its UART swallows the first line). */
        WAKE,
        STEP_AT,
        STEP_WRITE,
        STEP_READ
    }

    /** Where the step check stands. */
    private enum Check {
        NONE,
        AWAITING_QUIET,
        RUNNING
    }

    /** Since a timeout or a stray answer: the next answer may be a stranger's until a step check proves otherwise. */
    private boolean outOfStep;
    private Check check = Check.NONE;
    private StepCheck stepCheck = new StepCheck(1, new SplittableRandom());
    private StepCheck.@Nullable Round round;
    private int roundsFailed;
    private boolean roundWriteRefused;
    private long checkStartedNanos;
    private @Nullable Future<?> checkTimer;
    /** A command that may have put the modem into data mode failed: each check round starts with ESC. */
    private boolean dataModeRisk;
    /** The engine's own commands (wake, check), sent before the queue. */
    private final Deque<Pending> internal = new ArrayDeque<>();
    /** Timeouts and failed checks in a row, and whether they were reported. */
    private int silentStreak;
    private boolean silentReported;
    private long lastByteNanos = System.nanoTime();
    /**
     * When the last line came that was not a URC: what a step check waits to see end. URCs (received messages every
     * few milliseconds on a busy session) are events whenever they come and need not stop for it.
     */
    private long lastAnswerNanos = System.nanoTime();
    private long lastActivityNanos = System.nanoTime();
    /** The modem said it enters PSM or refused a command in PSM (+CME ERROR: 846): wake it before the next command. */
    private boolean asleep;
    /** With power saving allowed: a line idle this long may have let the modem fall asleep. */
    private @Nullable Duration wakeAfterIdle;
    /** Read answers that came outside their own command (late answers), dropped. */
    private long strayReadAnswers;

    /**
     * An engine whose events run on the thread that happens to hand them over (one at a time, in order): for tools
     * and tests. The binding gives every session a dispatcher thread of its own.
     */
    public AtEngine(ScheduledExecutorService scheduler, AtEventListener listener) {
        this(scheduler, Runnable::run, listener);
    }

    /**
     * @param scheduler for command and URC timeouts (its tasks only hand work to the dispatcher)
     * @param dispatcher where events, future completions and writes run, in order
     * @param listener hears URCs, restarts and a lost link, on the dispatcher
     */
    public AtEngine(ScheduledExecutorService scheduler, Executor dispatcher, AtEventListener listener) {
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
        this.listener = listener;
        this.framer = new AtFramer(new AtFramer.Sink() {
            @Override
            public void line(AtLine line) {
                handleLine(line);
            }

            @Override
            public void prompt() {
                handlePrompt();
            }
        });
    }

    /** Connects the engine to its link; call once, right after opening the link with this engine as listener. */
    public void attach(ModemLink link) {
        this.link = link;
    }

    /**
     * The MQTT client id whose keep-alive item the step check may overwrite: one the session does not use (see
     * {@link StepCheck#unusedClient(int)}). Client 1 until told.
     */
    public void useStepCheckClient(int clientId) {
        synchronized (lock) {
            if (stepCheck.clientId() != clientId) {
                stepCheck = new StepCheck(clientId, new SplittableRandom());
            }
        }
    }

    /**
     * With power saving allowed, a modem idle for {@code idle} may sleep and swallow the next line (BC26 AT manual:
     * send AT first in light sleep): a bare AT goes first then. Null: the modem is kept awake.
     */
    public void wakeBeforeCommandsAfterIdle(@Nullable Duration idle) {
        synchronized (lock) {
            wakeAfterIdle = idle;
        }
    }

    /**
     * Whether the modem answers as it should now: in step, and no command waiting for its answer longer than a local
     * command takes. A stop asks this before its goodbyes (shutdown message, AT+QMTDISC), which would otherwise wait
     * behind a slow read and a step check and keep openHAB's dispose past its 5 s.
     */
    public boolean answersPromptly() {
        synchronized (lock) {
            Pending pending = current;
            return !outOfStep && check == Check.NONE && (pending == null
                    || System.nanoTime() - pending.sentNanos < AtCommand.DEFAULT_TIMEOUT.toNanos());
        }
    }

    /** How long no byte came from the modem. */
    public long nanosSinceLastByte() {
        synchronized (lock) {
            return System.nanoTime() - lastByteNanos;
        }
    }

    /** How long nothing went either way on the line. */
    public long idleNanos() {
        synchronized (lock) {
            return System.nanoTime() - lastActivityNanos;
        }
    }

    /** Read answers ({@code +CEREG: <n>,<stat>}, ...) that came outside their command and were dropped. */
    public long strayReadAnswers() {
        synchronized (lock) {
            return strayReadAnswers;
        }
    }

    /**
     * Queues a command.
     *
     * @return completes with the information lines on OK, or exceptionally with an {@link AtException}
     */
    public CompletableFuture<AtResponse> send(AtCommand command) {
        Pending pending = new Pending(command);
        synchronized (lock) {
            if (closed) {
                pending.future.completeExceptionally(new AtException(AtException.Kind.CLOSED, "Modem link is closed"));
                return pending.future;
            }
            queue.add(pending);
            afterLock.add(this::pump);
        }
        runAfterLock();
        return pending.future;
    }

    /** The URC that ends a two-phase command ({@code OK} now, the result later), and how long it may take. */
    public record ResultWait(Predicate<AtLine> match, Duration timeout) {
    }

    /** A two-phase command's answer ({@code OK}) and its result URC. */
    public record TwoPhase(CompletableFuture<AtResponse> answer, CompletableFuture<AtLine> result) {
    }

    /**
     * Queues a two-phase command ({@code AT+QMTPUB}, {@code AT+QMTSUB}, {@code AT+QMTOPEN}, ...). Its result counts
     * only once its {@code OK} came: the modem prints a command's {@code OK} before its result, so a matching URC
     * printed earlier (the late result of an earlier command that gave up, such as a QoS 0 publish's
     * {@code +QMTPUB: <id>,0,0}, which every QoS 0 publish shares) is never taken for this command's. The wait starts
     * at the {@code OK}, in the same pass over the modem's output, so a result in the same read is not missed. If the
     * command fails, so does the result.
     */
    public TwoPhase send(AtCommand command, ResultWait wait) {
        Pending pending = new Pending(command);
        pending.resultWait = wait;
        queueAll(List.of(pending));
        return new TwoPhase(pending.future, pending.result);
    }

    /**
     * Queues three commands back to back, so no other command runs between them: {@code main}, a two-phase command as
     * in {@link #send(AtCommand, ResultWait)}, is sent only if {@code guard} succeeded (it and its result fail with the
     * guard's error otherwise), {@code after} in any case. For a binary publish: switch to the hex data format, the
     * publish, switch back; a publish whose switch failed would go out as text.
     */
    public TwoPhase sendGuarded(AtCommand guard, AtCommand main, AtCommand after, ResultWait wait) {
        Pending first = new Pending(guard);
        Pending guarded = new Pending(main);
        guarded.requires = first.future;
        guarded.resultWait = wait;
        queueAll(List.of(first, guarded, new Pending(after)));
        return new TwoPhase(guarded.future, guarded.result);
    }

    private void queueAll(List<Pending> pendings) {
        synchronized (lock) {
            if (closed) {
                AtException closedLink = new AtException(AtException.Kind.CLOSED, "Modem link is closed");
                pendings.forEach(p -> p.fail(closedLink));
            } else {
                queue.addAll(pendings);
                afterLock.add(this::pump);
            }
        }
        runAfterLock();
    }

    /** Sends a command and waits for its answer (the engine enforces the command's timeout). */
    public AtResponse execute(AtCommand command) throws AtException {
        return await(send(command), command.timeout());
    }

    /**
     * Waits for a URC. Register the wait <em>before</em> sending the command that causes it: the URC may arrive in
     * the same read as the command's OK.
     *
     * @param match which line ends the wait
     * @param timeout how long to wait
     * @return completes with the matching line, or exceptionally with an {@link AtException} (TIMEOUT, LINK_LOST,
     *         CLOSED)
     */
    public CompletableFuture<AtLine> awaitUrc(Predicate<AtLine> match, Duration timeout) {
        UrcWaiter waiter = new UrcWaiter(match, new CompletableFuture<>());
        synchronized (lock) {
            if (closed) {
                waiter.future.completeExceptionally(new AtException(AtException.Kind.CLOSED, "Modem link is closed"));
                return waiter.future;
            }
            waiters.add(waiter);
            armTimer(waiter, timeout);
        }
        return waiter.future;
    }

    /** Called under the lock: the wait's timeout, and its removal from the waiters when it ends. */
    private void armTimer(UrcWaiter waiter, Duration timeout) {
        Future<?> timer = schedule(() -> {
            // Completed on the dispatcher like every other answer: what waits on it never runs on the timer.
            synchronized (lock) {
                afterLock.add(() -> waiter.future.completeExceptionally(
                        new AtException(AtException.Kind.TIMEOUT, "No URC within " + timeout.toMillis() + " ms")));
            }
            runAfterLock();
        }, timeout);
        waiter.future.whenComplete((line, error) -> {
            timer.cancel(false);
            synchronized (lock) {
                waiters.remove(waiter);
            }
        });
    }

    /**
     * Sends {@code AT} until the modem answers OK: this both finds the baud rate of an auto-bauding modem and wakes
     * one that sleeps (the first AT after sleep is swallowed).
     *
     * @param attempts how many times to try
     * @param perAttempt how long to wait for each answer
     * @throws AtException TIMEOUT if the modem never answered
     */
    public void synchronize(int attempts, Duration perAttempt) throws AtException {
        AtCommand at = AtCommand.of("AT").withTimeout(perAttempt);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                execute(at);
                return;
            } catch (AtException e) {
                // A boot banner may cut into an AT right after a restart: that AT simply gets no answer.
                if (e.getKind() != AtException.Kind.TIMEOUT && e.getKind() != AtException.Kind.ERROR
                        && e.getKind() != AtException.Kind.MODEM_RESTARTED) {
                    throw e;
                }
                logger.trace("No answer to AT (attempt {} of {})", attempt, attempts);
            }
        }
        throw new AtException(AtException.Kind.TIMEOUT, "The modem does not answer AT");
    }

    /**
     * A timeout task; if the timer has already stopped (the session is stopping), the timeout is due at once, so
     * nothing waits for a timer that will never fire.
     */
    private Future<?> schedule(Runnable task, Duration delay) {
        try {
            return scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Asynchronously: callers hold the engine's lock, and the task takes it.
            return CompletableFuture.runAsync(task);
        }
    }

    /** Waits for a future of this engine, turning every failure into an {@link AtException}. */
    public static <T> T await(CompletableFuture<T> future, Duration expected) throws AtException {
        try {
            // The engine times out on its own; the extra margin only guards against a stuck scheduler.
            return future.get(expected.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AtException atException) {
                throw atException;
            }
            throw new AtException(AtException.Kind.UNEXPECTED_ANSWER, String.valueOf(cause));
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new AtException(AtException.Kind.TIMEOUT, "No answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new AtException(AtException.Kind.CLOSED, "Interrupted");
        }
    }

    /** Whether the engine still accepts commands. */
    public boolean isOpen() {
        synchronized (lock) {
            return !closed;
        }
    }

    @Override
    public void close() {
        failAll(new AtException(AtException.Kind.CLOSED, "Modem link closed"), () -> {
        });
        ModemLink link = this.link;
        if (link != null) {
            link.close();
        }
    }

    /**
     * Whether the modem prints received payloads in hex (every {@code +QMTRECV} one line that no payload can shape)
     * or as raw text; set by the MQTT client when it configures the receive format.
     */
    public void setHexRecords(boolean hex) {
        synchronized (lock) {
            framer.setHexRecords(hex);
        }
    }

    /** The line rate in baud: a slow line waits longer before a record that went quiet is cut. */
    public void setLineRate(int baud) {
        synchronized (lock) {
            framer.setLineRate(baud);
        }
    }

    /** Whether received records show their payload's length (BC660K, BC260Y); see {@link AtFramer}. */
    public void setLengthRecords(boolean length) {
        synchronized (lock) {
            framer.setLengthRecords(length);
        }
    }

    /**
     * Whether the modem printed its boot banner and has answered nothing since: it restarted and lost every session.
     * Known as soon as the banner is read, before its listener hears of it.
     */
    public boolean restartSeen() {
        synchronized (lock) {
            return restartReported;
        }
    }

    /** Final results (OK, ERROR) that arrived while no command was in flight, since the engine started. */
    public long strayFinalResults() {
        synchronized (lock) {
            return strayFinalResults;
        }
    }

    @Override
    public void bytesReceived(byte[] data, int length) {
        synchronized (lock) {
            lastByteNanos = System.nanoTime();
            lastActivityNanos = lastByteNanos;
            framer.feed(data, length);
            scheduleQuietCheck();
        }
        runAfterLock();
    }

    /**
     * Called under the lock: while a text record is open (or a prompt may be one), make sure a quiet line decides.
     * Armed once per record, not per chunk read: a check that finds the line busy since it was armed only arms
     * itself again for the rest of the quiet time (at the full line rate the reader wakes hundreds of times a second).
     */
    private void scheduleQuietCheck() {
        Future<?> armed = quietCheck;
        if (armed != null && !armed.isDone()) {
            return;
        }
        quietCheck = null;
        if (framer.awaitsQuiet() && !closed) {
            armQuietCheck(framer.quietNanos() + 10_000_000L);
        }
    }

    private void armQuietCheck(long delayNanos) {
        try {
            quietCheck = scheduler.schedule(this::quietCheckDue, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The timer is stopping with the session: nothing will read the record any more.
        }
    }

    private void quietCheckDue() {
        synchronized (lock) {
            quietCheck = null;
            if (!framer.awaitsQuiet() || closed) {
                return;
            }
            long quietFor = System.nanoTime() - lastByteNanos;
            if (quietFor < framer.quietNanos()) {
                // Bytes came since it was armed: look again when the line may have been quiet long enough.
                armQuietCheck(framer.quietNanos() - quietFor + 10_000_000L);
                return;
            }
        }
        // Decided on the line: bytes still waiting in the port mean it is not quiet, only slow to read.
        ModemLink current = link;
        boolean waiting = current != null && current.bytesWaiting() > 0;
        synchronized (lock) {
            if (waiting) {
                framer.lineBusy();
            } else {
                framer.quietCheck();
            }
            scheduleQuietCheck();
        }
        runAfterLock();
    }

    @Override
    public void linkLost(String reason) {
        logger.debug("Link lost: {}", reason);
        failAll(new AtException(AtException.Kind.LINK_LOST, reason), () -> listener.linkLost(reason));
    }

    /**
     * Fails every pending command and URC wait, then runs {@code then}, on the dispatcher; nothing if the engine was
     * already closed.
     */
    private void failAll(AtException reason, Runnable then) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            Future<?> quiet = quietCheck;
            if (quiet != null) {
                quiet.cancel(false);
            }
            Future<?> checking = checkTimer;
            if (checking != null) {
                checking.cancel(false);
            }
            internal.clear();
            List<CompletableFuture<?>> failed = new ArrayList<>();
            Pending pending = current;
            if (pending != null) {
                pending.cancelTimer();
                failed.add(pending.future);
                failed.add(pending.result);
                current = null;
            }
            for (Pending queued : queue) {
                failed.add(queued.future);
                failed.add(queued.result);
            }
            queue.clear();
            for (UrcWaiter waiter : waiters) {
                failed.add(waiter.future);
            }
            waiters.clear();
            afterLock.add(() -> failed.forEach(f -> f.completeExceptionally(reason)));
            afterLock.add(then);
        }
        runAfterLock();
    }

    /**
     * Starts the next command if none is in flight: the engine's own first (wake, step check), then the queue's, which
     * waits while the answers may be out of step.
     */
    private void pump() {
        Pending next;
        synchronized (lock) {
            Pending chosen = current != null || closed ? null : nextToSend();
            if (chosen == null) {
                return;
            }
            next = chosen;
            current = next;
            CompletableFuture<AtResponse> requires = next.requires;
            if (requires != null && requires.isCompletedExceptionally()) {
                // Its guard failed (finished before it, in order): not sent.
                finish(next, null, AtException.unsent(AtException.Kind.ERROR,
                        next.command.logText() + " not sent: the command before it failed"));
                return;
            }
            framer.expectPrompt(next.command.promptData() != null && !next.command.promptIsConnect());
            next.sentNanos = System.nanoTime();
            Duration timeout = next.command.timeout();
            next.timer = schedule(() -> timedOut(next), timeout);
        }
        logger.trace(">> {}", next.command.logText());
        if (write(next, (next.command.text() + "\r").getBytes(StandardCharsets.UTF_8))
                && next.command.hasNoFinalResult()) {
            synchronized (lock) {
                finish(next, new AtResponse(List.of()), null);
            }
            runAfterLock();
        }
    }

    /** Called under the lock: the engine's own command first, then the queue's unless it waits for a step check. */
    private @Nullable Pending nextToSend() {
        if (check == Check.AWAITING_QUIET) {
            return null;
        }
        Pending own = internal.poll();
        if (own != null || queue.isEmpty()) {
            return own;
        }
        if (outOfStep) {
            if (check == Check.NONE) {
                beginCheck();
            }
            return null;
        }
        if (needsWake()) {
            asleep = false;
            return new Pending(AtCommand.of("AT").withTimeout(StepCheck.WAKE_TIMEOUT), Role.WAKE);
        }
        return queue.poll();
    }

    private boolean needsWake() {
        Duration idle = wakeAfterIdle;
        return asleep || (idle != null && System.nanoTime() - lastActivityNanos > idle.toNanos());
    }

    /** Called under the lock: holds the queue until the line is quiet, then runs the step check. */
    private void beginCheck() {
        logger.debug("Answers may be out of step after a timeout: holding {} command(s) for a step check",
                queue.size());
        awaitQuiet();
    }

    /** Called under the lock: a round of the check starts once the line is quiet (or after the longest wait). */
    private void awaitQuiet() {
        check = Check.AWAITING_QUIET;
        checkStartedNanos = System.nanoTime();
        scheduleQuietWait();
    }

    private void scheduleQuietWait() {
        long wait = framer.hasPartialLine() ? PARTIAL_LINE_RECHECK_NANOS
                : Math.max(1_000_000L, lastAnswerNanos + QUIET_BEFORE_CHECK_NANOS - System.nanoTime());
        Future<?> scheduled = schedule(() -> {
            synchronized (lock) {
                quietWaitOver();
            }
            runAfterLock();
        }, Duration.ofNanos(wait));
        checkTimer = scheduled;
    }

    /** Called under the lock. */
    private void quietWaitOver() {
        if (closed || check != Check.AWAITING_QUIET) {
            return;
        }
        long now = System.nanoTime();
        boolean busy = now - lastAnswerNanos < QUIET_BEFORE_CHECK_NANOS || framer.hasPartialLine();
        if (busy && now - checkStartedNanos < LONGEST_QUIET_WAIT_NANOS) {
            scheduleQuietWait();
            return;
        }
        check = Check.RUNNING;
        StepCheck.Round next = stepCheck.newRound();
        round = next;
        if (dataModeRisk) {
            // A prompt may have come after its command gave up: the modem would take the check as message data.
            afterLock.add(() -> writeQuietly(new byte[] { ESC }));
        }
        internal.add(new Pending(next.wake(), Role.STEP_AT));
        afterLock.add(this::pump);
    }

    /** Called under the lock, when one of the engine's own commands ended. */
    private void stepFinished(Pending pending, @Nullable AtResponse response, @Nullable AtException error) {
        AtException.Kind kind = error == null ? null : error.getKind();
        if (kind == AtException.Kind.LINK_LOST || kind == AtException.Kind.CLOSED) {
            return;
        }
        StepCheck.Round active = round;
        switch (pending.role) {
            case WAKE -> {
                // Its timeout put the engine out of step (timedOut): the check follows before the command.
            }
            case STEP_AT -> {
                if (kind == AtException.Kind.TIMEOUT || active == null) {
                    roundFailed(true);
                } else {
                    internal.add(new Pending(active.write(), Role.STEP_WRITE));
                }
            }
            case STEP_WRITE -> {
                roundWriteRefused = kind == AtException.Kind.ERROR || kind == AtException.Kind.CME_ERROR;
                if (kind == AtException.Kind.TIMEOUT || active == null) {
                    roundFailed(true);
                } else {
                    internal.add(new Pending(active.read(), Role.STEP_READ));
                }
            }
            case STEP_READ -> {
                if (active != null && response != null && active.proves(response.lines())) {
                    inStep("its value was read back");
                } else if ((kind == AtException.Kind.ERROR || kind == AtException.Kind.CME_ERROR)
                        && roundWriteRefused) {
                    // A firmware without the keep-alive item refuses both; two answers for two commands after a quiet
                    // line is the best proof it can give.
                    inStep("the modem refused both commands of the check after a quiet line");
                } else {
                    roundFailed(kind == AtException.Kind.TIMEOUT);
                }
            }
            case COMMAND -> {
            }
        }
    }

    private void inStep(String how) {
        logger.debug("Answers in step again ({}, after {} round(s) that did not prove it)", how, roundsFailed);
        outOfStep = false;
        dataModeRisk = false;
        check = Check.NONE;
        roundsFailed = 0;
        answered();
    }

    /**
     * A round of the check did not prove the step: another round if the modem answered (a late answer took the
     * place of a check's own), else the oldest waiting command fails unsent and the next one gets a new check.
     */
    private void roundFailed(boolean unanswered) {
        roundsFailed++;
        if (!unanswered && roundsFailed < ROUNDS_PER_CHECK) {
            awaitQuiet();
            return;
        }
        check = Check.NONE;
        roundsFailed = 0;
        if (unanswered) {
            noAnswer("the step check after a timeout");
        }
        Pending head = queue.poll();
        if (head != null) {
            AtException failure = AtException.unsent(AtException.Kind.TIMEOUT, head.command.logText()
                    + " not sent: the modem " + (unanswered ? "has not answered" : "has not answered in step")
                    + " since an earlier command timed out");
            afterLock.add(() -> head.fail(failure));
        }
    }

    /** Called under the lock: a genuine answer came, so the modem's AT task is alive. */
    private void answered() {
        silentStreak = 0;
        silentReported = false;
    }

    /** Called under the lock: a timeout or a check without answer; enough in a row and the modem is silent. */
    private void noAnswer(String what) {
        silentStreak++;
        if (silentStreak >= SILENT_AFTER && !silentReported) {
            silentReported = true;
            String reason = "The modem has not answered " + silentStreak + " commands in a row (last: " + what
                    + "): its AT task hangs";
            afterLock.add(() -> listener.modemSilent(reason));
        }
    }

    private boolean write(Pending pending, byte[] bytes) {
        ModemLink link = this.link;
        try {
            if (link == null) {
                throw new LinkException(LinkException.Kind.IO_ERROR, "?", "No link attached");
            }
            synchronized (lock) {
                lastActivityNanos = System.nanoTime();
            }
            link.write(bytes);
            return true;
        } catch (LinkException e) {
            synchronized (lock) {
                if (current == pending) {
                    finish(pending, null, new AtException(AtException.Kind.LINK_LOST, String.valueOf(e.getMessage())));
                }
            }
            runAfterLock();
            return false;
        }
    }

    private void timedOut(Pending pending) {
        synchronized (lock) {
            if (current != pending) {
                return;
            }
            if (pending.command.promptData() != null) {
                // Still in data mode (or about to enter it): ESC makes the modem drop the message and leave it.
                afterLock.add(() -> writeQuietly(new byte[] { ESC }));
                dataModeRisk = true;
            }
            // Its answer may still come, and would be taken for the next command's.
            outOfStep = true;
            if (pending.role == Role.COMMAND) {
                noAnswer(pending.command.logText());
            }
            logger.debug("No answer to {} within {} ms", pending.command.logText(),
                    pending.command.timeout().toMillis());
            finish(pending, null, new AtException(AtException.Kind.TIMEOUT,
                    "No answer to " + pending.command.logText() + " within " + pending.command.timeout().toMillis()
                            + " ms"));
        }
        runAfterLock();
    }

    private void writeQuietly(byte[] bytes) {
        ModemLink link = this.link;
        if (link != null) {
            try {
                link.write(bytes);
            } catch (LinkException e) {
                logger.debug("Write failed: {}", e.getMessage());
            }
        }
    }

    /** Called under the lock. */
    private void finish(Pending pending, @Nullable AtResponse response, @Nullable AtException error) {
        pending.cancelTimer();
        if (current == pending) {
            current = null;
        }
        framer.expectPrompt(false);
        if (error == null && response != null) {
            restartReported = false;
        }
        if (pending.role != Role.COMMAND) {
            stepFinished(pending, response, error);
        } else if (error == null && response != null) {
            answered();
            ResultWait wait = pending.resultWait;
            if (wait != null) {
                // From this OK on, and not before: the lines after it in this read are dispatched after this.
                UrcWaiter waiter = new UrcWaiter(wait.match(), pending.result);
                waiters.add(waiter);
                armTimer(waiter, wait.timeout());
            }
            afterLock.add(() -> pending.future.complete(response));
        } else if (error != null) {
            if (error.getKind() == AtException.Kind.CME_ERROR && error.getCmeError() == CME_IN_PSM
                    && !pending.retriedAfterWake) {
                // Refused because the modem is in PSM: woken by an AT first, the command is tried once more.
                logger.debug("{} refused in PSM: waking the modem and trying it once more", pending.command.logText());
                asleep = true;
                pending.retriedAfterWake = true;
                pending.lines.clear();
                pending.promptAnswered = false;
                queue.addFirst(pending);
            } else {
                if (error.getKind() != AtException.Kind.TIMEOUT) {
                    answered();
                }
                if (pending.command.promptData() != null && !pending.promptAnswered) {
                    // Its prompt may still come after the error: the next command must not become message data.
                    dataModeRisk = true;
                    outOfStep = true;
                }
                afterLock.add(() -> pending.fail(error));
            }
        }
        afterLock.add(this::pump);
    }

    /** Called under the lock, from the framer. */
    private void handlePrompt() {
        Pending pending = current;
        byte[] data = pending == null ? null : pending.command.promptData();
        if (pending == null || data == null || pending.promptAnswered) {
            return;
        }
        pending.promptAnswered = true;
        if (pending.command.promptEndsByLength()) {
            // The command announced the length: the modem takes exactly these bytes, Ctrl+Z would be payload.
            logger.trace("<< > (sending {} bytes)", data.length);
            afterLock.add(() -> write(pending, data.clone()));
            return;
        }
        logger.trace("<< > (sending {} bytes and Ctrl+Z)", data.length);
        byte[] message = new byte[data.length + 1];
        System.arraycopy(data, 0, message, 0, data.length);
        message[data.length] = CTRL_Z;
        afterLock.add(() -> write(pending, message));
    }

    /** Called under the lock, from the framer. */
    private void handleLine(AtLine line) {
        String text = line.text().strip();
        if (text.isEmpty()) {
            return;
        }
        Pending pending = current;
        if (pending != null && text.equalsIgnoreCase(pending.command.text())) {
            logger.trace("<< (echo) {}", pending.command.logText());
            return;
        }
        if (pending != null && pending.command.promptIsConnect() && !pending.promptAnswered
                && text.equals("CONNECT")) {
            // A file upload's go-ahead: exactly the announced bytes follow, nothing after them.
            byte[] data = pending.command.promptData();
            pending.promptAnswered = true;
            if (data != null) {
                logger.trace("<< CONNECT (sending {} bytes)", data.length);
                afterLock.add(() -> write(pending, data.clone()));
            }
            return;
        }
        LineKind kind = line.isComplete() ? LineKind.of(text) : LineKind.OTHER;
        boolean readAnswer = kind == LineKind.URC && LineKind.isReadAnswer(text);
        if (kind != LineKind.URC || readAnswer) {
            lastAnswerNanos = System.nanoTime();
        }
        if (!line.isComplete() && line.startsWith("+QMTRECV:")) {
            // A record that lost its end or outgrew the limit: its consumer counts the message as lost.
            afterLock.add(() -> listener.urc(line));
            return;
        }
        if (line.trust() != AtLine.Trust.MODEM && handleUntrusted(line, kind, text)) {
            return;
        }
        if (kind != LineKind.URC && logger.isTraceEnabled()) {
            // URCs are logged by their consumers: a +QMTRECV line is user data.
            logger.trace("<< {}", AtText.printable(text));
        }
        switch (kind) {
            case BANNER -> handleBanner(pending);
            case OK -> {
                if (pending != null && awaitsPrompt(pending)) {
                    // Only the prompt or an error ends this phase: an OK now is an earlier command's late answer.
                    stray("OK before the prompt of " + pending.command.logText());
                } else if (pending != null) {
                    finish(pending, new AtResponse(pending.lines), null);
                } else {
                    stray("OK without a command");
                }
            }
            case FINAL_ERROR -> {
                if (pending != null) {
                    finish(pending, null, errorOf(text, pending.command));
                } else {
                    stray(AtText.printable(text) + " without a command");
                }
            }
            case URC -> {
                if (pending != null && pending.command.isInfo(text)) {
                    pending.lines.add(text);
                } else if (readAnswer) {
                    // The answer of a read that gave up; as a URC it would say something the modem did not mean.
                    strayReadAnswers++;
                    if (pending == null && check == Check.NONE) {
                        outOfStep = true;
                    }
                    logger.debug("Dropped '{}': a read answer outside its command (late)", AtText.printable(text));
                } else {
                    if (text.equalsIgnoreCase(ENTER_PSM)) {
                        asleep = true;
                    }
                    dispatchUrc(line);
                }
            }
            case OTHER -> {
                if (pending != null && line.isComplete()
                        && (pending.command.isInfo(text) || pending.command.anyLineIsInfo())) {
                    pending.lines.add(text);
                } else if (line.isComplete() && isGarbage(line)) {
                    // What a modem prints while it restarts at another rate (a watchdog reset shows no banner).
                    logger.debug("Garbage from the modem: {}", AtText.printable(text));
                    afterLock.add(() -> listener.claimToVerify(line));
                } else if (!text.regionMatches(true, 0, "AT", 0, 2)) {
                    logger.debug("Ignoring unexpected line from the modem: {}", AtText.printable(text));
                }
            }
        }
    }

    /**
     * A line that may be payload text (see {@link AtLine.Trust}). A session loss or a restart it claims is handed over
     * for verification instead of being believed; inside a record nothing else counts either (no command completes,
     * no acknowledgement, no message).
     *
     * @return true if the line was dealt with here
     */
    private boolean handleUntrusted(AtLine line, LineKind kind, String text) {
        if (kind == LineKind.BANNER || (kind == LineKind.URC && line.startsWith("+QMTSTAT:"))) {
            if (kind == LineKind.BANNER && restartReported) {
                return true;
            }
            logger.debug("Verifying '{}': it came {} a +QMTRECV record, so it may be payload text",
                    AtText.printable(text), line.trust() == AtLine.Trust.INSIDE_RECORD ? "inside" : "right after");
            afterLock.add(() -> listener.claimToVerify(line));
            return true;
        }
        if (line.trust() == AtLine.Trust.INSIDE_RECORD) {
            logger.debug("Ignoring a line from inside a cut +QMTRECV record: {}", AtText.printable(text));
            return true;
        }
        Pending pending = current;
        if ((kind == LineKind.OK || kind == LineKind.FINAL_ERROR) && pending != null
                && pending.command.promptData() != null && !pending.promptAnswered) {
            // The modem answers a data-mode publish with its prompt first: a final result now, right after a record,
            // is payload text. Believing it would leave the modem in data mode, swallowing the next command as data.
            logger.debug("Ignoring '{}' right after a +QMTRECV record while waiting for the prompt",
                    AtText.printable(text));
            return true;
        }
        return false;
    }

    /** Called under the lock: a final result that answers no command in flight. */
    private void stray(String what) {
        strayFinalResults++;
        if (check == Check.NONE) {
            // More may follow it: the next command waits for a step check.
            outOfStep = true;
        }
        logger.debug("{}: a late answer to a timed-out command, ignored", what);
    }

    /** Bytes no modem answer contains: not UTF-8, or control characters. */
    private static boolean isGarbage(AtLine line) {
        if (AtLine.strictUtf8(line.raw()) == null) {
            return true;
        }
        for (byte b : line.raw()) {
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static boolean awaitsPrompt(Pending pending) {
        return pending.command.promptData() != null && !pending.promptAnswered;
    }

    private void handleBanner(@Nullable Pending pending) {
        framer.expectPrompt(false);
        if (restartReported) {
            return;
        }
        restartReported = true;
        logger.debug("Modem restarted (boot banner)");
        if (pending != null && !pending.command.hasNoFinalResult()) {
            finish(pending, null, new AtException(AtException.Kind.MODEM_RESTARTED,
                    "The modem restarted during " + pending.command.logText()));
        }
        afterLock.add(listener::modemRestarted);
    }

    private void dispatchUrc(AtLine line) {
        // Only the oldest matching waiter gets the line: QoS 0 publishes all wait for "+QMTPUB: <id>,0,..." and the
        // modem answers them in order.
        for (UrcWaiter waiter : waiters) {
            if (waiter.match.test(line)) {
                waiters.remove(waiter);
                afterLock.add(() -> waiter.future.complete(line));
                break;
            }
        }
        afterLock.add(() -> listener.urc(line));
    }

    private static AtException errorOf(String text, AtCommand command) {
        if (text.startsWith("+CME ERROR:")) {
            String code = text.substring("+CME ERROR:".length()).trim();
            try {
                int number = Integer.parseInt(code);
                return new AtException(AtException.Kind.CME_ERROR,
                        command.logText() + " failed: " + CmeErrors.describe(number), number);
            } catch (NumberFormatException e) {
                return new AtException(AtException.Kind.CME_ERROR, command.logText() + " failed: " + code);
            }
        }
        return new AtException(AtException.Kind.ERROR, command.logText() + " answered " + text);
    }

    /** Hands the work queued under the lock to the dispatcher, unless a drain is already on its way. */
    private void runAfterLock() {
        synchronized (lock) {
            if (!backlogWarned && afterLock.size() > BACKLOG_WARNING) {
                backlogWarned = true;
                logger.warn("More than {} modem events wait to be handled: messages arrive faster than openHAB takes "
                        + "them, and each waits longer", BACKLOG_WARNING);
            }
            if (drainScheduled || afterLock.isEmpty()) {
                return;
            }
            drainScheduled = true;
        }
        try {
            dispatcher.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The session is stopping and its dispatcher is gone: finish on this thread, so no future is left open.
            drain();
        }
    }

    /** Runs the queued work in order until none is left. */
    private void drain() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                if (afterLock.isEmpty()) {
                    drainScheduled = false;
                    if (backlogWarned) {
                        backlogWarned = false;
                        logger.info("The modem events waiting to be handled are all handled again");
                    }
                    return;
                }
                next = afterLock.removeFirst();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                logger.warn("Error in a modem event handler: {}", e.toString(), e);
            }
        }
    }

    /** A command in the queue or in flight. */
    private static final class Pending {
        final AtCommand command;
        final Role role;
        final CompletableFuture<AtResponse> future = new CompletableFuture<>();
        final List<String> lines = new ArrayList<>();
        @Nullable
        Future<?> timer;
        boolean promptAnswered;
        /** Refused in PSM once and sent again after a wake. */
        boolean retriedAfterWake;
        /** When it was written (System.nanoTime()). */
        long sentNanos;
        /** For a two-phase command: the URC that ends it, awaited from its OK on. */
        @Nullable
        ResultWait resultWait;
        final CompletableFuture<AtLine> result = new CompletableFuture<>();
        /** A command that must have succeeded for this one to be sent. */
        @Nullable
        CompletableFuture<AtResponse> requires;

        Pending(AtCommand command) {
            this(command, Role.COMMAND);
        }

        Pending(AtCommand command, Role role) {
            this.command = command;
            this.role = role;
        }

        /** Fails the command and, for a two-phase one, its result. */
        void fail(AtException error) {
            future.completeExceptionally(error);
            result.completeExceptionally(error);
        }

        void cancelTimer() {
            Future<?> timer = this.timer;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    /** Someone waiting for a URC. */
    private record UrcWaiter(Predicate<AtLine> match, CompletableFuture<AtLine> future) {
    }
}
