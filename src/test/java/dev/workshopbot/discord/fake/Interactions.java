package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The interactions the fake has injected, so it can tell their callbacks and webhook calls apart from strays. */
final class Interactions {

    private final Map<Long, Pending> byId = new ConcurrentHashMap<>();
    private final Map<String, Pending> byToken = new ConcurrentHashMap<>();

    /**
     * One injected interaction: where it happened, when, whether the bot acknowledged it, and the messages its
     * webhook can address ({@code @original} and follow-ups by id).
     */
    static final class Pending {
        private final long id;
        private final String token;
        private final FakeGuild guild;
        private final long injectedAtNanos;
        private final Map<String, ObjectNode> messages = new HashMap<>();
        private boolean acknowledged;

        Pending(long id, String token, FakeGuild guild, long injectedAtNanos) {
            this.id = id;
            this.token = token;
            this.guild = guild;
            this.injectedAtNanos = injectedAtNanos;
        }

        long id() {
            return id;
        }

        String token() {
            return token;
        }

        FakeGuild guild() {
            return guild;
        }

        Duration sinceInjection(long nowNanos) {
            return Duration.ofNanos(nowNanos - injectedAtNanos);
        }

        /** Marks the interaction acknowledged; false when it already was, which Discord answers with an error. */
        synchronized boolean acknowledge() {
            boolean first = !acknowledged;
            acknowledged = true;
            return first;
        }

        synchronized boolean isAcknowledged() {
            return acknowledged;
        }

        synchronized Optional<ObjectNode> message(String key) {
            return Optional.ofNullable(messages.get(key)).map(ObjectNode::deepCopy);
        }

        synchronized void putMessage(String key, ObjectNode message) {
            messages.put(key, message.deepCopy());
        }

        synchronized boolean removeMessage(String key) {
            return messages.remove(key) != null;
        }
    }

    void add(Pending pending) {
        byId.put(pending.id(), pending);
        byToken.put(pending.token(), pending);
    }

    Optional<Pending> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Pending> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
