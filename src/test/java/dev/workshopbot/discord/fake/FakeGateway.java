package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway half of the fake Discord: HELLO, IDENTIFY answered with READY and one GUILD_CREATE per guild,
 * heartbeats acknowledged, RESUME, and dispatches such as INTERACTION_CREATE sent to every ready session.
 * Messages are JSON text, or binary {@code zlib-stream} when the client asks for it in the URL.
 */
final class FakeGateway extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int DISPATCH = 0;
    private static final int HEARTBEAT = 1;
    private static final int IDENTIFY = 2;
    private static final int RESUME = 6;
    private static final int RECONNECT = 7;
    private static final int INVALID_SESSION = 9;
    private static final int HELLO = 10;
    private static final int HEARTBEAT_ACK = 11;
    private static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;

    private static final int DISALLOWED_INTENTS = 4014;

    private final FakeState state;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Set<Connection> ready = new LinkedHashSet<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final List<String> connectQueries = new ArrayList<>();
    /**
     * Held while a session is sent its guilds and while a dispatch goes out, so that a change to the guilds reaches a
     * session either inside its GUILD_CREATE or as a dispatch after it, never neither.
     */
    private final Object stream = new Object();

    private JsonNode lastIdentify;
    private int identifies;
    private int resumes;
    private boolean started;
    private Exception startFailure;

    /** A gateway session, which outlives a connection when the client resumes it. */
    private static final class Session {
        final String id;
        int sequence;

        Session(String id) {
            this.id = id;
        }
    }

    /** One WebSocket connection and how it wants its messages. */
    private static final class Connection {
        final WebSocket socket;
        final ZlibStream zlib;
        Session session;

        Connection(WebSocket socket, ZlibStream zlib) {
            this.socket = socket;
            this.zlib = zlib;
        }

        synchronized void send(ObjectNode payload) {
            if (!socket.isOpen()) {
                LOG.debug("Not sending to a closed gateway connection: {}", payload);
                return;
            }
            byte[] json = payload.toString().getBytes(StandardCharsets.UTF_8);
            if (zlib != null) {
                socket.send(zlib.compress(json));
            } else {
                socket.send(new String(json, StandardCharsets.UTF_8));
            }
        }

        synchronized void dispatch(String type, JsonNode data) {
            ObjectNode payload = JSON.createObjectNode();
            payload.put("op", DISPATCH);
            payload.put("t", type);
            payload.put("s", ++session.sequence);
            payload.set("d", data);
            send(payload);
        }
    }

    FakeGateway(FakeState state) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.state = state;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts the server and waits until its port is bound. */
    synchronized void startAndWait(Duration timeout) {
        start();
        if (!Waits.until(this, () -> started || startFailure != null, timeout)) {
            throw new IllegalStateException("The fake gateway did not start within " + timeout);
        }
        if (startFailure != null) {
            throw new IllegalStateException("The fake gateway failed to start", startFailure);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    @Override
    public synchronized void onStart() {
        started = true;
        notifyAll();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        String query = URI.create(handshake.getResourceDescriptor()).getRawQuery();
        String compression = queryParameter(query, "compress");
        synchronized (this) {
            connectQueries.add(query == null ? "" : query);
        }
        if (compression != null && !compression.equals("zlib-stream")) {
            socket.close(4000, "The fake gateway only speaks zlib-stream compression, not " + compression);
            return;
        }
        Connection connection = new Connection(socket, compression == null ? null : new ZlibStream());
        socket.setAttachment(connection);
        ObjectNode hello = JSON.createObjectNode();
        hello.put("op", HELLO);
        hello.putNull("s");
        hello.putNull("t");
        hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS);
        connection.send(hello);
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        Connection connection = socket.getAttachment();
        JsonNode payload;
        try {
            payload = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            socket.close(4002, "Error while decoding payload.");
            return;
        }
        synchronized (this) {
            received.add(payload);
        }
        switch (payload.path("op").asInt(-1)) {
            case HEARTBEAT -> connection.send(JSON.createObjectNode().put("op", HEARTBEAT_ACK));
            case IDENTIFY -> identify(connection, payload.path("d"));
            case RESUME -> resume(connection, payload.path("d"));
            default -> LOG.debug("The fake gateway ignores {}", payload);
        }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        onMessage(socket, StandardCharsets.UTF_8.decode(message).toString());
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        Connection connection = socket.getAttachment();
        if (connection == null) {
            return;
        }
        synchronized (this) {
            ready.remove(connection);
            notifyAll();
        }
        if (connection.zlib != null) {
            connection.zlib.close();
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            synchronized (this) {
                startFailure = error;
                notifyAll();
            }
        }
        LOG.warn("Fake gateway error", error);
    }

    private void identify(Connection connection, JsonNode identify) {
        synchronized (this) {
            lastIdentify = identify;
            identifies++;
        }
        if ((identify.path("intents").asInt() & FakeDiscord.PRIVILEGED_INTENTS) != 0) {
            connection.socket.close(DISALLOWED_INTENTS, "Disallowed intent(s).");
            return;
        }
        Session session = new Session(UUID.randomUUID().toString().replace("-", ""));
        synchronized (this) {
            sessions.put(session.id, session);
        }
        connection.session = session;
        synchronized (stream) {
            connection.dispatch(
                    "READY",
                    state.payloads().ready(session.id, url(), state.guilds().values()));
            for (FakeGuild guild : state.guilds().values()) {
                connection.dispatch("GUILD_CREATE", state.payloads().guildCreate(guild));
            }
            markReady(connection);
        }
    }

    private void resume(Connection connection, JsonNode resume) {
        Session session;
        synchronized (this) {
            session = sessions.get(resume.path("session_id").asText());
        }
        if (session == null) {
            connection.send(JSON.createObjectNode().put("op", INVALID_SESSION).put("d", false));
            return;
        }
        connection.session = session;
        connection.dispatch("RESUMED", JSON.createObjectNode());
        synchronized (this) {
            // A session lives on one connection: the one it left gets no more dispatches.
            ready.removeIf(other -> other.session == session);
            resumes++;
            markReady(connection);
        }
    }

    private synchronized void markReady(Connection connection) {
        ready.add(connection);
        notifyAll();
    }

    /**
     * Sends a dispatch to every ready session, in order with everything sent before it; fails when no session is
     * ready, as an injected event would go nowhere.
     */
    void dispatch(String type, JsonNode data) {
        synchronized (stream) {
            List<Connection> targets = readyConnections();
            if (targets.isEmpty()) {
                throw new IllegalStateException("No bot session is ready on the fake gateway; call awaitReady first");
            }
            targets.forEach(connection -> connection.dispatch(type, data));
        }
    }

    /**
     * Sends a dispatch about a change to the guilds to every ready session, if there is any: the change happens
     * whether or not a bot is connected, and a later session sees it in its GUILD_CREATE.
     */
    void broadcast(String type, JsonNode data) {
        synchronized (stream) {
            readyConnections().forEach(connection -> connection.dispatch(type, data));
        }
    }

    private synchronized List<Connection> readyConnections() {
        return ready.stream().filter(connection -> connection.socket.isOpen()).toList();
    }

    synchronized void awaitReady(Duration timeout) {
        if (!Waits.until(this, () -> !ready.isEmpty(), timeout)) {
            throw new AssertionError("No bot session became ready on the fake gateway within " + timeout
                    + "; identifies seen: " + identifies + ", last IDENTIFY: " + redacted(lastIdentify));
        }
    }

    /** Asks every ready session to reconnect (op 7), as Discord does when it moves a session; clients resume. */
    void requestReconnect() {
        List<Connection> open;
        synchronized (this) {
            open = List.copyOf(ready);
            ready.clear();
        }
        open.forEach(connection ->
                connection.send(JSON.createObjectNode().put("op", RECONNECT).putNull("d")));
    }

    synchronized JsonNode lastIdentify() {
        return lastIdentify;
    }

    synchronized int identifies() {
        return identifies;
    }

    synchronized int resumes() {
        return resumes;
    }

    synchronized List<JsonNode> received() {
        return List.copyOf(received);
    }

    synchronized List<String> connectQueries() {
        return List.copyOf(connectQueries);
    }

    private static JsonNode redacted(JsonNode identify) {
        if (identify == null || !identify.isObject()) {
            return identify;
        }
        ObjectNode copy = ((ObjectNode) identify).deepCopy();
        copy.put("token", "<redacted>");
        return copy;
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }
}
