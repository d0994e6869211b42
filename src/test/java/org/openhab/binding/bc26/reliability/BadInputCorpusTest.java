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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole bad-input corpus: every case must pass (clear error or correct handling, nothing injected, the
 * bridge still works), and the binding's TRACE log of the run must not hold the password or a line an injected
 * CR/LF started.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class BadInputCorpusTest {

    @TempDir
    @NonNullByDefault({})
    Path dir;

    @Test
    void everyBadInputEndsInAClearErrorOrCorrectHandlingAndNeverInAnInjectionOrALoggedPassword() throws Exception {
        List<BadInputCorpus.Outcome> outcomes;
        try (BadInputCorpus corpus = new BadInputCorpus(dir)) {
            outcomes = corpus.run();
        }
        System.out.println(BadInputCorpus.report(outcomes, "BadInputCorpusTest"));
        assertTrue(outcomes.size() >= 60, "the corpus ran: " + outcomes.size() + " cases");
        for (BadInputCorpus.Outcome outcome : outcomes) {
            assertTrue(outcome.passed(), outcome.category() + " / " + outcome.input() + ": " + outcome.detail());
        }

        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile", "");
        assertFalse(logFile.isBlank(), "the build writes the binding's log to a file (pom.xml, surefire)");
        String log = Files.readString(Path.of(logFile), StandardCharsets.ISO_8859_1);
        assertTrue(log.contains("AT+QMTCONN"), "the log holds the connect commands at TRACE, so the check means something");
        assertFalse(log.contains(BadInputCorpus.SECRET), "the broker password never reaches the log");
        assertFalse(log.lines().anyMatch(line -> line.startsWith("AT+QRST")),
                "no log line was started by a CR/LF carried in an input");
    }
}
