package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The application commands Discord keeps for the bot, globally and per guild, stored the way Discord does: ids stay
 * with a command's name, the version changes only when the definition does.
 */
final class CommandStore {

    /** The scope key of global commands; guild scopes use the guild id. */
    static final long GLOBAL = 0L;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Snowflakes ids;
    private final long applicationId;
    private final Map<Long, Map<String, Stored>> scopes = new HashMap<>();
    private int writes;

    /** A definition as the bot sent it, and the command object Discord answers with. */
    private record Stored(ObjectNode definition, ObjectNode command) {}

    /** The result of creating one command: Discord answers 201 for a new name and 200 when it replaced one. */
    record Upsert(ObjectNode command, boolean created) {}

    CommandStore(Snowflakes ids, long applicationId) {
        this.ids = ids;
        this.applicationId = applicationId;
    }

    synchronized void countWrite() {
        writes++;
    }

    synchronized int writes() {
        return writes;
    }

    synchronized ArrayNode list(long scope) {
        ArrayNode commands = JSON.arrayNode();
        scope(scope).values().forEach(stored -> commands.add(stored.command().deepCopy()));
        return commands;
    }

    /** Bulk overwrite: the given definitions become the whole scope; commands not named are deleted. */
    synchronized ArrayNode overwrite(long scope, JsonNode definitions) {
        Map<String, Stored> previous = scope(scope);
        Map<String, Stored> next = new LinkedHashMap<>();
        for (JsonNode definition : definitions) {
            ObjectNode copy = ((ObjectNode) definition).deepCopy();
            next.put(key(copy), store(scope, previous.get(key(copy)), copy));
        }
        scopes.put(scope, next);
        return list(scope);
    }

    synchronized Upsert upsert(long scope, JsonNode definition) {
        ObjectNode copy = ((ObjectNode) definition).deepCopy();
        Stored old = scope(scope).get(key(copy));
        Stored stored = store(scope, old, copy);
        scope(scope).put(key(copy), stored);
        return new Upsert(stored.command().deepCopy(), old == null);
    }

    synchronized Optional<ObjectNode> get(long scope, long commandId) {
        return find(scope, commandId).map(stored -> stored.command().deepCopy());
    }

    synchronized Optional<ObjectNode> edit(long scope, long commandId, JsonNode patch) {
        Optional<Stored> found = find(scope, commandId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Stored old = found.get();
        ObjectNode definition = old.definition().deepCopy();
        definition.setAll((ObjectNode) patch);
        scope(scope).remove(key(old.definition()));
        Stored stored = store(scope, old, definition);
        scope(scope).put(key(definition), stored);
        return Optional.of(stored.command().deepCopy());
    }

    synchronized boolean delete(long scope, long commandId) {
        return find(scope, commandId)
                .map(stored -> scope(scope).remove(key(stored.definition())) != null)
                .orElse(false);
    }

    /** The command an interaction in this guild refers to by name: a guild command wins over a global one. */
    synchronized Optional<ObjectNode> resolve(long guildId, String name) {
        for (long scope : new long[] {guildId, GLOBAL}) {
            for (Stored stored : scope(scope).values()) {
                if (stored.command().path("name").asText().equals(name)
                        && stored.command().path("type").asInt() == 1) {
                    return Optional.of(stored.command().deepCopy());
                }
            }
        }
        return Optional.empty();
    }

    private Stored store(long scope, Stored old, ObjectNode definition) {
        if (old != null && old.definition().equals(definition)) {
            return old;
        }
        ObjectNode command = JSON.objectNode();
        command.put(
                "id",
                old == null
                        ? Long.toUnsignedString(ids.next())
                        : old.command().path("id").asText());
        command.put("application_id", Long.toUnsignedString(applicationId));
        command.put("version", Long.toUnsignedString(ids.next()));
        if (scope != GLOBAL) {
            command.put("guild_id", Long.toUnsignedString(scope));
        }
        command.put("type", 1);
        command.put("description", "");
        command.putNull("default_member_permissions");
        command.put("nsfw", false);
        command.set("integration_types", JSON.arrayNode().add(0));
        command.putNull("contexts");
        command.setAll(definition);
        return new Stored(definition, command);
    }

    private Optional<Stored> find(long scope, long commandId) {
        String id = Long.toUnsignedString(commandId);
        return scope(scope).values().stream()
                .filter(stored -> stored.command().path("id").asText().equals(id))
                .findFirst();
    }

    private Map<String, Stored> scope(long scope) {
        return scopes.computeIfAbsent(scope, any -> new LinkedHashMap<>());
    }

    private static String key(JsonNode definition) {
        return definition.path("type").asInt(1) + ":" + definition.path("name").asText();
    }
}
