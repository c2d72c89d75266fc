package dev.workshopbot.discord;

import dev.workshopbot.commands.DailyPosts;
import dev.workshopbot.daily.DailyPost;
import dev.workshopbot.daily.PublishException;
import dev.workshopbot.daily.ReadingPublisher;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts daily readings through JDA, whose per-route rate-limit buckets queue the sends: one slow channel never
 * holds up the rest, and no bucket is exceeded. Errors that retrying cannot fix pause the server.
 */
public final class JdaReadingPublisher implements ReadingPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(JdaReadingPublisher.class);
    private static final EnumSet<Permission> NEEDED = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY);
    private static final int HISTORY = 50;

    private final JDA jda;

    public JdaReadingPublisher(JDA jda) {
        this.jda = jda;
    }

    @Override
    public CompletableFuture<Published> publish(DailyPost post) {
        GuildMessageChannel channel;
        try {
            channel = channel(post);
        } catch (PublishException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Message> sent = channel.sendMessage(DailyPosts.render(post)).setNonce(post.nonce()).submit();
        return sent.thenCompose(message -> post.thread() ? thread(message, post) : done(message, null))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure, post)));
    }

    @Override
    public CompletableFuture<Optional<Published>> findEarlier(DailyPost post) {
        GuildMessageChannel channel;
        try {
            channel = channel(post);
        } catch (PublishException e) {
            return CompletableFuture.failedFuture(e);
        }
        String footer = DailyPosts.footer(post);
        long self = jda.getSelfUser().getIdLong();
        return channel.getHistory().retrievePast(HISTORY).submit()
                .thenApply(messages -> messages.stream()
                        .filter(message -> message.getAuthor().getIdLong() == self)
                        .filter(message -> message.getEmbeds().stream().map(MessageEmbed::getFooter)
                                .anyMatch(f -> f != null && footer.equals(f.getText())))
                        .findFirst()
                        .map(message -> new Published(message.getIdLong(),
                                message.getStartedThread() == null ? null : message.getStartedThread().getIdLong())))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure, post)));
    }

    private GuildMessageChannel channel(DailyPost post) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, post.channelId());
        if (channel == null) {
            throw new PublishException(PublishException.Kind.CHANNEL_GONE,
                    "the channel <#" + post.channelId() + "> no longer exists or the bot cannot see it", null);
        }
        if (!channel.getGuild().getSelfMember().hasPermission(channel, NEEDED)) {
            throw new PublishException(PublishException.Kind.MISSING_PERMISSION, "the bot lacks View Channel, "
                    + "Send Messages, Embed Links or Read Message History in <#" + post.channelId() + ">", null);
        }
        return channel;
    }

    /** Opens the discussion thread; a post whose thread fails is still a post (the failure is logged). */
    private CompletableFuture<Published> thread(Message message, DailyPost post) {
        return message.createThreadChannel(DailyPosts.threadName(post)).submit()
                .thenApply(thread -> new Published(message.getIdLong(), thread.getIdLong()))
                .exceptionally(failure -> {
                    LOG.warn("daily post guild={} date={} sent without its thread: {}", post.guildId(), post.date(),
                            failure.toString());
                    return new Published(message.getIdLong(), null);
                });
    }

    private static CompletableFuture<Published> done(Message message, Long thread) {
        return CompletableFuture.completedFuture(new Published(message.getIdLong(), thread));
    }

    private static PublishException translate(Throwable failure, DailyPost post) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof PublishException known) {
            return known;
        }
        if (cause instanceof InsufficientPermissionException) {
            return new PublishException(PublishException.Kind.MISSING_PERMISSION, cause.getMessage(), cause);
        }
        if (cause instanceof ErrorResponseException response) {
            ErrorResponse error = response.getErrorResponse();
            if (error == ErrorResponse.UNKNOWN_CHANNEL) {
                return new PublishException(PublishException.Kind.CHANNEL_GONE,
                        "the channel <#" + post.channelId() + "> was deleted", cause);
            }
            if (error == ErrorResponse.MISSING_PERMISSIONS || error == ErrorResponse.MISSING_ACCESS) {
                return new PublishException(PublishException.Kind.MISSING_PERMISSION,
                        "the bot may not post in <#" + post.channelId() + ">", cause);
            }
        }
        return new PublishException(PublishException.Kind.TRANSIENT, cause.toString(), cause);
    }
}
