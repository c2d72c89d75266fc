package dev.workshopbot.commands;

/** Who is asking: ids as Discord gives them (0 offline) and whether they may use moderator commands. */
public record Caller(long userId, long guildId, boolean moderator) {

    public static final Caller CONSOLE_MEMBER = new Caller(0, 0, false);
    public static final Caller CONSOLE_MODERATOR = new Caller(0, 0, true);
}
