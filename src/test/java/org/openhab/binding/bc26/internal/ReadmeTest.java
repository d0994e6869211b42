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
}
