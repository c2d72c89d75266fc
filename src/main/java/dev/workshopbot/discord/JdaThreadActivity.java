package dev.workshopbot.discord;

import dev.workshopbot.progress.ThreadActivity;
import java.util.OptionalInt;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;

/**
 * A daily post's thread activity from JDA's cache: the thread channel's message count as Discord reports it, so no
 * message content intent is needed. Threads archived before the bot connected are not in the cache: unknown.
 */
public final class JdaThreadActivity implements ThreadActivity {

    private final JDA jda;

    public JdaThreadActivity(JDA jda) {
        this.jda = jda;
    }

    @Override
    public OptionalInt messages(long threadId) {
        ThreadChannel thread = jda.getThreadChannelById(threadId);
        return thread == null ? OptionalInt.empty() : OptionalInt.of(thread.getMessageCount());
    }
}
