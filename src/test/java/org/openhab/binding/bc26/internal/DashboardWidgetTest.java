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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Main UI widget of doc/dashboard.md is YAML Main UI can read, each of its parameters is used by the card, and
 * the channels the document links items to exist on the bridge.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class DashboardWidgetTest {

    @Test
    @SuppressWarnings("unchecked")
    void theWidgetParsesUsesEveryParameterAndNamesRealChannels() throws IOException {
        String document = Files.readString(TestPaths.projectDir().resolve("doc/dashboard.md"));
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(document);
        assertTrue(block.find(), "a yaml block");
        String yaml = block.group(1);
        Map<String, Object> widget = new Yaml().load(yaml);
        assertEquals("bc26_modem_card", widget.get("uid"));
        assertEquals("f7-card", widget.get("component"));
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) widget.get("props"))
                .get("parameters");
        List<String> unused = new ArrayList<>();
        for (Map<String, Object> parameter : parameters) {
            String name = String.valueOf(parameter.get("name"));
            if (!yaml.contains("props." + name)) {
                unused.add(name);
            }
        }
        assertEquals(List.of(), unused, "parameters the card never shows");

        // the bridge thing type lists its channels by id
        String channels = Files.readString(TestPaths.projectDir().resolve("OH-INF/thing/modem.xml"));
        Matcher link = Pattern.compile("channel=\"bc26:modem:cabin:([a-z-]+)\"").matcher(document);
        int links = 0;
        while (link.find()) {
            links++;
            assertTrue(channels.contains("<channel id=\"" + link.group(1) + "\""), "no bridge channel " + link.group(1));
        }
        long itemParameters = parameters.stream().filter(parameter -> "item".equals(parameter.get("context"))).count();
        assertEquals(itemParameters, links, "one linked item for each item the card asks for");
        assertEquals(7, links, "signal, registration, connection, outbox, last error, data sent and received");
    }
}
