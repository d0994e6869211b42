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
package org.openhab.core.common;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in for openHAB core 5.2.1 {@code ThreadPoolManager}: one shared, static scheduled pool per name (core size 5,
 * keep-alive 65 s, daemon threads {@code OH-<pool>-<n>}), handed out as a view whose shutdown is refused, as in core.
 *
 * @author BC26 binding contributors - Initial contribution (compile-only stand-in)
 */
@NonNullByDefault
public class ThreadPoolManager {

    public static final String CONFIGURATION_PID = "org.openhab.threadpool";
    public static final String THREAD_POOL_NAME_COMMON = "common";
    protected static final int DEFAULT_THREAD_POOL_SIZE = 5;
    protected static final long THREAD_TIMEOUT = 65L;
    protected static final long THREAD_MONITOR_SLEEP = 60000;
    protected static Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

    protected void activate(Map<String, Object> properties) {
    }

    protected void modified(Map<String, Object> properties) {
    }

    public static ScheduledExecutorService getPoolBasedSequentialScheduledExecutorService(String poolName,
            String threadName) {
        return getScheduledPool(poolName);
    }

    public static ScheduledExecutorService getScheduledPool(String poolName) {
        ExecutorService pool = pools.computeIfAbsent(poolName, name -> {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(getConfig(name),
                    new NamedThreadFactory(name));
            executor.setKeepAliveTime(THREAD_TIMEOUT, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        });
        if (!(pool instanceof ScheduledExecutorService scheduled)) {
            throw new IllegalArgumentException("Pool " + poolName + " is not a scheduled pool");
        }
        return new UnstoppableScheduledExecutorService(scheduled);
    }

    public static ExecutorService getPool(String poolName) {
        return getScheduledPool(poolName);
    }

    protected static int getConfig(String poolName) {
        return DEFAULT_THREAD_POOL_SIZE;
    }

    public static Set<String> getPoolNames() {
        return Set.copyOf(pools.keySet());
    }

    private static final class NamedThreadFactory implements ThreadFactory {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreadFactory(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "OH-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
