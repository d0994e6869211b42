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
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Validates every OH-INF XML file against openHAB's schemas (resolved from test resources, never the network) and
 * checks that every text the XML and the Java code show to users has a key in both the English and the Traditional
 * Chinese properties file.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class OhInfDescriptorTest {

    private static final Path OH_INF = TestPaths.projectDir().resolve("OH-INF");
    private static final Pattern TEXT_REFERENCE = Pattern.compile("@text/([\\w\\-]+(?:\\.[\\w\\-]+)*)(?![\\w.\\-])");

    /**
     * The schemas of the oldest and the newest openHAB core README promises (4.3.11 and 5.2.1): a descriptor only the
     * newer one reads (addon.xml's {@code <keywords>} came with 5.2) makes the older ones log a parse warning and show
     * no add-on information.
     */
    private static final List<String> SCHEMA_FOLDERS = List.of("schemas-4.3.11", "schemas");

    @TestFactory
    Stream<DynamicTest> everyXmlFileIsValidAgainstTheSchemasOfEveryCorePromised() throws IOException {
        List<Path> xmlFiles = xmlFiles();
        assertTrue(xmlFiles.size() >= 2, "addon.xml and at least one thing file expected, found " + xmlFiles);
        return SCHEMA_FOLDERS.stream().flatMap(schemas -> xmlFiles.stream().map(file -> DynamicTest.dynamicTest(
                schemas + ": " + OH_INF.relativize(file), () -> {
                    String folder = file.getParent().getFileName().toString();
                    String schemaName = switch (folder) {
                        case "addon" -> "addon-1.0.0.xsd";
                        case "config" -> "config-description-1.0.0.xsd";
                        default -> "thing-description-1.0.0.xsd";
                    };
                    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                    factory.setResourceResolver(new LocalSchemaResolver(schemas));
                    URL schema = schemaUrl(schemas, schemaName);
                    Validator validator = factory.newSchema(schema).newValidator();
                    validator.setResourceResolver(new LocalSchemaResolver(schemas));
                    validator.validate(new StreamSource(file.toFile()));
                })));
    }

    @Test
    void everyBridgeStatusChannelCarriesASemanticPointTagAndIsReadOnly() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document = factory.newDocumentBuilder().parse(OH_INF.resolve("thing/channels.xml").toFile());
        org.w3c.dom.NodeList types = document.getElementsByTagName("channel-type");
        int checked = 0;
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            String id = type.getAttribute("id");
            if (type.getElementsByTagName("state").getLength() == 0 || id.startsWith("publish")) {
                continue;
            }
            Element state = (Element) type.getElementsByTagName("state").item(0);
            assertEquals("true", state.getAttribute("readOnly"), id + " is read-only");
            List<String> tags = new java.util.ArrayList<>();
            org.w3c.dom.NodeList tagNodes = type.getElementsByTagName("tag");
            for (int t = 0; t < tagNodes.getLength(); t++) {
                tags.add(tagNodes.item(t).getTextContent().trim());
            }
            assertTrue(tags.contains("Measurement") || tags.contains("Status"),
                    id + " has a Point tag so Main UI's model builder places it: " + tags);
            checked++;
        }
        assertTrue(checked >= 14, "status channel types checked: " + checked);
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties english = load("bc26.properties");
        Properties chinese = load("bc26_zh_TW.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()));
        for (String key : chinese.stringPropertyNames()) {
            assertFalse(chinese.getProperty(key).isBlank(), key);
        }
    }

    /** Main UI shows a parameter or channel without description as an empty help line: none may lack one. */
    @Test
    void everyParameterAndEveryThingAndChannelTypeIsDescribed() throws Exception {
        List<String> undescribed = new ArrayList<>();
        int checked = 0;
        for (Path file : xmlFiles()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            for (String tag : List.of("parameter", "thing-type", "bridge-type", "channel-type")) {
                NodeList elements = document.getElementsByTagNameNS("*", tag);
                for (int i = 0; i < elements.getLength(); i++) {
                    Element element = (Element) elements.item(i);
                    checked++;
                    boolean described = children(element).stream()
                            .anyMatch(child -> "description".equals(child.getLocalName())
                                    && !child.getTextContent().isBlank());
                    if (!described) {
                        undescribed.add(file.getFileName() + " " + tag + " "
                                + (element.hasAttribute("name") ? element.getAttribute("name")
                                        : element.getAttribute("id")));
                    }
                }
            }
        }
        assertTrue(checked > 100, "parameters and types found: " + checked);
        assertEquals(List.of(), undescribed);
    }

    @Test
    void everyTextInTheXmlHasAGeneratedKeyInBothLanguages() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Path file : xmlFiles()) {
            keys.addAll(generatedKeys(file));
        }
        assertTrue(keys.contains("thing-type.bc26.modem.label"), keys.toString());
        assertKeysPresent(keys);
    }

    @Test
    void everyTextReferenceInXmlAndJavaHasAKeyInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<Path> sources = new ArrayList<>(xmlFiles());
        try (Stream<Path> java = Files.walk(TestPaths.projectDir().resolve("src/main/java"))) {
            java.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher matcher = TEXT_REFERENCE.matcher(Files.readString(source));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        assertFalse(keys.isEmpty(), "the handler uses translated status descriptions");
        assertKeysPresent(keys);
    }

    @Test
    void everyDecodedFailureHasATranslatedStatusAndApostrophesSurviveMessageFormat() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (org.openhab.binding.bc26.internal.modem.SessionFailure.Kind kind : org.openhab.binding.bc26.internal.modem.SessionFailure.Kind
                .values()) {
            keys.add("offline." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        assertKeysPresent(keys);
        for (String file : List.of("bc26.properties", "bc26_zh_TW.properties")) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                String text = properties.getProperty(key);
                if (text.contains("{0}")) {
                    String formatted = java.text.MessageFormat.format(text, "DETAIL");
                    assertTrue(formatted.contains("DETAIL"), file + " " + key + ": " + formatted);
                    assertFalse(formatted.contains("''"), file + " " + key + ": " + formatted);
                }
            }
        }
    }

    private void assertKeysPresent(Set<String> keys) throws IOException {
        for (String file : List.of("bc26.properties", "bc26_zh_TW.properties")) {
            Properties properties = load(file);
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(properties.stringPropertyNames());
            assertTrue(missing.isEmpty(), file + " lacks " + missing);
        }
    }

    /** The keys openHAB's i18n generator derives from labels, descriptions and options of the XML. */
    private static Set<String> generatedKeys(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element root = document.getDocumentElement();
        Set<String> keys = new TreeSet<>();
        if ("addon".equals(root.getLocalName())) {
            String id = root.getAttribute("id");
            keys.add("addon." + id + ".name");
            keys.add("addon." + id + ".description");
            return keys;
        }
        if ("config-descriptions".equals(root.getLocalName())) {
            for (Element description : children(root)) {
                String[] uri = description.getAttribute("uri").split(":");
                String prefix = uri[0] + ".config." + uri[1] + "." + uri[2];
                for (Element parameter : children(description)) {
                    addTexts(keys, parameter, prefix + "." + parameter.getAttribute("name"));
                }
            }
            return keys;
        }
        String binding = root.getAttribute("bindingId");
        for (Element type : children(root)) {
            String id = type.getAttribute("id");
            String prefix = switch (type.getLocalName()) {
                case "thing-type", "bridge-type" -> "thing-type." + binding + "." + id;
                case "channel-type" -> "channel-type." + binding + "." + id;
                default -> "channel-group-type." + binding + "." + id;
            };
            String configPrefix = switch (type.getLocalName()) {
                case "thing-type", "bridge-type" -> "thing-type.config." + binding + "." + id;
                case "channel-type" -> "channel-type.config." + binding + "." + id;
                default -> "channel-group-type.config." + binding + "." + id;
            };
            addTexts(keys, type, prefix);
            for (Element child : children(type)) {
                switch (child.getLocalName()) {
                    case "channels" -> {
                        for (Element channel : children(child)) {
                            addTexts(keys, channel, prefix + ".channel." + channel.getAttribute("id"));
                        }
                    }
                    case "state", "command", "event" -> addOptions(keys, child, prefix + "." + child.getLocalName());
                    case "config-description" -> {
                        for (Element parameter : children(child)) {
                            String name = parameter.getAttribute("name");
                            String group = parameter.getLocalName().equals("parameter-group") ? ".group." : ".";
                            addTexts(keys, parameter, configPrefix + group + name);
                            for (Element options : children(parameter)) {
                                if (options.getLocalName().equals("options")) {
                                    for (Element option : children(options)) {
                                        keys.add(configPrefix + "." + name + ".option." + option.getAttribute("value"));
                                    }
                                }
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return keys;
    }

    private static void addTexts(Set<String> keys, Element element, String prefix) {
        for (Element child : children(element)) {
            if (child.getLocalName().equals("label") || child.getLocalName().equals("description")) {
                keys.add(prefix + "." + child.getLocalName());
            }
        }
    }

    private static void addOptions(Set<String> keys, Element element, String prefix) {
        for (Element child : children(element)) {
            if (child.getLocalName().equals("options")) {
                for (Element option : children(child)) {
                    keys.add(prefix + ".option." + option.getAttribute("value"));
                }
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static List<Path> xmlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(OH_INF)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(OH_INF.resolve("i18n").resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static URL schemaUrl(String folder, String name) {
        URL url = OhInfDescriptorTest.class.getResource("/" + folder + "/" + name);
        assertNotNull(url, folder + "/" + name);
        return url;
    }

    /** Resolves the schemas' imports by file name from the test resources, so validation never goes online. */
    private static final class LocalSchemaResolver implements LSResourceResolver {
        private final String folder;

        LocalSchemaResolver(String folder) {
            this.folder = folder;
        }

        @Override
        public @Nullable LSInput resolveResource(@Nullable String type, @Nullable String namespaceURI,
                @Nullable String publicId, @Nullable String systemId, @Nullable String baseURI) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            URL url = schemaUrl(folder, name);
            return new LocalInput(url, publicId, systemId);
        }
    }

    private static final class LocalInput implements LSInput {
        private final URL url;
        private final @Nullable String publicId;
        private final @Nullable String systemId;

        LocalInput(URL url, @Nullable String publicId, @Nullable String systemId) {
            this.url = url;
            this.publicId = publicId;
            this.systemId = systemId;
        }

        @Override
        public @Nullable Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(@Nullable Reader characterStream) {
        }

        @Override
        public @Nullable InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void setByteStream(@Nullable InputStream byteStream) {
        }

        @Override
        public @Nullable String getStringData() {
            return null;
        }

        @Override
        public void setStringData(@Nullable String stringData) {
        }

        @Override
        public @Nullable String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(@Nullable String systemId) {
        }

        @Override
        public @Nullable String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(@Nullable String publicId) {
        }

        @Override
        public @Nullable String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(@Nullable String baseURI) {
        }

        @Override
        public @Nullable String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(@Nullable String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
