package dev.workshopbot.daily;

import java.util.Optional;

/**
 * What the bot may do in a channel a moderator picks for the daily posts, asked when {@code /daily set} runs; the
 * Discord adapter implements it from the server the command came from.
 */
public interface ChannelAccess {

    /** Offline (the console) there is no Discord to ask, so every channel is taken as given. */
    ChannelAccess OFFLINE = channelId -> Optional.empty();

    /**
     * Why daily posts cannot go to the channel, naming exactly what is missing ("it is not a channel of this
     * server", "the bot lacks Send Messages, Embed Links in it"); empty when they can.
     */
    Optional<String> problem(long channelId);
}
