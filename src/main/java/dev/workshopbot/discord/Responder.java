package dev.workshopbot.discord;

import dev.workshopbot.commands.Reply;

/** How one interaction is answered; the JDA adapter implements it per event, tests with plain values. */
public interface Responder {

    /** Answers directly (the first and only acknowledgement). */
    void reply(Reply reply);

    /** Acknowledges now and promises the answer later; {@code ephemeral} fixes who will see it. */
    void defer(boolean ephemeral);

    /** Delivers the answer after {@link #defer}. */
    void replyAfterDefer(Reply reply);
}
