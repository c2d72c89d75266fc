package dev.workshopbot.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import org.junit.jupiter.api.Test;

/** Mocks only JDA's public interfaces (Member, Role, User). */
class ModeratorsTest {

    private final Moderators moderators = new Moderators(Set.of(555L));
    private final User user = mock(User.class);

    @Test
    void manageServer_makesAModerator() {
        Member member = mock(Member.class);
        when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(true);
        when(user.getIdLong()).thenReturn(9L);
        assertTrue(moderators.caller(user, member, 1).moderator());
    }

    @Test
    void aConfiguredRole_makesAModerator_anyOtherRoleDoesNot() {
        Role configured = mock(Role.class);
        when(configured.getIdLong()).thenReturn(555L);
        Role other = mock(Role.class);
        when(other.getIdLong()).thenReturn(556L);
        Member withRole = mock(Member.class);
        when(withRole.getRoles()).thenReturn(List.of(other, configured));
        Member without = mock(Member.class);
        when(without.getRoles()).thenReturn(List.of(other));
        assertTrue(moderators.caller(user, withRole, 1).moderator());
        assertFalse(moderators.caller(user, without, 1).moderator());
    }

    @Test
    void noMember_outsideAServer_isNoModerator() {
        assertFalse(moderators.caller(user, null, 0).moderator());
    }
}
