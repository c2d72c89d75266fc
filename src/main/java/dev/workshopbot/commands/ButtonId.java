package dev.workshopbot.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A stateless button's custom id: {@code command|version|action|arg...}. The version is the content's short
 * version when the button was made, so a click on an old message can tell the content changed. The last
 * argument may contain {@code |}; everything fits Discord's 100 characters.
 */
public record ButtonId(String command, String version, String action, List<String> args) {

    public static final int MAX_LENGTH = 100;
    private static final String SEPARATOR = "|";
    private static final int VERSION_CHARS = 8;

    public ButtonId {
        args = List.copyOf(args);
    }

    public static ButtonId of(String command, String version, String action, String... args) {
        return new ButtonId(command, version.substring(0, Math.min(VERSION_CHARS, version.length())), action,
                Arrays.asList(args));
    }

    public String encode() {
        List<String> parts = new ArrayList<>(List.of(command, version, action));
        parts.addAll(args);
        String id = String.join(SEPARATOR, parts);
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("button id over " + MAX_LENGTH + " characters: " + id);
        }
        return id;
    }

    /** Parses an id made by {@link #encode}; empty for anything else (a forged or foreign id). */
    public static Optional<ButtonId> parse(String customId, int argCount) {
        if (customId == null || customId.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = customId.split("\\|", 3 + argCount);
        if (parts.length != 3 + argCount) {
            return Optional.empty();
        }
        return Optional.of(new ButtonId(parts[0], parts[1], parts[2],
                Arrays.asList(parts).subList(3, parts.length)));
    }

    /** The command a custom id belongs to, for routing. */
    public static String commandOf(String customId) {
        int end = customId.indexOf(SEPARATOR);
        return end < 0 ? customId : customId.substring(0, end);
    }

    public String arg(int index) {
        return args.get(index);
    }

    /** The integer argument at {@code index}, or {@code fallback} when it is not a number. */
    public int intArg(int index, int fallback) {
        try {
            return Integer.parseInt(args.get(index));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Whether the button was made from the content version {@code current}. */
    public boolean isFrom(String current) {
        return current.startsWith(version);
    }
}
