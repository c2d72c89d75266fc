package dev.workshopbot.discord;

import dev.workshopbot.daily.ChannelAccess;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/** The bot's rights in the channels of one server, from JDA's cache: the server an interaction came from. */
public final class JdaChannelAccess implements ChannelAccess {

    /** What a daily post needs: to see the channel, post an embed in it, and find the post again after a crash. */
    static final Set<Permission> NEEDED = EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY);

    private final Guild guild;

    public JdaChannelAccess(Guild guild) {
        this.guild = guild;
    }

    @Override
    public Optional<String> problem(long channelId) {
        // Only this server's own channels count: a forged option could name a channel the bot sees elsewhere.
        GuildChannel channel = guild.getGuildChannelById(channelId);
        if (!(channel instanceof GuildMessageChannel)) {
            return Optional.of("<#" + channelId + "> is not a text channel of this server; pick one from the list");
        }
        return lacking(guild.getSelfMember(), channel);
    }

    /** "the bot lacks Send Messages, Embed Links in <#id>" naming each missing permission; empty when none is. */
    static Optional<String> lacking(Member self, GuildChannel channel) {
        Set<Permission> has = self.getPermissions(channel);
        List<String> missing = NEEDED.stream()
                .filter(permission -> !has.contains(permission))
                .map(Permission::getName)
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the bot lacks " + String.join(", ", missing) + " in <#"
                + channel.getId() + ">; grant " + (missing.size() == 1 ? "it" : "them")
                + " to the bot in that channel, or pick another channel");
    }
}
