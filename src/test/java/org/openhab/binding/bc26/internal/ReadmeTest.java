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
package org.openhab.binding.bc26.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * CI must run exactly the test command README.md gives, and README.md must keep openHAB's add-on sections.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class ReadmeTest {

    @Test
    void ciRunsTheTestCommandOfTheReadme() throws IOException {
        List<String> ciLines = Files.readAllLines(TestPaths.projectDir().resolve(".ci/run"));
        String command = ciLines.stream().map(String::trim).filter(l -> l.startsWith("./mvnw")).reduce((a, b) -> b)
                .orElseThrow();
        String readme = Files.readString(TestPaths.projectDir().resolve("README.md"));
        assertTrue(readme.contains("```shell\n" + command + "\n```"), "README lacks the CI command " + command);
    }

    @Test
    void readmeHasTheAddonSections() throws IOException {
        String readme = Files.readString(TestPaths.projectDir().resolve("README.md"));
        int last = -1;
        for (String section : List.of("## Supported Things", "## Discovery", "## Thing Configuration", "## Channels",
                "## Full Example", "## Troubleshooting", "## Development")) {
            int index = readme.indexOf("\n" + section + "\n");
            assertTrue(index > last, section + " missing or out of order");
            last = index;
        }
    }

    /**
     * The README in the size of openHAB's add-on READMEs (5-25 KB; developer material lives in doc/), and no user
     * document speaks of the project's issue numbers, which mean nothing to users.
     */
    @Test
    void readmeStaysAnAddonReadmeAndNoDocumentNamesIssueNumbers() throws IOException {
        Path root = TestPaths.projectDir();
        long size = Files.size(root.resolve("README.md"));
        assertTrue(size <= 28_000, "README.md has " + size + " bytes: move details to doc/");
        List<Path> documents = new java.util.ArrayList<>(List.of(root.resolve("README.md")));
        try (var docs = Files.list(root.resolve("doc"))) {
            docs.filter(file -> file.toString().endsWith(".md")).forEach(documents::add);
        }
        java.util.regex.Pattern issueNumber = java.util.regex.Pattern.compile("(?i)\\bissues? \\d+");
        for (Path document : documents) {
            java.util.regex.Matcher matcher = issueNumber.matcher(Files.readString(document));
            if (matcher.find()) {
                fail(document.getFileName() + " names '" + matcher.group() + "'");
            }
        }
    }
}
