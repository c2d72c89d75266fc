package dev.workshopbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * When the gateway was last heard from (any event, heartbeat acknowledgements included as JDA's
 * {@code GatewayPingEvent}), so {@code /health} can tell a connection that says CONNECTED but has gone silent.
 */
public final class GatewayWatch implements EventListener {

    /** Discord asks for a heartbeat about every 41.25 s; a little more leaves room for a slow acknowledgement. */
    static final Duration HEARTBEAT = Duration.ofSeconds(45);

    private final Clock clock;
    private volatile Instant last;

    public GatewayWatch(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(GenericEvent event) {
        last = clock.instant();
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
