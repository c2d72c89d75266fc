package dev.workshopbot.discord;

import dev.workshopbot.commands.Messages;
import dev.workshopbot.progress.DirectMessenger;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reminders as Discord direct messages: opens the member's DM channel and sends the text with mentions off. */
public final class JdaDirectMessenger implements DirectMessenger {

    private static final Logger LOG = LoggerFactory.getLogger(JdaDirectMessenger.class);

    private final JDA jda;

    public JdaDirectMessenger(JDA jda) {
        this.jda = jda;
    }

    @Override
    public CompletableFuture<Outcome> send(long userId, String text) {
        return jda.openPrivateChannelById(userId)
                .flatMap(channel -> channel.sendMessage(Messages.text(text)))
                .submit()
                .handle((message, failure) -> {
                    if (failure == null) {
                        return Outcome.SENT;
                    }
                    Throwable cause = failure.getCause() != null && !(failure instanceof ErrorResponseException)
                            ? failure.getCause()
                            : failure;
                    if (cause instanceof ErrorResponseException error
                            && error.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
                        return Outcome.CLOSED;
                    }
                    LOG.warn("reminder to user={} not delivered: {}", userId, cause.toString());
                    return Outcome.FAILED;
                });
    }
}
