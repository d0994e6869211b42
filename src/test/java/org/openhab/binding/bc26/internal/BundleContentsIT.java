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
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens the built bundle jar and checks what openHAB will see: no openHAB core classes inside, openHAB packages
 * imported without a version, the DS component, the OH-INF descriptors, jSerialComm with its Linux x86-64 native,
 * and no Android imports.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class BundleContentsIT {

    private @NonNullByDefault({}) JarFile jar;
    private @NonNullByDefault({}) Attributes manifest;

    @BeforeEach
    void open() throws IOException {
        jar = new JarFile(TestPaths.required("bc26.bundle"));
        manifest = jar.getManifest().getMainAttributes();
    }

    @AfterEach
    void close() throws IOException {
        jar.close();
    }

    private List<String> entryNames() {
        return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
    }

    @Test
    void containsNoOpenhabCoreClass() {
        List<String> core = entryNames().stream().filter(name -> name.startsWith("org/openhab/core")).toList();
        assertEquals(List.of(), core);
    }

    @Test
    void identifiesItselfAsTheBc26Binding() {
        assertEquals("org.openhab.binding.bc26", manifest.getValue("Bundle-SymbolicName"));
        assertEquals("2", manifest.getValue("Bundle-ManifestVersion"));
        assertNotNull(manifest.getValue("Bundle-Version"));
    }

    @Test
    void importsOpenhabPackagesWithoutVersion() {
        String imports = manifest.getValue("Import-Package");
        assertNotNull(imports);
        for (String name : List.of("org.openhab.core.thing", "org.openhab.core.thing.binding")) {
            String clause = importClause(imports, name);
            assertFalse(clause.contains("version="), "openHAB packages are imported without a range: " + clause);
        }
        assertFalse(imports.contains("android"), "jSerialComm's Android imports must be excluded: " + imports);
    }

    @Test
    void declaresTheHandlerFactoryComponent() throws IOException {
        String components = manifest.getValue("Service-Component");
        assertNotNull(components, "Service-Component header");
        String path = components.split(",")[0].trim();
        ZipEntry entry = jar.getEntry(path);
        assertNotNull(entry, path);
        String xml = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("org.openhab.core.thing.binding.ThingHandlerFactory"), xml);
        assertTrue(xml.contains("binding.bc26"), xml);
    }

    @Test
    void containsTheOhInfDescriptors() {
        List<String> names = entryNames();
        assertTrue(names.contains("OH-INF/addon/addon.xml"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.matches("OH-INF/thing/[^/]+\\.xml")), names.toString());
        assertTrue(names.contains("OH-INF/i18n/bc26.properties"));
        assertTrue(names.contains("OH-INF/i18n/bc26_zh_TW.properties"));
        assertTrue(names.contains("NOTICE"));
    }

    @Test
    void embedsJserialcommWithItsLinuxNative() {
        List<String> names = entryNames();
        assertTrue(names.contains("com/fazecast/jSerialComm/SerialPort.class"));
        assertTrue(names.contains("Linux/x86_64/libjSerialComm.so"), "Linux x86-64 native library");
        assertTrue(names.contains("Linux/armv8_64/libjSerialComm.so"), "Raspberry Pi (64-bit) native library");
        assertTrue(names.contains("Linux/armv7hf/libjSerialComm.so"), "Raspberry Pi (32-bit) native library");
        assertTrue(names.contains("Windows/x86_64/jSerialComm.dll"), "Windows native library");
        assertTrue(names.contains("OSX/aarch64/libjSerialComm.jnilib"), "macOS native library");
        assertFalse(names.contains("module-info.class"));
        // Natives for platforms openHAB does not run on stay out of the bundle.
        assertEquals(List.of(), names.stream().filter(name -> name.startsWith("Android/") || name.startsWith("FreeBSD/")
                || name.startsWith("OpenBSD/") || name.startsWith("Solaris/")).toList());
    }

    @Test
    void runsWithJava22NativeAccessAndCarriesTheVersionItsFeatureNames() throws IOException {
        assertEquals("ALL-UNNAMED", manifest.getValue("Enable-Native-Access"),
                "java -jar on Java 22+ loads jSerialComm's library without a restricted-method warning");
        String feature = java.nio.file.Files.readString(TestPaths.projectDir().resolve("target/feature/feature.xml"));
        java.util.regex.Matcher version = java.util.regex.Pattern
                .compile("<feature name=\"openhab-binding-bc26\"[^>]*version=\"([^\"]+)\"").matcher(feature);
        assertTrue(version.find(), feature);
        // Karaf reads 5.2.0-SNAPSHOT as 5.2.0.SNAPSHOT.
        assertEquals(version.group(1).replace('-', '.'), manifest.getValue("Bundle-Version"));
    }

    @Test
    void targetsJava17() throws IOException {
        ZipEntry entry = jar.getEntry("org/openhab/binding/bc26/internal/Bc26HandlerFactory.class");
        byte[] header = jar.getInputStream(entry).readNBytes(8);
        int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        assertEquals(61, major, "class file major version 61 = Java 17");
    }

    private static String importClause(String imports, String packageName) {
        // Clauses are separated by commas outside quotes.
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (imports + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String text = clause.toString().trim();
                if (text.equals(packageName) || text.startsWith(packageName + ";")) {
                    return text;
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return fail("Import-Package lacks " + packageName + ": " + imports);
    }
}
