package dev.workshopbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JMH's JSON results and run log and prints the figures the issue asks for, each against its target.
 * Exits 1 when a benchmark the log shows starting has no result, e.g. its fork died of OutOfMemoryError.
 */
public final class Report {

    private static final String HANDLERS = "dev.workshopbot.bench.HandlerBenchmark.";
    private static final String INDEX = "dev.workshopbot.bench.IndexBuildBenchmark.";
    private static final String HEAP = "dev.workshopbot.bench.HeapBenchmark.serveEverything";
    private static final List<String> CONTENT = List.of(Workshops.SHIPPED, Workshops.GENERATED);
    private static final double INDEX_RATIO_TARGET = 2.0;
    private static final String HEAP_LINE = "heap: content=";

    /** What a row measures and its p99 target in microseconds. */
    private record Target(String label, double p99Micros) {
    }

    private static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("section", new Target("/section (middle section)", 2_000));
        TARGETS.put("sections", new Target("/sections", 2_000));
        TARGETS.put("quote", new Target("/quote", 2_000));
        TARGETS.put("readingLists", new Target("/reading-list", 2_000));
        TARGETS.put("readingList", new Target("/reading-list list:(middle list)", 2_000));
        TARGETS.put("searchTypo", new Target("/search \"" + Bot.SEARCH_TYPO + "\"", 10_000));
        TARGETS.put("searchTwoWords", new Target("/search \"" + Bot.SEARCH_WORDS + "\"", 10_000));
        TARGETS.put("help", new Target("/help", 2_000));
        TARGETS.put("about", new Target("/about", 2_000));
        TARGETS.put("autocompleteSection", new Target("autocomplete /section \"" + Bot.AUTOCOMPLETE_INPUT + "\"",
                1_000));
        TARGETS.put("pressFullText", new Target("button Full text", 2_000));
    }

    private final Map<String, JsonNode> results = new LinkedHashMap<>();

    private Report(JsonNode all) {
        for (JsonNode result : all) {
            results.put(result.get("benchmark").asText() + "|" + result.path("params").path("content").asText(),
                    result);
        }
    }

    /** {@code Report <results.json> [run log]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Report <jmh results.json> [jmh run log with heap: lines]");
            System.exit(2);
        }
        JsonNode all = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Report report = new Report(all);
        List<String> log = args.length == 2 ? Files.readAllLines(Path.of(args[1])) : List.of();
        System.out.println();
        System.out.println("==== workshop-bot benchmark summary ====");
        report.handlers();
        report.index();
        report.heap(log);
        List<String> failed = new ArrayList<>(LiveReport.print(all, log));
        failed.addAll(report.startedWithoutResult(log));
        if (!failed.isEmpty()) {
            System.out.println();
            System.out.println("FAILED (started, no result; see the log above): " + failed);
            System.exit(1);
        }
    }

    /** Runs the log shows starting ({@code # Benchmark:} then {@code # Parameters:}) that left no result. */
    private List<String> startedWithoutResult(List<String> log) {
        List<String> failed = new ArrayList<>();
        String benchmark = null;
        for (String line : log) {
            if (line.startsWith("# Benchmark: ")) {
                benchmark = line.substring("# Benchmark: ".length()).strip();
            } else if (line.startsWith("# Parameters: (content = ") && benchmark != null) {
                String content = line.substring("# Parameters: (content = ".length()).replace(")", "").strip();
                if (!results.containsKey(benchmark + "|" + content)) {
                    failed.add(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1)
                            + " [" + content + "]");
                }
                benchmark = null;
            }
        }
        return failed;
    }

    private void handlers() {
        System.out.println();
        System.out.println("Handler latency (SampleTime; p99 target in brackets)");
        System.out.printf(Locale.ROOT, "%-40s %-15s %10s %10s  %s%n", "request", "content", "p50", "p99", "target");
        TARGETS.forEach((method, target) -> {
            for (String content : CONTENT) {
                Optional<JsonNode> result = result(HANDLERS + method, content);
                if (result.isEmpty()) {
                    continue;
                }
                JsonNode percentiles = result.get().path("primaryMetric").path("scorePercentiles");
                double p50 = micros(result.get(), percentiles.path("50.0").asDouble());
                double p99 = micros(result.get(), percentiles.path("99.0").asDouble());
                System.out.printf(Locale.ROOT, "%-40s %-15s %10s %10s  [≤ %s] %s%n", target.label(), content,
                        time(p50), time(p99), time(target.p99Micros()), verdict(p99, target.p99Micros()));
            }
        });
    }

    private void index() {
        System.out.println();
        System.out.println("Index build (AverageTime, whole content set; target load+index ≤ "
                + INDEX_RATIO_TARGET + "× bare flexmark parse)");
        for (String content : CONTENT) {
            Optional<JsonNode> build = result(INDEX + "loadAndIndex", content);
            Optional<JsonNode> load = result(INDEX + "loadOnly", content);
            Optional<JsonNode> bare = result(INDEX + "bareParse", content);
            if (build.isEmpty() || bare.isEmpty()) {
                continue;
            }
            double buildMs = millis(build.get());
            double bareMs = millis(bare.get());
            double ratio = buildMs / bareMs;
            System.out.printf(Locale.ROOT, "%-15s load+index %9.1f ms   load only %9s   bare parse %9.1f ms"
                            + "   ratio %.2f×  %s%n", content, buildMs,
                    load.map(r -> String.format(Locale.ROOT, "%.1f ms", millis(r))).orElse("-"), bareMs, ratio,
                    verdict(ratio, INDEX_RATIO_TARGET));
        }
    }

    private void heap(List<String> log) {
        System.out.println();
        System.out.println("Heap (" + HeapBenchmark.MAX_HEAP_MIB + " MiB fork; build and serve every command)");
        for (String content : CONTENT) {
            Optional<JsonNode> served = result(HEAP, content);
            served.ifPresent(r -> System.out.printf(Locale.ROOT,
                    "%-15s served every command within -Xmx%dm: ok (%.1f ms for all of them)%n", content,
                    HeapBenchmark.MAX_HEAP_MIB, millis(r)));
        }
        // JMH prints a fork's output after the iteration prefix, so the line is found by its marker.
        log.stream().filter(line -> line.contains(HEAP_LINE)).map(line -> line.substring(line.indexOf(HEAP_LINE)))
                .forEach(System.out::println);
    }

    private Optional<JsonNode> result(String benchmark, String content) {
        return Optional.ofNullable(results.get(benchmark + "|" + content));
    }

    private static double micros(JsonNode result, double value) {
        return value * perMicro(result.path("primaryMetric").path("scoreUnit").asText());
    }

    private static double millis(JsonNode result) {
        return micros(result, result.path("primaryMetric").path("score").asDouble()) / 1000;
    }

    private static double perMicro(String unit) {
        return switch (unit) {
            case "ns/op" -> 0.001;
            case "us/op" -> 1;
            case "ms/op" -> 1000;
            case "s/op" -> 1_000_000;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    private static String time(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private static String verdict(double value, double target) {
        return value <= target ? "ok" : String.format(Locale.ROOT, "MISSED by %.2f×", value / target);
    }
}
