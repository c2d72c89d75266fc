package dev.workshopbot.progress;

import java.util.OptionalInt;

/** How busy a daily post's discussion thread is; the Discord adapter answers from the thread's message count. */
public interface ThreadActivity {

    /** Offline, or before the bot is connected, no thread can be asked. */
    ThreadActivity NONE = threadId -> OptionalInt.empty();

    /** The thread's message count, empty when the thread is unknown (deleted, or archived and not in cache). */
    OptionalInt messages(long threadId);
}
