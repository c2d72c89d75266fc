package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.commands.Messages;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.GatewayWatch;
import dev.workshopbot.discord.Responder;
import dev.workshopbot.ops.Health;
import dev.workshopbot.ops.Metrics;
import dev.workshopbot.ops.OpsServer;
import dev.workshopbot.store.Database;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GatewayPingEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** /health and /metrics over real HTTP on 127.0.0.1. */
@Timeout(30)
class OpsTest {

    private static final Library SHIPPED = new ContentLoader("https://x.example").load(Path.of("content"));
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OpsServer server, String path) throws Exception {
        return send(server, "GET", path);
    }

    private HttpResponse<String> send(OpsServer server, String method, String path) throws Exception {
        // the request timeout only turns a hung server into a failure instead of a stuck build
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void server_bindsLoopbackByDefault_andAnswersOnlyItsOwnPathsAndMethods() throws Exception {
        // GIVEN the ops server on the default http.host
        String host = dev.workshopbot.config.BotConfig.defaults().http().host();
        try (OpsServer server = new OpsServer(host, 0, Optional::empty, new Metrics())) {
            // THEN it listens on the loopback address only
            assertTrue(
                    server.address().getAddress().isLoopbackAddress(),
                    server.address().toString());
            // AND only the exact paths answer, with GET and HEAD only
            assertEquals(200, get(server, "/health").statusCode());
            assertEquals(200, send(server, "HEAD", "/health").statusCode());
            for (String other : List.of("/healthz", "/health/", "/health%00", "/", "/metrics/x")) {
                assertEquals(404, get(server, other).statusCode(), other);
            }
            HttpResponse<String> post = send(server, "POST", "/health");
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void halfOpenRequests_doNotBlockHealth() throws Exception {
        // GIVEN one client that connects and sends nothing and one that sends half a request line
        try (OpsServer server = new OpsServer("127.0.0.1", 0, Optional::empty, new Metrics());
                Socket silent = new Socket("127.0.0.1", server.port());
                Socket half = new Socket("127.0.0.1", server.port())) {
            OutputStream out = half.getOutputStream();
            out.write("GET /hea".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // WHEN /health is asked THEN it is answered while both are still open
            assertEquals("ok\n", get(server, "/health").body());
            assertTrue(silent.isConnected() && half.isConnected());
        }
    }

    @Test
    void health_is503_whenTheDatabaseFileIsDeleted(@TempDir Path dir) throws Exception {
        // GIVEN a serving bot whose SQLite file is then deleted
        Path file = dir.resolve("x.db");
        Database database = Database.open("jdbc:sqlite:" + file);
        try (OpsServer server = new OpsServer(
                "127.0.0.1",
                0,
                Health.firstProblem(List.of(() -> Health.content(SHIPPED), database::unavailable)),
                new Metrics())) {
            assertEquals(200, get(server, "/health").statusCode());
            Files.delete(file);
            // WHEN /health is asked THEN it says the database file was deleted
            HttpResponse<String> deleted = get(server, "/health");
            assertEquals(503, deleted.statusCode());
            assertTrue(
                    deleted.body().startsWith("unavailable: database file " + file + " was deleted"), deleted.body());
        }
    }

    @Test
    void health_is503_whenTheGatewayIsSilentForMoreThanTwoHeartbeats() throws Exception {
        // GIVEN a gateway last heard at a known instant
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T09:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        GatewayWatch gateway = new GatewayWatch(clock);
        // JDA's public interface stands in for a connection; the event only asks it for a response number
        JDA jda = (JDA) java.lang.reflect.Proxy.newProxyInstance(
                JDA.class.getClassLoader(),
                new Class<?>[] {JDA.class},
                (proxy, method, args) -> method.getReturnType() == long.class ? 0L : null);
        gateway.onEvent(new GatewayPingEvent(jda, 40));
        try (OpsServer server = new OpsServer("127.0.0.1", 0, gateway::silence, new Metrics())) {
            // WHEN one heartbeat passes THEN it is healthy; WHEN three pass THEN it is not
            now.set(now.get().plusSeconds(45));
            assertEquals(200, get(server, "/health").statusCode());
            now.set(now.get().plusSeconds(90));
            HttpResponse<String> silent = get(server, "/health");
            assertEquals(503, silent.statusCode());
            assertEquals("unavailable: Discord gateway silent for 135 s (more than two heartbeats)\n", silent.body());
        }
    }

    @Test
    void health_is503BeforeContentAndWhileDisconnected_and200WhenServing(@TempDir Path empty) throws Exception {
        // GIVEN the checks the bot serves with: content first, then the connection as the gateway reports it
        Library none = new ContentLoader("https://x.example").load(empty.resolve("missing"));
        AtomicReference<Library> library = new AtomicReference<>(none);
        GatewayWatch gateway = new GatewayWatch(Clock.systemUTC());
        JDA jda = (JDA) java.lang.reflect.Proxy.newProxyInstance(
                JDA.class.getClassLoader(),
                new Class<?>[] {JDA.class},
                (proxy, method, args) -> method.getReturnType() == long.class ? 0L : null);
        try (OpsServer server = new OpsServer(
                "127.0.0.1",
                0,
                Health.firstProblem(List.of(() -> Health.content(library.get()), gateway::problem)),
                new Metrics())) {
            // WHEN nothing is loaded THEN that is the reason
            HttpResponse<String> noContent = get(server, "/health");
            assertEquals(503, noContent.statusCode());
            assertTrue(noContent.body().contains("no content loaded (1 errors"), noContent.body());

            // WHEN content is there but JDA has not reported a status THEN it is still connecting
            library.set(SHIPPED);
            assertEquals(
                    "unavailable: connecting to Discord\n",
                    get(server, "/health").body());
            // WHEN JDA says CONNECTED THEN it serves; WHEN it waits to reconnect THEN it says so
            gateway.onEvent(new StatusChangeEvent(jda, JDA.Status.CONNECTED, JDA.Status.LOADING_SUBSYSTEMS));
            assertEquals(200, get(server, "/health").statusCode());
            gateway.onEvent(new StatusChangeEvent(jda, JDA.Status.WAITING_TO_RECONNECT, JDA.Status.CONNECTED));
            HttpResponse<String> reconnecting = get(server, "/health");
            assertEquals(503, reconnecting.statusCode());
            assertTrue(reconnecting.body().contains("waiting_to_reconnect"), reconnecting.body());
        }
    }

    @Test
    void metrics_countACommandAfterItIsServed_withItsLatency() throws Exception {
        Metrics metrics = new Metrics();
        metrics.contentVersion(SHIPPED.shortVersion());
        Dispatcher dispatcher = new Dispatcher(
                Executors.newSingleThreadExecutor(),
                Executors.newSingleThreadScheduledExecutor(),
                new Cooldowns(5, Duration.ofSeconds(10), System::nanoTime),
                Duration.ofSeconds(1),
                (context, outcome, latency) -> metrics.commandServed(context.command(), outcome, latency));
        try (OpsServer server = new OpsServer("127.0.0.1", 0, Optional::empty, metrics)) {
            assertTrue(!get(server, "/metrics").body().contains("command=\"section\""));
            dispatcher
                    .dispatch(
                            new Dispatcher.Context(1, 2, "section"),
                            false,
                            true,
                            () -> Reply.visible(Messages.text("hi")),
                            new Responder() {
                                @Override
                                public void reply(Reply reply) {}

                                @Override
                                public void defer(boolean ephemeral) {}

                                @Override
                                public void replyAfterDefer(Reply reply) {}
                            })
                    .get(5, TimeUnit.SECONDS);
            String scrape = get(server, "/metrics").body();
            assertTrue(
                    scrape.contains("workshopbot_command_latency_seconds_count{command=\"section\",outcome=\"ok\"} 1"),
                    scrape);
            assertTrue(
                    scrape.contains("workshopbot_content_version{version=\"" + SHIPPED.shortVersion() + "\"} 1"),
                    scrape);
            assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM memory is exported");
        }
    }

    @Test
    void metrics_sayWhatTheEmbeddingCacheSaved_andWhetherSearchIsHybrid() {
        Metrics metrics = new Metrics();
        AtomicLong embedded = new AtomicLong();
        AtomicLong reused = new AtomicLong();
        AtomicBoolean hybrid = new AtomicBoolean();
        metrics.embeddings(embedded::get, reused::get, hybrid::get);
        String before = metrics.scrape();
        assertTrue(before.contains("workshopbot_passages_embedded_total 0.0"), before);
        assertTrue(before.contains("workshopbot_search_hybrid 0.0"), before);
        embedded.set(43);
        reused.set(40);
        hybrid.set(true);
        String after = metrics.scrape();
        assertTrue(after.contains("workshopbot_passages_embedded_total 43.0"), after);
        assertTrue(after.contains("workshopbot_passages_reused_total 40.0"), after);
        assertTrue(after.contains("workshopbot_search_hybrid 1.0"), after);
    }
}
