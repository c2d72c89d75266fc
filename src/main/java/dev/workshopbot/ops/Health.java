package dev.workshopbot.ops;

import dev.workshopbot.content.Library;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What {@code /health} reports: the first reason the bot is not serving, from checks asked in order. */
public final class Health {

    private Health() {}

    /** The first problem any of {@code checks} reports, asked in order; empty when none has one. */
    public static Supplier<Optional<String>> firstProblem(List<Supplier<Optional<String>>> checks) {
        return () ->
                checks.stream().map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    /** A library with no pages cannot answer anything. */
    public static Optional<String> content(Library library) {
        return library.pages().isEmpty()
                ? Optional.of("no content loaded (" + library.errorCount() + " errors; run validate)")
                : Optional.empty();
    }
}
