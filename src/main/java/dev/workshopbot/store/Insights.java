package dev.workshopbot.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the group asks and opens, kept for organisers without anyone's id or message: a question is recorded as its
 * searchable words. {@link #OFF} records nothing ({@code insights.enabled: false}).
 */
public interface Insights {

    /** Records a question; returns its id, for the feedback buttons, or empty when nothing is recorded. */
    Optional<String> asked(String command, Set<String> terms, int hits, double best, boolean answered);

    /** A "Helpful" or "Not helpful" press on the answer {@code id}; the last press counts. */
    void feedback(String id, boolean helpful);

    /** A section was opened (its key, {@code page/anchor}). */
    void opened(String section);

    /** The report of the last {@code days}, each list at most {@code top} long, most first. */
    Report report(Duration last, int top);

    /** One line of the report: what (a question's words, or a section key) and how often. */
    record Count(String what, long times) {}

    record Report(long questions, List<Count> mostAsked, List<Count> unanswered, List<Count> mostOpened) {}

    Insights OFF = new Insights() {
        @Override
        public Optional<String> asked(String command, Set<String> terms, int hits, double best, boolean answered) {
            return Optional.empty();
        }

        @Override
        public void feedback(String id, boolean helpful) {}

        @Override
        public void opened(String section) {}

        @Override
        public Report report(Duration last, int top) {
            return new Report(0, List.of(), List.of(), List.of());
        }
    };
}
