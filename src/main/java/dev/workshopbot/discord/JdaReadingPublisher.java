package dev.workshopbot.discord;

import dev.workshopbot.commands.DailyPosts;
import dev.workshopbot.daily.DailyPost;
import dev.workshopbot.daily.PublishException;
import dev.workshopbot.daily.ReadingPublisher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
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
        CompletableFuture<Message> sent = channel.sendMessage(DailyPosts.render(post))
                .setNonce(post.nonce())
                .submit();
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
        long self = jda.getSelfUser().getIdLong();
        return channel.getHistory()
                .retrievePast(HISTORY)
                .submit()
                .thenCompose(messages -> messages.stream()
                        .filter(message -> message.getAuthor().getIdLong() == self)
                        .filter(message -> message.getEmbeds().stream()
                                .map(MessageEmbed::getFooter)
                                .anyMatch(f -> f != null && DailyPosts.isFooterOf(f.getText(), post)))
                        .findFirst()
                        .map(message -> recovered(message, post).thenApply(Optional::of))
                        .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty())))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure, post)));
    }

    /** An earlier post as found; one sent by a bot that stopped before its thread call gets its thread now. */
    private CompletableFuture<Published> recovered(Message message, DailyPost post) {
        if (message.getStartedThread() != null) {
            return done(message, message.getStartedThread().getIdLong());
        }
        return post.thread() ? thread(message, post) : done(message, null);
    }

    private GuildMessageChannel channel(DailyPost post) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, post.channelId());
        if (channel == null) {
            throw new PublishException(
                    PublishException.Kind.CHANNEL_GONE,
                    "the channel <#" + post.channelId() + "> no longer exists or the bot cannot see it",
                    null);
        }
        if (channel.getGuild().getIdLong() != post.guildId()) {
            throw new PublishException(
                    PublishException.Kind.FOREIGN_CHANNEL,
                    "the channel <#" + post.channelId()
                            + "> belongs to another server; pick one of this server's channels with /daily set",
                    null);
        }
        Optional<String> lacking = JdaChannelAccess.lacking(channel.getGuild().getSelfMember(), channel);
        if (lacking.isPresent()) {
            throw new PublishException(PublishException.Kind.MISSING_PERMISSION, lacking.get(), null);
        }
        return channel;
    }

    /** Opens the discussion thread; a post whose thread fails is still a post (the failure is logged). */
    private CompletableFuture<Published> thread(Message message, DailyPost post) {
        return message.createThreadChannel(DailyPosts.threadName(post))
                .submit()
                .thenApply(thread -> new Published(message.getIdLong(), thread.getIdLong()))
                .exceptionally(failure -> {
                    LOG.warn(
                            "daily post guild={} date={} sent without its thread: {}",
                            post.guildId(),
                            post.date(),
                            failure.toString());
                    return new Published(message.getIdLong(), null);
                });
    }

    /**
     * A 4xx that sending again cannot change: the request itself is wrong. JDA already waits out 429s and retries
     * server errors, and a 401 means the whole bot is logged out, not that this post is bad.
     */
    private static boolean isRejection(ErrorResponseException response) {
        int status = response.getResponse() == null ? 0 : response.getResponse().code;
        return status >= 400 && status < 500 && status != 401 && status != 429;
    }

    private static String schemaErrors(ErrorResponseException response) {
        List<String> problems = response.getSchemaErrors().stream()
                .map(error -> error.getLocation() + ": "
                        + error.getErrors().stream()
                                .map(ErrorResponseException.ErrorCode::getMessage)
                                .collect(Collectors.joining("; ")))
                .toList();
        return problems.isEmpty() ? "" : ": " + String.join(", ", problems);
    }

    private static CompletableFuture<Published> done(Message message, Long thread) {
        return CompletableFuture.completedFuture(new Published(message.getIdLong(), thread));
    }

    private static PublishException translate(Throwable failure, DailyPost post) {
        Throwable cause = PublishException.unwrap(failure);
        if (cause instanceof PublishException known) {
            return known;
        }
        if (cause instanceof InsufficientPermissionException) {
            return new PublishException(PublishException.Kind.MISSING_PERMISSION, cause.getMessage(), cause);
        }
        if (cause instanceof ErrorResponseException response) {
            ErrorResponse error = response.getErrorResponse();
            if (error == ErrorResponse.UNKNOWN_CHANNEL) {
                return new PublishException(
                        PublishException.Kind.CHANNEL_GONE,
                        "the channel <#" + post.channelId() + "> was deleted",
                        cause);
            }
            if (error == ErrorResponse.MISSING_PERMISSIONS || error == ErrorResponse.MISSING_ACCESS) {
                return new PublishException(
                        PublishException.Kind.MISSING_PERMISSION,
                        "the bot may not post in <#" + post.channelId() + ">",
                        cause);
            }
            if (isRejection(response)) {
                return new PublishException(
                        PublishException.Kind.REJECTED,
                        "Discord rejected the day " + post.number()
                                + " post (" + response.getResponse().code + " " + response.getMeaning()
                                + schemaErrors(response)
                                + "); fix the content (run validate), then /daily resume",
                        cause);
            }
        }
        return new PublishException(PublishException.Kind.TRANSIENT, cause.toString(), cause);
    }
}
