package dev.workshopbot.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the bot's own pools: named, so logs and thread dumps say whose thread it is, and daemon. */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Threads named {@code name-1}, {@code name-2}, … that never keep the JVM alive on their own. */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
