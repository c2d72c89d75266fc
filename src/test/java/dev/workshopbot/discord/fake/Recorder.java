package dev.workshopbot.discord.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Everything the bot sent over REST, kept in arrival order, with waits that end at a deadline. */
final class Recorder {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<ValidationFailure> validationFailures = new ArrayList<>();
    private final Set<String> authorizations = new LinkedHashSet<>();

    synchronized void record(RecordedRequest request) {
        requests.add(request);
        if (request.authorization() != null) {
            authorizations.add(request.authorization());
        }
        notifyAll();
    }

    synchronized void validationFailed(ValidationFailure failure) {
        validationFailures.add(failure);
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Requests the fake refused: unknown routes, unknown interactions, double acknowledgements, bad bodies. A 429 is
     * not among them: it is how Discord paces a client, counted per bucket by {@link RateLimits}.
     */
    synchronized List<RecordedRequest> unexpected() {
        return requests.stream()
                .filter(request -> request.status() >= 400 && request.status() != 429)
                .toList();
    }

    synchronized List<ValidationFailure> validationFailures() {
        return List.copyOf(validationFailures);
    }

    synchronized Set<String> authorizations() {
        return Set.copyOf(authorizations);
    }

    /** The first request, old or new, that matches; fails with what did arrive when none does in time. */
    synchronized RecordedRequest await(Predicate<RecordedRequest> wanted, Duration timeout, String description) {
        if (!Waits.until(this, () -> requests.stream().anyMatch(wanted), timeout)) {
            throw new AssertionError("No " + description + " within " + timeout + "; requests received: " + requests);
        }
        return requests.stream().filter(wanted).findFirst().orElseThrow();
    }
}
