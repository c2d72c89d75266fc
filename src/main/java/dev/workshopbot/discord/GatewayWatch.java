package dev.workshopbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The connection as {@code /health} sees it: JDA's status, and when the gateway was last heard from (any event,
 * heartbeat acknowledgements included as JDA's {@code GatewayPingEvent}), so a connection that says CONNECTED but
 * has gone silent is told apart.
 */
public final class GatewayWatch implements EventListener {

    /** Discord asks for a heartbeat about every 41.25 s; a little more leaves room for a slow acknowledgement. */
    static final Duration HEARTBEAT = Duration.ofSeconds(45);

    private final Clock clock;
    private volatile Instant last;
    private volatile JDA.Status status;

    public GatewayWatch(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(GenericEvent event) {
        last = clock.instant();
        if (event instanceof StatusChangeEvent change) {
            status = change.getNewStatus();
        }
    }

    /** Why the bot is not connected: still connecting, a status other than CONNECTED, or a silent gateway. */
    public Optional<String> problem() {
        JDA.Status now = status;
        if (now == null) {
            return Optional.of("connecting to Discord");
        }
        if (now != JDA.Status.CONNECTED) {
            return Optional.of("Discord connection is " + now.name().toLowerCase(Locale.ROOT));
        }
        return silence();
    }

    /** Why the gateway looks dead: nothing heard for longer than two heartbeats; empty before the first event. */
    public Optional<String> silence() {
        Instant heard = last;
        if (heard == null) {
            return Optional.empty();
        }
        Duration quiet = Duration.between(heard, clock.instant());
        return quiet.compareTo(HEARTBEAT.multipliedBy(2)) > 0
                ? Optional.of("Discord gateway silent for " + quiet.toSeconds() + " s (more than two heartbeats)")
                : Optional.empty();
    }
}
