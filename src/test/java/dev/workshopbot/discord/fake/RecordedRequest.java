package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;

/**
 * One HTTP request the fake Discord received, as the bot sent it.
 *
 * @param path the route without the API version prefix, e.g. {@code /interactions/1/abc/callback}
 * @param body the parsed JSON body (for multipart requests, the {@code payload_json} part); null when there was none
 * @param interactionId the injected interaction this request answers (callback or webhook), 0 when none
 * @param sinceInjection time from injecting that interaction to receiving this request; null when none
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        String contentType,
        String authorization,
        JsonNode body,
        int status,
        long interactionId,
        Duration sinceInjection) {

    public boolean isCallback() {
        return path.startsWith("/interactions/") && path.endsWith("/callback");
    }

    /** The interaction callback type (4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete). */
    public int callbackType() {
        return body == null ? -1 : body.path("type").asInt(-1);
    }

    /** The {@code data} object of a callback body, or a missing node. */
    public JsonNode data() {
        return body == null ? MissingNode.getInstance() : body.path("data");
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (body == null ? "" : " " + body);
    }
}
