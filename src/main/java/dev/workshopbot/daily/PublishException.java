package dev.workshopbot.daily;

/** Why a post could not be delivered; channel and permission problems pause the server instead of retrying. */
public final class PublishException extends RuntimeException {

    /** What went wrong, as far as the routine cares. */
    public enum Kind {
        CHANNEL_GONE, MISSING_PERMISSION, TRANSIENT;

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
}
