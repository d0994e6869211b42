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
package org.openhab.core.config.discovery;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.framework.Bundle;

/**
 * Stand-in for openHAB core 5.2.1 {@code AbstractDiscoveryService} (the members present from 4.3 to 5.2 and what
 * they do): results go to every listener; a scan calls {@link #startScan()} and ends with {@link #stopScan()}, which
 * tells the scan listener it finished; the scheduler is core's shared "discovery" pool.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public abstract class AbstractDiscoveryService implements DiscoveryService {

    protected final ScheduledExecutorService scheduler;
    protected @Nullable ScanListener scanListener;
    protected @NonNullByDefault({}) TranslationProvider i18nProvider;
    protected @NonNullByDefault({}) LocaleProvider localeProvider;

    private final Set<ThingTypeUID> supportedThingTypes;
    private final int timeout;
    private final boolean backgroundDiscoveryEnabled;
    private final @Nullable String scanInputLabel;
    private final @Nullable String scanInputDescription;
    private final Set<DiscoveryListener> listeners = new CopyOnWriteArraySet<>();
    private Instant timestampOfLastScan = Instant.MIN;

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault, @Nullable String scanInputLabel,
            @Nullable String scanInputDescription) throws IllegalArgumentException {
        this(ThreadPoolManager.getScheduledPool("discovery"), supportedThingTypes, timeout,
                backgroundDiscoveryEnabledByDefault, scanInputLabel, scanInputDescription);
    }

    protected AbstractDiscoveryService(ScheduledExecutorService scheduler,
            @Nullable Set<ThingTypeUID> supportedThingTypes, int timeout, boolean backgroundDiscoveryEnabledByDefault,
            @Nullable String scanInputLabel, @Nullable String scanInputDescription) throws IllegalArgumentException {
        if (timeout < 0) {
            throw new IllegalArgumentException("The timeout must be >= 0!");
        }
        this.scheduler = scheduler;
        this.supportedThingTypes = supportedThingTypes == null ? Set.of() : Set.copyOf(supportedThingTypes);
        this.timeout = timeout;
        this.backgroundDiscoveryEnabled = backgroundDiscoveryEnabledByDefault;
        this.scanInputLabel = scanInputLabel;
        this.scanInputDescription = scanInputDescription;
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        this(supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault, null, null);
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout)
            throws IllegalArgumentException {
        this(supportedThingTypes, timeout, true);
    }

    protected AbstractDiscoveryService(int timeout) throws IllegalArgumentException {
        this(null, timeout);
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypes() {
        return supportedThingTypes;
    }

    @Override
    public boolean isScanInputSupported() {
        return scanInputLabel != null && scanInputDescription != null;
    }

    @Override
    public @Nullable String getScanInputLabel() {
        return scanInputLabel;
    }

    @Override
    public @Nullable String getScanInputDescription() {
        return scanInputDescription;
    }

    @Override
    public int getScanTimeout() {
        return timeout;
    }

    @Override
    public boolean isBackgroundDiscoveryEnabled() {
        return backgroundDiscoveryEnabled;
    }

    @Override
    public void addDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    @Override
    public void removeDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener != null) {
            listeners.remove(listener);
        }
    }

    @Override
    public synchronized void startScan(@Nullable ScanListener listener) {
        scanListener = listener;
        timestampOfLastScan = Instant.now();
        try {
            startScan();
        } catch (Exception e) {
            if (listener != null) {
                listener.onErrorOccurred(e);
            }
        }
    }

    @Override
    public void startScan(String input, @Nullable ScanListener listener) {
        startScan(listener);
    }

    @Override
    public synchronized void abortScan() {
        ScanListener listener = scanListener;
        scanListener = null;
        if (listener != null) {
            listener.onErrorOccurred(new java.util.concurrent.CancellationException("The scan has been aborted."));
        }
    }

    protected abstract void startScan();

    protected void startScan(String input) {
        startScan();
    }

    protected synchronized void stopScan() {
        ScanListener listener = scanListener;
        scanListener = null;
        if (listener != null) {
            listener.onFinished();
        }
    }

    protected void thingDiscovered(final DiscoveryResult discoveryResult) {
        thingDiscovered(discoveryResult, null);
    }

    protected void thingDiscovered(final DiscoveryResult discoveryResult, @Nullable Bundle bundle) {
        for (DiscoveryListener listener : listeners) {
            listener.thingDiscovered(this, discoveryResult);
        }
    }

    protected void thingRemoved(ThingUID thingUID) {
        for (DiscoveryListener listener : listeners) {
            listener.thingRemoved(this, thingUID);
        }
    }

    protected void activate(@Nullable Map<String, Object> configProperties) {
    }

    protected void modified(@Nullable Map<String, Object> configProperties) {
    }

    protected void deactivate() {
    }

    protected void startBackgroundDiscovery() {
    }

    protected void stopBackgroundDiscovery() {
    }

    protected synchronized Instant getTimestampOfLastScan() {
        return timestampOfLastScan;
    }
}
