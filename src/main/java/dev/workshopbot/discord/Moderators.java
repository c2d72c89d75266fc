package dev.workshopbot.discord;

import dev.workshopbot.commands.Caller;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;

/** Decides who is a moderator: Manage Server, or one of the configured roles. Checked on every interaction. */
public final class Moderators {

    private final Set<Long> roleIds;

    public Moderators(Set<Long> roleIds) {
        this.roleIds = Set.copyOf(roleIds);
    }

    public Caller caller(User user, Member member, long guildId) {
        return new Caller(user.getIdLong(), guildId, member != null && isModerator(member));
    }

    boolean isModerator(Member member) {
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return true;
        }
        for (Role role : member.getRoles()) {
            if (roleIds.contains(role.getIdLong())) {
                return true;
            }
        }
        return false;
    }
}
