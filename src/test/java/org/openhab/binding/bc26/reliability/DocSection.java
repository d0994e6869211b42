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
package org.openhab.binding.bc26.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Replaces one generated section of a Markdown document, between {@code <!-- name -->} and {@code <!-- /name -->},
 * so that the fault matrix, the corpus and the soak each rewrite their own part of doc/reliability.md.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DocSection {

    private DocSection() {
    }

    /** Writes {@code content} as section {@code name}; appends the section when the document lacks it. */
    public static void write(Path document, String name, String content) throws IOException {
        String start = "<!-- " + name + " -->\n";
        String end = "<!-- /" + name + " -->\n";
        String text = Files.exists(document) ? Files.readString(document) : "";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        String section = start + content + (content.endsWith("\n") ? "" : "\n") + end;
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            text = text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section;
        }
        Files.writeString(document, text);
    }
}
