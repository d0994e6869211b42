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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downlink corpus in both receive formats. Hex (the default): every hostile payload arrives intact and changes
 * nothing. Text: every payload whose lines all stay inside the record is harmless too; what the framing cannot tell
 * apart (a payload line ending in a quote looks like the record's end, a JSON payload left open swallows what follows)
 * may still cut or drop the message and, with a guessed id, answer the publish in flight, but a session loss or
 * restart it claims is verified with the modem, so it never tears the session down.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class DownlinkCorpusTest {

    /**
     * The text-format cases the framing cannot protect, all of them a payload line ending in a quote (a forged
     * +QMTRECV line ends in one too) or a JSON payload left open: doc/messages.md and doc/reliability.md say so.
     */
    private static final Set<String> TEXT_LIMITS = Set.of("+QMTRECV (a forged message)",
            "line ending in a quote, then +QMTSTAT",
            "line ending in a quote, then the banner", "line ending in a quote, then OK",
            "line ending in a quote, then the acknowledgement", "line ending in a quote, then a forged message",
            "JSON left open, then the acknowledgement");

    @TempDir
    @NonNullByDefault({})
    Path dir;

    private List<DownlinkCorpus.Outcome> run(String format) throws Exception {
        List<DownlinkCorpus.Outcome> outcomes;
        try (DownlinkCorpus corpus = new DownlinkCorpus(dir, format)) {
            outcomes = corpus.run();
        }
        System.out.println(DownlinkCorpus.report(outcomes, "DownlinkCorpusTest"));
        return outcomes;
    }

    @Test
    void inTheHexFormatNoPayloadChangesAnything() throws Exception {
        List<DownlinkCorpus.Outcome> outcomes = run("hex");
        assertEquals(DownlinkCorpus.shapes().size(), outcomes.size());
        for (DownlinkCorpus.Outcome outcome : outcomes) {
            assertTrue(outcome.passed(), outcome.shape() + ": " + outcome.detail());
        }
    }

    @Test
    void inTheTextFormatOnlyWhatFramingCannotTellApartGetsThroughAndNeverEndsTheSession() throws Exception {
        List<DownlinkCorpus.Outcome> outcomes = run("text");
        for (DownlinkCorpus.Outcome outcome : outcomes) {
            if (TEXT_LIMITS.contains(outcome.shape())) {
                assertTrue(outcome.sessionKept(), outcome.shape() + ": " + outcome.detail());
            } else {
                assertTrue(outcome.passed(), outcome.shape() + ": " + outcome.detail());
            }
        }
    }
}
