package dev.workshopbot.discord.fake;

import java.util.List;

/** A request body that Discord's OpenAPI description rejects, with the validator's messages. */
public record ValidationFailure(String method, String path, String body, List<String> errors) {

    public ValidationFailure {
        errors = List.copyOf(errors);
    }

    @Override
    public String toString() {
        return method + " " + path + " " + body + "\n  " + String.join("\n  ", errors);
    }
}
