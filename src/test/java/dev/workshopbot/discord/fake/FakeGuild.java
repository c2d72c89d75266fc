package dev.workshopbot.discord.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;

/**
 * One guild of the fake: an @everyone role, its text channels (one to start with), roles made on demand to grant
 * permissions, and the permissions a moderator has taken from the bot.
 */
final class FakeGuild {

    /**
     * What @everyone may do here, Discord's defaults for a new server: read and write, start threads, use commands,
     * nothing that needs a moderator.
     */
    static final long EVERYONE_PERMISSIONS = Permission.getRaw(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_EXT_EMOJI,
            Permission.USE_APPLICATION_COMMANDS,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_INSTANT_INVITE,
            Permission.NICKNAME_CHANGE);

    private final long id;
    private final long textChannelId;
    private final long ownerId;
    private final Map<Long, Long> roleByPermissions = new LinkedHashMap<>();
    private final List<FakeChannel> channels = new ArrayList<>();
    private long deniedToBot;

    /** A role holding some permissions; {@code created} when the guild did not have it before. */
    record Grant(long roleId, long permissions, boolean created) {}

    FakeGuild(long id, long textChannelId, long ownerId) {
        this.id = id;
        this.textChannelId = textChannelId;
        this.ownerId = ownerId;
        channels.add(FakeChannel.text(textChannelId, id, "general", 0));
    }

    long id() {
        return id;
    }

    /** The channel the guild started with, where injected interactions happen. */
    long textChannelId() {
        return textChannelId;
    }

    /** The channel the guild started with, deleted or not. */
    synchronized FakeChannel startingChannel() {
        return channels.get(0);
    }

    long ownerId() {
        return ownerId;
    }

    String name() {
        return "Fake Guild " + Long.toUnsignedString(id);
    }

    /** The text channels that exist, in creation order; threads are reached through them. */
    synchronized List<FakeChannel> channels() {
        return channels.stream().filter(channel -> !channel.isDeleted()).toList();
    }

    synchronized FakeChannel addTextChannel(long channelId) {
        int position = channels.size();
        FakeChannel channel = FakeChannel.text(channelId, id, "channel-" + position, position);
        channels.add(channel);
        return channel;
    }

    /**
     * Takes permissions from the bot in every channel of the guild, as a moderator does with a member overwrite on
     * each channel; channels made later get the same overwrite.
     */
    synchronized void denyToBot(long permissions) {
        deniedToBot |= permissions;
    }

    /** The permissions every channel's overwrite denies the bot; 0 when there is no overwrite. */
    synchronized long deniedToBot() {
        return deniedToBot;
    }

    /** What the bot may do in the guild's channels: @everyone's permissions less what its overwrites deny. */
    synchronized long botPermissions() {
        return EVERYONE_PERMISSIONS & ~deniedToBot;
    }

    /** The role that grants exactly these extra permissions, made once per distinct set. */
    synchronized Grant roleGranting(long permissions, Snowflakes ids) {
        Long existing = roleByPermissions.get(permissions);
        if (existing != null) {
            return new Grant(existing, permissions, false);
        }
        long roleId = ids.next();
        roleByPermissions.put(permissions, roleId);
        return new Grant(roleId, permissions, true);
    }

    /** Every role made so far, so that a later session's GUILD_CREATE still knows them. */
    synchronized List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        roleByPermissions.forEach((permissions, roleId) -> grants.add(new Grant(roleId, permissions, false)));
        return grants;
    }
}
