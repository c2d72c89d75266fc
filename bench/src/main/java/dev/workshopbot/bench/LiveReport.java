package dev.workshopbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary of the benchmarks against the fake Discord and of reloads, for {@link Report}: live reply latency and
 * heap (from the forks' {@code live:} and {@code live-heap:} lines), reload time and latency while reloading (from
 * JMH's results), daily posts under the rate limits (from {@code daily:} lines).
 */
final class LiveReport {

    static final double LIVE_P99_TARGET_MS = 20;
    static final double RELOAD_RATIO_TARGET = 2.0;
    static final double DAILY_RATIO_TARGET = 1.2;

    private static final String RELOAD = "dev.workshopbot.bench.ReloadBenchmark.";
    private static final String DAILY = "dev.workshopbot.bench.DailyPostsBenchmark.tick";
    private static final Pattern LIVE = Pattern.compile(
            "live: content=(\\S+) request=(.+) n=(\\d+) p50=([\\d.]+) p99=([\\d.]+) max=([\\d.]+)");
    private static final Pattern DEFERRED = Pattern.compile("live: content=(\\S+) deferred=(\\d+)");
    private static final Pattern DAILY_LINE = Pattern.compile("daily: iteration=measurement .*seconds=([\\d.]+) "
            + "bound=([\\d.]+) ratio=([\\d.]+) 429s=(\\d+) buckets-with-429=(\\d+) 429s-after-first=(\\d+)");

    private final JsonNode results;
    private final List<String> log;

    private LiveReport(JsonNode results, List<String> log) {
        this.results = results;
        this.log = log;
    }

    /** Prints the sections whose benchmarks ran; returns those that started and left no result. */
    static List<String> print(JsonNode results, List<String> log) {
        LiveReport report = new LiveReport(results, log);
        report.live();
        report.reload();
        return report.daily();
    }

    private void live() {
        List<String> rows = marked("live: ");
        List<String> heap = marked("live-heap: ");
        if (rows.isEmpty() && heap.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Live on Discord: inside the bot, from the interaction event to its callback request"
                + " reaching the HTTP client (fake Discord; p99 target ≤ " + (int) LIVE_P99_TARGET_MS + " ms)");
        System.out.printf(Locale.ROOT, "%-32s %-15s %6s %10s %10s %10s%n", "request", "content", "n", "p50", "p99",
                "max");
        for (String row : rows) {
            Matcher live = LIVE.matcher(row);
            Matcher deferred = DEFERRED.matcher(row);
            if (live.matches()) {
                double p99 = Double.parseDouble(live.group(5));
                System.out.printf(Locale.ROOT, "%-32s %-15s %6s %7s ms %7s ms %7s ms  %s%n", live.group(2),
                        live.group(1), live.group(3), live.group(4), live.group(5), live.group(6),
                        verdict(p99, LIVE_P99_TARGET_MS));
            } else if (deferred.matches()) {
                System.out.printf(Locale.ROOT, "%-32s %-15s %s deferred (answered after the 1 s deferral)%n",
                        "callbacks", deferred.group(1), deferred.group(2));
            }
        }
        heap.forEach(System.out::println);
    }

    private void reload() {
        List<String> lines = new ArrayList<>();
        for (String content : List.of(Workshops.SHIPPED, Workshops.GENERATED)) {
            JsonNode changed = result(RELOAD + "changedReload", content);
            JsonNode unchanged = result(RELOAD + "unchangedReload", content);
            if (changed != null || unchanged != null) {
                lines.add(String.format(Locale.ROOT, "%-15s changed (full rebuild) p50 %s mean %s   unchanged p50 %s"
                                + " mean %s", content, percentile(changed, "50.0"), mean(changed),
                        percentile(unchanged, "50.0"), mean(unchanged)));
            }
            for (String request : List.of("section", "search")) {
                JsonNode quiet = result(RELOAD + request + "Quiet", content);
                JsonNode group = result(RELOAD + request + "WhileReloading", content);
                JsonNode busy = group == null ? null : group.path("secondaryMetrics").path(request);
                if (quiet == null || busy == null || busy.isMissingNode()) {
                    continue;
                }
                double quietP99 = micros(quiet.path("primaryMetric"), "99.0");
                double busyP99 = micros(busy, "99.0");
                lines.add(String.format(Locale.ROOT, "%-15s /%-7s p99 quiet %s, while reloading %s: %.2f×  %s",
                        content, request, time(quietP99), time(busyP99), busyP99 / quietP99,
                        verdict(busyP99 / quietP99, RELOAD_RATIO_TARGET)));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Reload (ContentReloader.reload; latency through CommandRegistry.handle while another thread"
                + " reloads in a loop, target ≤ " + RELOAD_RATIO_TARGET + "× the p99 with none)");
        lines.forEach(System.out::println);
    }

    private List<String> daily() {
        List<String> lines = marked("daily: ");
        boolean started = log.stream().anyMatch(line -> line.startsWith("# Benchmark: " + DAILY));
        if (!started) {
            return List.of();
        }
        System.out.println();
        System.out.println("Daily posts: " + DailyPostsBenchmark.GUILDS + " servers due in the same minute, Discord's"
                + " rate limits (target ≤ " + DAILY_RATIO_TARGET + "× the global limit's bound, no 429 after the"
                + " first of each bucket)");
        lines.forEach(System.out::println);
        List<double[]> measured = new ArrayList<>();
        for (String line : lines) {
            Matcher daily = DAILY_LINE.matcher(line);
            if (daily.find()) {
                measured.add(new double[] {Double.parseDouble(daily.group(1)), Double.parseDouble(daily.group(2)),
                        Double.parseDouble(daily.group(3)), Double.parseDouble(daily.group(6))});
            }
        }
        if (!measured.isEmpty()) {
            double ratio = median(measured, 2);
            double overFirst = median(measured, 3);
            System.out.printf(Locale.ROOT, "median of %d: %.1f s against a bound of %.1f s: %.2f× %s; 429s after the"
                            + " first of a bucket: %.0f %s%n", measured.size(), median(measured, 0),
                    median(measured, 1), ratio, verdict(ratio, DAILY_RATIO_TARGET), overFirst,
                    verdict(overFirst, 0));
        }
        return results.findValues("benchmark").stream().anyMatch(name -> name.asText().equals(DAILY))
                ? List.of() : List.of("DailyPostsBenchmark.tick");
    }

    /** The lines the forks printed with {@code marker}, from the marker on (JMH may print them after other text). */
    private List<String> marked(String marker) {
        return log.stream().filter(line -> line.contains(marker))
                .map(line -> line.substring(line.indexOf(marker))).toList();
    }

    private JsonNode result(String benchmark, String content) {
        for (JsonNode result : results) {
            if (result.path("benchmark").asText().equals(benchmark)
                    && result.path("params").path("content").asText().equals(content)) {
                return result;
            }
        }
        return null;
    }

    private static String percentile(JsonNode result, String percentile) {
        return result == null ? "-" : time(micros(result.path("primaryMetric"), percentile));
    }

    private static String mean(JsonNode result) {
        return result == null ? "-" : time(result.path("primaryMetric").path("score").asDouble()
                * perMicro(result.path("primaryMetric").path("scoreUnit").asText()));
    }

    private static double micros(JsonNode metric, String percentile) {
        return metric.path("scorePercentiles").path(percentile).asDouble()
                * perMicro(metric.path("scoreUnit").asText());
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

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String time(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private static String verdict(double value, double target) {
        return value <= target ? "ok" : target == 0 ? "MISSED" : String.format(Locale.ROOT, "MISSED by %.2f×",
                value / target);
    }
}
