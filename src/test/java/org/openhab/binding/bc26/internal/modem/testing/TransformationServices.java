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
package org.openhab.binding.bc26.internal.modem.testing;

import static org.mockito.Mockito.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.transform.TransformationException;
import org.openhab.core.transform.TransformationHelper;
import org.openhab.core.transform.TransformationService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;

/**
 * The JSONPATH and REGEX transformation services as openHAB's transformation add-ons behave, registered with core's
 * {@link TransformationHelper} the way core's own tests do (a bundle context handing out the services by their
 * {@code openhab.transform} name). Close to unregister them.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TransformationServices implements AutoCloseable {

    private final TransformationHelper helper;

    public TransformationServices() {
        BundleContext context = mock(BundleContext.class);
        helper = new TransformationHelper(context);
        register(context, "JSONPATH", TransformationServices::jsonPath);
        register(context, "REGEX", TransformationServices::regex);
    }

    @SuppressWarnings("unchecked")
    private void register(BundleContext context, String name, TransformationService service) {
        ServiceReference<TransformationService> reference = mock(ServiceReference.class);
        when(reference.getProperty(TransformationService.SERVICE_PROPERTY_NAME)).thenReturn(name);
        when(context.getService(reference)).thenReturn(service);
        helper.setTransformationService(reference);
    }

    /** As the JSONPath add-on: the value at the path, as text; a path that is not there is an error. */
    private static @Nullable String jsonPath(String function, String source) throws TransformationException {
        try {
            Object value = JsonPath.read(source, function);
            return value == null ? null : value.toString();
        } catch (PathNotFoundException e) {
            throw new TransformationException("Invalid path '" + function + "' in '" + source + "'");
        } catch (RuntimeException e) {
            throw new TransformationException("An error occurred while transforming JSON expression.", e);
        }
    }

    /**
     * As the RegEx add-on: {@code s/regex/replacement/g} substitutes; otherwise the regex must match the whole
     * source and the result is its first group.
     */
    private static @Nullable String regex(String function, String source) throws TransformationException {
        try {
            Matcher substitution = Pattern.compile("^s/(.*?[^\\\\])/(.*?[^\\\\]?)/(g?)$").matcher(function);
            if (substitution.matches()) {
                Matcher matcher = Pattern.compile(substitution.group(1)).matcher(source);
                return substitution.group(3).isEmpty() ? matcher.replaceFirst(substitution.group(2))
                        : matcher.replaceAll(substitution.group(2));
            }
            Matcher matcher = Pattern.compile("^" + function + "$", Pattern.DOTALL).matcher(source.trim());
            if (!matcher.matches()) {
                return null;
            }
            return matcher.groupCount() == 0 ? matcher.group() : matcher.group(1);
        } catch (PatternSyntaxException e) {
            throw new TransformationException("the given regex is invalid: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        helper.deactivate();
    }
}
