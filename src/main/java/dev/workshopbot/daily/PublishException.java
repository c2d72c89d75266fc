package dev.workshopbot.daily;

import java.util.concurrent.CompletionException;

/**
 * Why a post could not be delivered. Everything but a transient failure pauses the server instead of retrying:
 * a missing or foreign channel, a missing permission, a post Discord rejects as it is.
 */
public final class PublishException extends RuntimeException {

    /** What went wrong, as far as the routine cares. */
    public enum Kind {
        CHANNEL_GONE,
        FOREIGN_CHANNEL,
        MISSING_PERMISSION,
        REJECTED,
        TRANSIENT;

        public boolean pausesTheServer() {
            return this != TRANSIENT;
        }
    }

    private final Kind kind;

    public PublishException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The failure itself, not the {@link CompletionException} a future wraps it in. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
