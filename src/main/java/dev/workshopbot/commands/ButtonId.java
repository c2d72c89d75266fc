package dev.workshopbot.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
        return new ButtonId(
                command, version.substring(0, Math.min(VERSION_CHARS, version.length())), action, Arrays.asList(args));
    }

    /**
     * The id Discord gets. Echoed text in the last argument is cut to fit: Discord counts an id's length in
     * UTF-16 units (an emoji is two), so the cut is made in those units, never inside a surrogate pair.
     */
    public String encode() {
        List<String> parts = new ArrayList<>(List.of(command, version, action));
        parts.addAll(args);
        String id = String.join(SEPARATOR, parts);
        if (id.length() > MAX_LENGTH && !args.isEmpty()) {
            String last = args.get(args.size() - 1);
            int keep = last.length() - (id.length() - MAX_LENGTH);
            if (keep >= 0) {
                if (keep > 0 && Character.isHighSurrogate(last.charAt(keep - 1))) {
                    keep--;
                }
                id = id.substring(0, id.length() - last.length()) + last.substring(0, keep);
            }
        }
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
        return Optional.of(
                new ButtonId(parts[0], parts[1], parts[2], Arrays.asList(parts).subList(3, parts.length)));
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

    /**
     * The argument at {@code index} as an index into something of {@code size} elements; empty when it is not a
     * number or out of range (a forged id, or one from content that had more).
     */
    public OptionalInt indexArg(int index, int size) {
        try {
            int value = Integer.parseInt(args.get(index));
            return value >= 0 && value < size ? OptionalInt.of(value) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether the button was made from the content version {@code current}. */
    public boolean isFrom(String current) {
        return current.startsWith(version);
    }
}
