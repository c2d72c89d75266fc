package dev.workshopbot.discord.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;

/** One guild of the fake: an @everyone role, one text channel, and roles made on demand to grant permissions. */
final class FakeGuild {

    /** What @everyone may do here: read and write, use commands, nothing that needs a moderator. */
    static final long EVERYONE_PERMISSIONS = Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY, Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_ADD_REACTION, Permission.MESSAGE_EXT_EMOJI, Permission.USE_APPLICATION_COMMANDS,
            Permission.CREATE_INSTANT_INVITE, Permission.NICKNAME_CHANGE);

    private final long id;
    private final long textChannelId;
    private final long ownerId;
    private final Map<Long, Long> roleByPermissions = new LinkedHashMap<>();

    /** A role holding some permissions; {@code created} when the guild did not have it before. */
    record Grant(long roleId, long permissions, boolean created) {
    }

    FakeGuild(long id, long textChannelId, long ownerId) {
        this.id = id;
        this.textChannelId = textChannelId;
        this.ownerId = ownerId;
    }

    long id() {
        return id;
    }

    long textChannelId() {
        return textChannelId;
    }

    long ownerId() {
        return ownerId;
    }

    String name() {
        return "Fake Guild " + Long.toUnsignedString(id);
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
