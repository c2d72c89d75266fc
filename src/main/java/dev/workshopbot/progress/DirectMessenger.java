package dev.workshopbot.progress;

import java.util.concurrent.CompletableFuture;

/** How reminders reach a member; the progress feature owns this interface, the Discord adapter implements it. */
public interface DirectMessenger {

    /** What became of a direct message: sent, refused because the member's DMs are closed, or failed otherwise. */
    enum Outcome {
        SENT,
        CLOSED,
        FAILED
    }

    /** Sends {@code text} (plain text, mentions off) to the member directly. */
    CompletableFuture<Outcome> send(long userId, String text);
}
