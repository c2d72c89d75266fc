package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A text channel or public thread of the fake, holding the messages the bot sent to it. Messages are kept as Discord
 * returns them; the threads a text channel holds are channels of their own.
 */
final class FakeChannel {

    static final int GUILD_TEXT = 0;
    static final int PUBLIC_THREAD = 11;

    /**
     * How long a nonce sent with {@code enforce_nonce} keeps returning its message. Discord documents only "the past
     * few minutes", so this is an assumption; a bot must not rely on a longer memory.
     */
    static final Duration NONCE_MEMORY = Duration.ofMinutes(3);

    /** Discord's message flag for a message that started a thread. */
    static final int HAS_THREAD = 1 << 5;

    private final long id;
    private final long guildId;
    private final int type;
    private final String name;
    private final int position;
    private final long parentId;
    private final int autoArchiveMinutes;
    private final List<ObjectNode> messages = new ArrayList<>();
    private final Map<String, Remembered> nonces = new HashMap<>();
    private final List<FakeChannel> threads = new ArrayList<>();
    private boolean deleted;

    private record Remembered(long messageId, Instant sentAt) {}

    /** A message create's outcome: the stored message, and whether an earlier one with the same nonce was returned. */
    record Created(ObjectNode message, boolean deduplicated) {}

    /** The outcome of starting a thread on a message: the thread, or the reason Discord refuses. */
    record ThreadStart(FakeChannel thread, Refusal refusal) {

        enum Refusal {
            UNKNOWN_MESSAGE,
            THREAD_ALREADY_CREATED
        }
    }

    private FakeChannel(
            long id, long guildId, int type, String name, int position, long parentId, int autoArchiveMinutes) {
        this.id = id;
        this.guildId = guildId;
        this.type = type;
        this.name = name;
        this.position = position;
        this.parentId = parentId;
        this.autoArchiveMinutes = autoArchiveMinutes;
    }

    static FakeChannel text(long id, long guildId, String name, int position) {
        return new FakeChannel(id, guildId, GUILD_TEXT, name, position, 0, 0);
    }

    long id() {
        return id;
    }

    long guildId() {
        return guildId;
    }

    int type() {
        return type;
    }

    boolean isThread() {
        return type == PUBLIC_THREAD;
    }

    String name() {
        return name;
    }

    int position() {
        return position;
    }

    /** The text channel a thread belongs to; 0 for a text channel. */
    long parentId() {
        return parentId;
    }

    int autoArchiveMinutes() {
        return autoArchiveMinutes;
    }

    synchronized boolean isDeleted() {
        return deleted;
    }

    /** Deletes the channel and, as Discord does, the threads in it. */
    synchronized void delete() {
        deleted = true;
        threads.forEach(FakeChannel::delete);
    }

    /**
     * Creates a message, unless {@code enforceNonce} is set and a message with this nonce was sent here within
     * {@link #NONCE_MEMORY}: then Discord returns that message again and creates none.
     *
     * @param newMessage builds the message to store from a fresh id
     */
    synchronized Created create(
            JsonNode nonce, boolean enforceNonce, Instant now, long newId, LongFunction<ObjectNode> newMessage) {
        String key = nonce == null || nonce.isNull() ? null : nonce.asText();
        if (enforceNonce && key != null) {
            Remembered earlier = nonces.get(key);
            if (earlier != null && now.isBefore(earlier.sentAt().plus(NONCE_MEMORY))) {
                Optional<ObjectNode> original = message(earlier.messageId());
                if (original.isPresent()) {
                    return new Created(original.get(), true);
                }
            }
        }
        ObjectNode message = newMessage.apply(newId);
        messages.add(message);
        if (key != null) {
            nonces.put(key, new Remembered(newId, now));
        }
        return new Created(message.deepCopy(), false);
    }

    synchronized Optional<ObjectNode> message(long messageId) {
        return find(messageId).map(ObjectNode::deepCopy);
    }

    /** Every message, oldest first. */
    synchronized List<ObjectNode> messages() {
        return messages.stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * A page of history as Discord's GET /channels/{id}/messages gives it: newest first, at most {@code limit},
     * older than {@code before}, newer than {@code after}, or centred on {@code around} (0 when not given).
     */
    synchronized List<ObjectNode> history(int limit, long before, long after, long around) {
        List<ObjectNode> chosen;
        if (around != 0) {
            int centre = 0;
            while (centre < messages.size() && idOf(messages.get(centre)) < around) {
                centre++;
            }
            int from = Math.max(0, Math.min(centre - limit / 2, messages.size() - limit));
            chosen = messages.subList(from, Math.min(messages.size(), from + limit));
        } else if (after != 0) {
            chosen = messages.stream()
                    .filter(message -> idOf(message) > after)
                    .limit(limit)
                    .toList();
        } else {
            List<ObjectNode> older = messages.stream()
                    .filter(message -> before == 0 || idOf(message) < before)
                    .toList();
            chosen = older.subList(Math.max(0, older.size() - limit), older.size());
        }
        List<ObjectNode> newestFirst = new ArrayList<>();
        for (int i = chosen.size() - 1; i >= 0; i--) {
            newestFirst.add(chosen.get(i).deepCopy());
        }
        return newestFirst;
    }

    /**
     * Starts a public thread on one of this channel's messages. As on Discord, the thread takes the message's id and
     * the message records it.
     *
     * @param render the thread object to store on the message
     */
    synchronized ThreadStart startThread(
            long messageId, String threadName, int archiveMinutes, Function<FakeChannel, ObjectNode> render) {
        Optional<ObjectNode> found = find(messageId);
        if (found.isEmpty()) {
            return new ThreadStart(null, ThreadStart.Refusal.UNKNOWN_MESSAGE);
        }
        ObjectNode message = found.get();
        if (message.has("thread")) {
            return new ThreadStart(null, ThreadStart.Refusal.THREAD_ALREADY_CREATED);
        }
        FakeChannel thread = new FakeChannel(messageId, guildId, PUBLIC_THREAD, threadName, 0, id, archiveMinutes);
        threads.add(thread);
        message.set("thread", render.apply(thread));
        message.put("flags", message.path("flags").asInt() | HAS_THREAD);
        return new ThreadStart(thread, null);
    }

    /** The threads started here that still exist, oldest first. */
    synchronized List<FakeChannel> threads() {
        return threads.stream().filter(thread -> !thread.isDeleted()).toList();
    }

    /** How many messages were sent here; a thread reports it as its message count. */
    synchronized int messageCount() {
        return messages.size();
    }

    synchronized long lastMessageId() {
        return messages.isEmpty() ? 0 : idOf(messages.get(messages.size() - 1));
    }

    private Optional<ObjectNode> find(long messageId) {
        return messages.stream().filter(message -> idOf(message) == messageId).findFirst();
    }

    private static long idOf(JsonNode message) {
        return Long.parseUnsignedLong(message.path("id").asText());
    }

    @Override
    public String toString() {
        return (isThread() ? "thread " : "channel ") + Long.toUnsignedString(id) + " #" + name;
    }
}
