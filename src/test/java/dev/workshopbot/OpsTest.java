package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.commands.Messages;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.Responder;
import dev.workshopbot.ops.Metrics;
import dev.workshopbot.ops.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** /health and /metrics over real HTTP on 127.0.0.1. */
@Timeout(30)
class OpsTest {

    private static final Library SHIPPED = new ContentLoader("https://x.example").load(Path.of("content"));
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OpsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_is503BeforeContentAndWhileDisconnected_and200WhenServing(@TempDir Path empty) throws Exception {
        Library none = new ContentLoader("https://x.example").load(empty.resolve("missing"));
        AtomicReference<Library> library = new AtomicReference<>(none);
        AtomicReference<JDA.Status> status = new AtomicReference<>(null);
        try (OpsServer server = new OpsServer(0, () -> App.health(status.get(), library.get()), new Metrics())) {
            HttpResponse<String> noContent = get(server, "/health");
            assertEquals(503, noContent.statusCode());
            assertTrue(noContent.body().contains("no content loaded (1 errors"), noContent.body());

            library.set(SHIPPED);
            assertEquals("unavailable: connecting to Discord\n", get(server, "/health").body());
            status.set(JDA.Status.CONNECTED);
            HttpResponse<String> serving = get(server, "/health");
            assertEquals(200, serving.statusCode());
            status.set(JDA.Status.WAITING_TO_RECONNECT);
            HttpResponse<String> reconnecting = get(server, "/health");
            assertEquals(503, reconnecting.statusCode());
            assertTrue(reconnecting.body().contains("waiting_to_reconnect"), reconnecting.body());
        }
    }

    @Test
    void metrics_countACommandAfterItIsServed_withItsLatency() throws Exception {
        Metrics metrics = new Metrics();
        metrics.contentVersion(SHIPPED.shortVersion());
        Dispatcher dispatcher = new Dispatcher(Executors.newSingleThreadExecutor(),
                Executors.newSingleThreadScheduledExecutor(), new Cooldowns(5, Duration.ofSeconds(10), System::nanoTime),
                Duration.ofSeconds(1), (context, outcome, latency) -> metrics.commandServed(context.command(), outcome,
                        latency));
        try (OpsServer server = new OpsServer(0, Optional::empty, metrics)) {
            assertTrue(!get(server, "/metrics").body().contains("command=\"section\""));
            dispatcher.dispatch(new Dispatcher.Context(1, 2, "section"), false, true,
                    () -> Reply.visible(Messages.text("hi")), new Responder() {
                        @Override
                        public void reply(Reply reply) {
                        }

                        @Override
                        public void defer(boolean ephemeral) {
                        }

                        @Override
                        public void replyAfterDefer(Reply reply) {
                        }
                    }).get(5, TimeUnit.SECONDS);
            String scrape = get(server, "/metrics").body();
            assertTrue(scrape.contains("workshopbot_command_latency_seconds_count{command=\"section\",outcome=\"ok\"} 1"),
                    scrape);
            assertTrue(scrape.contains("workshopbot_content_version{version=\"" + SHIPPED.shortVersion() + "\"} 1"),
                    scrape);
            assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM memory is exported");
        }
    }
}
