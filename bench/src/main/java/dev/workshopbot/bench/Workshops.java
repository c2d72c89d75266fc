package dev.workshopbot.bench;

import dev.workshopbot.WorkshopGenerator;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The content sets every benchmark runs on: the shipped page, and a generated 1,000-page workshop. */
final class Workshops {

    static final String SHIPPED = "shipped";
    static final String GENERATED = "generated-1000";
    static final String SITE = "https://segunakinyemi.com/ai-interview-workshop";

    private static final int GENERATED_PAGES = 1000;

    private Workshops() {
    }

    /**
     * The directory of the named content set. The shipped set is {@code content/} of the working directory
     * (bench/run starts in the repository root); a generated set is written to a new temporary directory
     * that {@link #release} deletes.
     */
    static Path prepare(String name) throws IOException {
        switch (name) {
            case SHIPPED -> {
                Path dir = Path.of("content");
                if (!Files.isDirectory(dir)) {
                    throw new IllegalStateException("no shipped content at " + dir.toAbsolutePath()
                            + ": run the benchmarks from the repository root, as bench/run does");
                }
                return dir;
            }
            case GENERATED -> {
                Path dir = Files.createTempDirectory("workshop-bench-");
                WorkshopGenerator.write(dir, GENERATED_PAGES, WorkshopGenerator.SEED);
                return dir;
            }
            default -> throw new IllegalArgumentException("unknown content set '" + name + "'; use "
                    + SHIPPED + " or " + GENERATED);
        }
    }

    static void release(String name, Path dir) throws IOException {
        if (!name.equals(GENERATED) || dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Loads the content and refuses to measure a workshop that did not load cleanly. */
    static Library load(Path dir) {
        Library library = new ContentLoader(SITE).load(dir);
        if (library.errorCount() > 0 || library.pages().isEmpty()) {
            List<String> errors = library.problems().stream().filter(p -> p.isError()).limit(5)
                    .map(Object::toString).toList();
            throw new IllegalStateException("content at " + dir + " did not load cleanly (pages="
                    + library.pages().size() + "): " + errors);
        }
        return library;
    }

    /** The content's Markdown files in a stable order, as the loader reads them. */
    static List<Path> markdownFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".md") && Files.isRegularFile(file)).sorted()
                    .toList();
        }
    }
}
