package dev.workshopbot.search;

/**
 * A paragraph-sized piece of one section: {@code chunk} is its own text, {@link #text()} what is embedded, led by the
 * section's heading path ("Setup › Install the Tools: …") so that a passage knows where it stands; {@code hash}
 * keys its embedding.
 */
public record Passage(int section, String path, String chunk, String hash) {

    public String text() {
        return path + ": " + chunk;
    }
}
