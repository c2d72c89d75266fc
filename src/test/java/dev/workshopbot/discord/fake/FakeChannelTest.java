package dev.workshopbot.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fake channel's rules on plain values: nonces, history pages, threads on messages. */
class FakeChannelTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private static final TextNode NONCE = TextNode.valueOf("g1-2024-03-01");

    private final FakeChannel channel = FakeChannel.text(10, 1, "general", 0);

    private static ObjectNode message(long id) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("id", Long.toString(id))
                .put("content", "m" + id);
    }

    private static List<Long> ids(List<? extends JsonNode> messages) {
        return messages.stream().map(message -> message.path("id").asLong()).toList();
    }

    @Test
    void create_sameNonceWithinMemory_returnsTheFirstMessage() {
        // GIVEN a message sent with an enforced nonce
        channel.create(NONCE, true, T0, 100, FakeChannelTest::message);

        // WHEN the same nonce comes just before Discord forgets it
        FakeChannel.Created again = channel.create(
                NONCE, true, T0.plus(FakeChannel.NONCE_MEMORY).minusMillis(1), 101, FakeChannelTest::message);

        // THEN the first message comes back and no second is stored
        assertTrue(again.deduplicated());
        assertEquals(100, again.message().path("id").asLong());
        assertEquals(List.of(100L), ids(channel.messages()));
    }

    @Test
    void create_sameNonceOnceForgottenOrNotEnforced_storesANewMessage() {
        // GIVEN a message sent with a nonce
        channel.create(NONCE, true, T0, 100, FakeChannelTest::message);

        // WHEN the nonce comes again without enforce_nonce, and then after Discord's memory
        FakeChannel.Created unenforced = channel.create(NONCE, false, T0, 101, FakeChannelTest::message);
        FakeChannel.Created forgotten = channel.create(
                NONCE, true, T0.plus(FakeChannel.NONCE_MEMORY).plusMillis(1), 102, FakeChannelTest::message);

        // THEN each is a new message
        assertFalse(unenforced.deduplicated());
        assertFalse(forgotten.deduplicated());
        assertEquals(List.of(100L, 101L, 102L), ids(channel.messages()));
    }

    @Test
    void history_pagesNewestFirstBeforeAfterAndAround() {
        // GIVEN ten messages, ids 1 to 10
        for (long id = 1; id <= 10; id++) {
            channel.create(null, true, T0, id, FakeChannelTest::message);
        }

        // WHEN pages are read as Discord's query parameters ask
        // THEN each is newest first
        assertEquals(List.of(10L, 9L, 8L), ids(channel.history(3, 0, 0, 0)));
        assertEquals(List.of(4L, 3L, 2L), ids(channel.history(3, 5, 0, 0)));
        assertEquals(List.of(8L, 7L, 6L), ids(channel.history(3, 0, 5, 0)));
        assertEquals(List.of(6L, 5L, 4L, 3L), ids(channel.history(4, 0, 0, 5)));
        assertEquals(List.of(), ids(channel.history(3, 1, 0, 0)));
    }

    @Test
    void startThread_onAMessage_takesItsIdAndMarksIt_once() {
        // GIVEN a message in the channel
        channel.create(null, true, T0, 100, FakeChannelTest::message);

        // WHEN a thread is started on it, then again, and on a message that is not there
        FakeChannel.ThreadStart first = channel.startThread(
                100,
                "Day 1",
                1440,
                thread -> JsonNodeFactory.instance.objectNode().put("id", thread.id()));
        FakeChannel.ThreadStart second =
                channel.startThread(100, "again", 1440, thread -> JsonNodeFactory.instance.objectNode());
        FakeChannel.ThreadStart missing =
                channel.startThread(999, "nowhere", 1440, thread -> JsonNodeFactory.instance.objectNode());

        // THEN the thread has the message's id, the message records it, and Discord refuses the other two
        assertNull(first.refusal());
        assertEquals(100, first.thread().id());
        assertEquals(10, first.thread().parentId());
        JsonNode marked = channel.message(100).orElseThrow();
        assertEquals(100, marked.path("thread").path("id").asLong());
        assertEquals(FakeChannel.HAS_THREAD, marked.path("flags").asInt() & FakeChannel.HAS_THREAD);
        assertEquals(FakeChannel.ThreadStart.Refusal.THREAD_ALREADY_CREATED, second.refusal());
        assertEquals(FakeChannel.ThreadStart.Refusal.UNKNOWN_MESSAGE, missing.refusal());
        assertEquals(List.of(first.thread()), channel.threads());
    }

    @Test
    void delete_aTextChannel_deletesItsThreads() {
        // GIVEN a channel with a thread
        channel.create(null, true, T0, 100, FakeChannelTest::message);
        FakeChannel thread = channel.startThread(100, "Day 1", 1440, started -> JsonNodeFactory.instance.objectNode())
                .thread();

        // WHEN the channel is deleted
        channel.delete();

        // THEN its thread is gone too
        assertTrue(thread.isDeleted());
        assertEquals(List.of(), channel.threads());
    }
}
