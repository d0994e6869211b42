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
package org.openhab.binding.bc26.internal.cli;

import java.io.PrintStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where the commands write: one JSON object per line on standard output, from any thread one line at a time, and
 * human sentences on standard error.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
final class CliOutput {

    private final PrintStream out;
    private final PrintStream err;

    CliOutput(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One JSON line. */
    synchronized void print(Json json) {
        out.println(json);
        out.flush();
    }

    /** A line of raw text on standard output (the {@code at} command's answer). */
    synchronized void line(Object text) {
        out.println(text);
    }

    /** A sentence on standard error. */
    void error(String text) {
        err.println(text);
    }

    /** The reason a command failed: a JSON line, and a sentence on standard error; returns the exit code 1. */
    int failure(String reason, @Nullable String detail) {
        print(Json.object().put("error", reason).put("detail", detail));
        err.println("Failed: " + reason + (detail == null ? "" : ": " + detail));
        return 1;
    }

    /** The line a command ended by Ctrl+C or SIGTERM prints once its session is closed. */
    static Json stopped(String command) {
        return Json.object().put("event", "session").put("online", false).put("reason", "STOPPED").put("detail",
                command + " was stopped and disconnected cleanly");
    }
}
