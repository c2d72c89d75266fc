package dev.workshopbot.store;

/** A database failure, with what the bot was doing when it happened. */
public final class StoreException extends RuntimeException {

    public StoreException(String doing, Throwable cause) {
        super(doing + ": " + cause.getMessage(), cause);
    }
}
