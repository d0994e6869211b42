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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Entry point of {@code java -jar org.openhab.binding.bc26-<version>.jar}. Inside openHAB, SLF4J comes from the
 * framework, so the bundle does not contain it; on a plain JVM this launcher takes the SLF4J jars stored in the
 * bundle under {@code cli-lib/} (they are not on the bundle's class path, so OSGi never sees them) and runs the
 * command line in a class loader that has them. Deliberately free of SLF4J.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Launcher {

    private static final String COMMAND_LINE = "org.openhab.binding.bc26.internal.cli.Bc26CommandLine";
    private static final String[] LIBRARIES = { "slf4j-api.jar", "slf4j-simple.jar" };

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = Objects.requireNonNullElse(Launcher.class.getClassLoader(),
                ClassLoader.getSystemClassLoader());
        if (!isPresent("org.slf4j.LoggerFactory", loader)) {
            loader = withLibraries();
        }
        Class<?> commandLine = Class.forName(COMMAND_LINE, true, loader);
        int code = run(commandLine, args);
        System.exit(code);
    }

    /** Runs the command line's {@code static int run(String[])} in the class loader that has SLF4J. */
    private static int run(Class<?> commandLine, String[] args) throws Exception {
        MethodHandle run = MethodHandles.publicLookup().findStatic(commandLine, "run",
                MethodType.methodType(int.class, String[].class));
        try {
            return (int) run.invokeExact(args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPresent(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ClassLoader withLibraries() throws IOException, URISyntaxException {
        Path self = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path directory = Files.createTempDirectory("bc26-cli");
        directory.toFile().deleteOnExit();
        URL[] urls = new URL[LIBRARIES.length + 1];
        urls[0] = self.toUri().toURL();
        for (int i = 0; i < LIBRARIES.length; i++) {
            Path target = directory.resolve(LIBRARIES[i]);
            try (InputStream in = Launcher.class.getResourceAsStream("/cli-lib/" + LIBRARIES[i])) {
                if (in == null) {
                    throw new IOException("cli-lib/" + LIBRARIES[i] + " is missing from the jar");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            target.toFile().deleteOnExit();
            urls[i + 1] = target.toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }
}
