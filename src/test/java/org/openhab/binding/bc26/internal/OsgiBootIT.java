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
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots a real OSGi framework (Apache Felix with SCR), installs a bundle made from the openHAB API stand-in that
 * exports {@code org.openhab.core.*}, then the built add-on jar, and checks that the add-on resolves, that its
 * handler factory becomes an active DS component answering for {@code bc26:modem}, and that jSerialComm's native
 * library loads inside the framework.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
class OsgiBootIT {

    private static final String FACTORY_SERVICE = "org.openhab.core.thing.binding.ThingHandlerFactory";
    private static final long TIMEOUT_MS = 20_000;

    @TempDir
    @NonNullByDefault({})
    Path tempDir;

    private @Nullable Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tempDir.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // openHAB's logging (pax-logging) exports SLF4J; here the test's own SLF4J plays that part.
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.slf4j;version=\"" + TestPaths.required("bc26.slf4j.version") + "\"");
        Framework felix = new FrameworkFactory().newFramework(config);
        felix.start();
        framework = felix;
    }

    @AfterEach
    void stopFramework() throws Exception {
        Framework felix = framework;
        if (felix != null) {
            felix.stop();
            felix.waitForStop(TIMEOUT_MS);
        }
    }

    @Test
    void addonResolvesActivatesItsFactoryAndLoadsTheSerialNative() throws Exception {
        BundleContext context = framework().getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String path : TestPaths.required("bc26.osgi.bundles").split(",")) {
            bundles.add(context.installBundle(Path.of(path).toUri().toString()));
        }
        bundles.add(context.installBundle(standInBundle().toUri().toString()));
        Bundle addon = context.installBundle(Path.of(TestPaths.required("bc26.bundle")).toUri().toString());
        bundles.add(addon);
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        assertEquals(Bundle.ACTIVE, addon.getState(), "the add-on resolves and starts");
        assertEquals("org.openhab.binding.bc26", addon.getSymbolicName());

        Object factory = awaitService(context, FACTORY_SERVICE);
        assertEquals("org.openhab.binding.bc26.internal.Bc26HandlerFactory", factory.getClass().getName());
        assertSame(addon, frameworkBundleOf(factory.getClass()), "the factory instance comes from the add-on");

        Class<?> thingTypeUid = addon.loadClass("org.openhab.core.thing.ThingTypeUID");
        Method supports = addon.loadClass(FACTORY_SERVICE).getMethod("supportsThingType", thingTypeUid);
        Object modem = thingTypeUid.getConstructor(String.class).newInstance("bc26:modem");
        Object other = thingTypeUid.getConstructor(String.class).newInstance("mqtt:broker");
        assertEquals(Boolean.TRUE, supports.invoke(factory, modem));
        assertEquals(Boolean.FALSE, supports.invoke(factory, other));

        // jSerialComm's static initialiser extracts and loads its native library; getCommPorts() is a native call.
        Class<?> serialPort = addon.loadClass("com.fazecast.jSerialComm.SerialPort");
        assertSame(addon, frameworkBundleOf(serialPort), "jSerialComm is private to the add-on");
        Object ports = serialPort.getMethod("getCommPorts").invoke(null);
        assertNotNull(ports);
        assertTrue(ports.getClass().isArray());
        assertFalse(((String) serialPort.getMethod("getVersion").invoke(null)).isBlank());

        // The rule actions are a prototype DS service, as openHAB's factory expects.
        Object actions = awaitService(context, "org.openhab.binding.bc26.internal.action.Bc26Actions");
        assertSame(addon, frameworkBundleOf(actions.getClass()));

        // Where openHAB's USB serial discovery is there, the Quectel participant offers itself to it.
        Object participant = awaitService(context,
                "org.openhab.core.config.discovery.usbserial.UsbSerialDiscoveryParticipant");
        assertEquals("org.openhab.binding.bc26.internal.discovery.QuectelUsbDiscoveryParticipant",
                participant.getClass().getName());
        // The scan for modems behind generic adapters, which shares the bridges' port claims.
        Object scan = awaitService(context, "org.openhab.core.config.discovery.DiscoveryService");
        assertEquals("org.openhab.binding.bc26.internal.discovery.SerialPortScan", scan.getClass().getName());
    }

    /** Core's USB serial discovery is its own bundle, often not installed: the add-on works without it. */
    @Test
    void addonStartsWhereUsbSerialDiscoveryIsNotInstalled() throws Exception {
        BundleContext context = framework().getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String path : TestPaths.required("bc26.osgi.bundles").split(",")) {
            bundles.add(context.installBundle(Path.of(path).toUri().toString()));
        }
        bundles.add(context.installBundle(
                standInBundle(Set.of("org.openhab.core.config.discovery.usbserial")).toUri().toString()));
        Bundle addon = context.installBundle(Path.of(TestPaths.required("bc26.bundle")).toUri().toString());
        bundles.add(addon);
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        assertEquals(Bundle.ACTIVE, addon.getState(), "the import of USB serial discovery is optional");
        Object factory = awaitService(context, FACTORY_SERVICE);
        assertSame(addon, frameworkBundleOf(factory.getClass()));
    }

    private Framework framework() {
        Framework felix = framework;
        assertNotNull(felix);
        return felix;
    }

    private @Nullable Bundle frameworkBundleOf(Class<?> type) {
        return org.osgi.framework.FrameworkUtil.getBundle(type);
    }

    private static Object awaitService(BundleContext context, String name) throws InterruptedException {
        // The add-on's classes are not the test's classes, so track by name and look across class spaces.
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, name, null);
        tracker.open(true);
        Object service = tracker.waitForService(TIMEOUT_MS);
        assertNotNull(service, "No " + name + " service within " + TIMEOUT_MS + " ms");
        return service;
    }

    /** Packs the compiled stand-in classes into a bundle that exports every org.openhab.core package. */
    private Path standInBundle() throws IOException {
        return standInBundle(Set.of());
    }

    /** The stand-in bundle without {@code left} (packages of core bundles an installation may lack). */
    private Path standInBundle(Set<String> left) throws IOException {
        Path classes = Path.of(TestPaths.required("bc26.testClasses"));
        Path root = classes.resolve("org/openhab/core");
        Set<String> packages = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(
                    file -> !left.contains(classes.relativize(file.getParent()).toString().replace('/', '.')))
                    .toList();
        }
        for (Path file : files) {
            packages.add(classes.relativize(file.getParent()).toString().replace('/', '.'));
        }
        String version = TestPaths.required("bc26.ohc.version");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        attributes.putValue(Constants.BUNDLE_SYMBOLICNAME, "org.openhab.core.standin");
        attributes.putValue(Constants.BUNDLE_VERSION, version);
        attributes.putValue(Constants.EXPORT_PACKAGE,
                String.join(",", packages.stream().map(p -> p + ";version=\"" + version + "\"").toList()));
        attributes.putValue(Constants.IMPORT_PACKAGE, "org.osgi.framework,org.osgi.service.component,org.slf4j,"
                + "javax.measure,javax.measure.quantity,tech.units.indriya,tech.units.indriya.format,"
                + "tech.units.indriya.function,tech.units.indriya.quantity,tech.units.indriya.unit");
        Path jar = tempDir.resolve("openhab-core-standin" + left.size() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path file : files) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
