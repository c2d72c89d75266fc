package dev.workshopbot.discord;

import dev.workshopbot.commands.Messages;
import dev.workshopbot.reload.ContentReloader;
import java.util.Locale;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code discord.modLogChannelId}: one line per content reload, posted to the moderators' channel. */
public final class ModLog implements ContentReloader.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ModLog.class);

    private final JDA jda;
    private final long channelId;

    public ModLog(JDA jda, long channelId) {
        this.jda = jda;
        this.channelId = channelId;
    }

    /** The line a reload gets: who (a mention of nobody, since mentions are off) or which door, and what changed. */
    public static String line(ContentReloader.Requester who, ContentReloader.Result result) {
        String by = who.userId() == 0 ? who.door().name().toLowerCase(Locale.ROOT) : "<@" + who.userId() + ">";
        return "Reload by " + by + ": " + ContentReloader.summary(result);
    }

    @Override
    public void reloaded(ContentReloader.Requester who, ContentReloader.Result result) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            LOG.warn("discord.modLogChannelId: channel {} not found; the reload record is only in the log", channelId);
            return;
        }
        channel.sendMessage(Messages.text(line(who, result)))
                .queue(null, failure -> LOG.warn("mod log message not delivered: {}", failure.toString()));
    }
}
