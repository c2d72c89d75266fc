package dev.workshopbot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.workshopbot.concurrent.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code http.host}:{@code http.port}: {@code GET /health} (200 serving, 503 with the reason) and {@code GET /metrics}
 * (Prometheus); every other path is 404 and every other method 405.
 */
public final class OpsServer implements AutoCloseable {

    static {
        // The JDK server otherwise waits forever for a client that sends half a request; it reads these once, when
        // its first server starts, so an operator's own -D values win.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "5");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "10");
        }
    }

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;

    /** {@code unhealthy} returns why the bot is not serving, or empty when it is. */
    public OpsServer(String host, int port, Supplier<Optional<String>> unhealthy, Metrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                switch (exchange.getRequestURI().getRawPath()) {
                    case "/health" -> {
                        Optional<String> problem = unhealthy.get();
                        respond(
                                exchange,
                                problem.isPresent() ? 503 : 200,
                                "text/plain; charset=utf-8",
                                problem.map(reason -> "unavailable: " + reason).orElse("ok") + "\n");
                    }
                    case "/metrics" ->
                        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        threads = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("ops-http"));
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
