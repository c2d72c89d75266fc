package dev.workshopbot.discord;

import dev.workshopbot.commands.Messages;
import dev.workshopbot.daily.PlanEndNotices;
import java.util.OptionalLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes for a server's moderators: to {@code discord.modLogChannelId} when that channel is in the server, else to
 * the server's daily channel. Mentions off, as everywhere.
 */
public final class JdaNotices implements PlanEndNotices.Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(JdaNotices.class);

    private final JDA jda;
    private final OptionalLong modLogChannelId;

    public JdaNotices(JDA jda, OptionalLong modLogChannelId) {
        this.jda = jda;
        this.modLogChannelId = modLogChannelId;
    }

    @Override
    public void note(long guildId, long dailyChannelId, String text) {
        GuildMessageChannel channel = null;
        if (modLogChannelId.isPresent()) {
            GuildMessageChannel modLog = jda.getChannelById(GuildMessageChannel.class, modLogChannelId.getAsLong());
            if (modLog != null && modLog.getGuild().getIdLong() == guildId) {
                channel = modLog;
            }
        }
        if (channel == null) {
            channel = jda.getChannelById(GuildMessageChannel.class, dailyChannelId);
        }
        if (channel == null) {
            LOG.warn("plan notice for guild={} not sent: no channel to send it to; it said: {}", guildId, text);
            return;
        }
        channel.sendMessage(Messages.text(text))
                .queue(
                        null,
                        failure -> LOG.warn("plan notice for guild={} not delivered: {}", guildId, failure.toString()));
    }
}
