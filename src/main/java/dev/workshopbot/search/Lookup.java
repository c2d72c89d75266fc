package dev.workshopbot.search;

import java.util.List;

/**
 * What a name a member typed (without picking a suggestion) means: exactly one thing, several close things, or
 * nothing, with the names closest to it to offer instead.
 */
public sealed interface Lookup<T> {

    /** The one thing the name means. */
    record Found<T>(T value) implements Lookup<T> {}

    /** Several things are as close as each other: the member should pick one of {@code candidates}. */
    record Ambiguous<T>(List<String> candidates) implements Lookup<T> {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** Nothing is close enough; {@code suggestions} (maybe none) are the nearest names. */
    record Missing<T>(List<String> suggestions) implements Lookup<T> {
        public Missing {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** The names to offer a member whose name did not find one thing: the candidates, or the suggestions. */
    default List<String> alternatives() {
        if (this instanceof Ambiguous<T> ambiguous) {
            return ambiguous.candidates();
        }
        return this instanceof Missing<T> missing ? missing.suggestions() : List.of();
    }
}
