package dev.workshopbot.discord.fake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the REST and gateway halves of the fake share: ids, guilds, stored commands and injected interactions. */
record FakeState(Snowflakes ids, long botUserId, long applicationId, Map<Long, FakeGuild> guilds, Payloads payloads,
        CommandStore commands, Interactions interactions) {

    FakeState {
        guilds = Collections.unmodifiableMap(new LinkedHashMap<>(guilds));
    }

    FakeGuild guild(long guildId) {
        FakeGuild guild = guilds.get(guildId);
        if (guild == null) {
            throw new IllegalArgumentException("The fake Discord has no guild " + Long.toUnsignedString(guildId)
                    + "; it was started with " + guilds.keySet());
        }
        return guild;
    }
}
