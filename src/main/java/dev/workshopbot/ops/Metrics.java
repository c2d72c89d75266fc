package dev.workshopbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The bot's metrics in Prometheus form: commands and their latency, errors, reloads, daily posts, content, embeddings,
 * JVM.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Gauge> contentInfo = new AtomicReference<>();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
    }

    /** {@code workshopbot_content_version{version="…"} 1}: the content version being served, as a label. */
    public synchronized void contentVersion(String version) {
        Gauge old = contentInfo.get();
        if (old != null) {
            if (old.getId().getTag("version").equals(version)) {
                return;
            }
            registry.remove(old);
        }
        contentInfo.set(Gauge.builder("workshopbot_content_version", () -> 1)
                .description("The content version being served")
                .tag("version", version)
                .register(registry));
    }

    /** One interaction answered: by command and outcome (ok, error, cooldown). */
    public void commandServed(String command, String outcome, Duration latency) {
        Timer.builder("workshopbot_command_latency")
                .description("Time from the interaction event to the answer handed to Discord")
                .tag("command", command)
                .tag("outcome", outcome)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(latency);
        if (outcome.equals("error")) {
            error("command");
        }
    }

    public void error(String kind) {
        Counter.builder("workshopbot_errors")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    public void reload(String result) {
        Counter.builder("workshopbot_reloads")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    public void dailyPost(String result) {
        Counter.builder("workshopbot_daily_posts")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /**
     * The embedding cache at work: {@code workshopbot_passages_embedded_total} (passages the model embedded) and
     * {@code workshopbot_passages_reused_total} (vectors taken from the cache) since start, and
     * {@code workshopbot_search_hybrid} (1 while the served content has its vectors, 0 while keyword search serves).
     */
    public void embeddings(LongSupplier embedded, LongSupplier reused, BooleanSupplier hybrid) {
        FunctionCounter.builder("workshopbot_passages_embedded", embedded, LongSupplier::getAsLong)
                .description("Passages the sentence model embedded since start")
                .register(registry);
        FunctionCounter.builder("workshopbot_passages_reused", reused, LongSupplier::getAsLong)
                .description("Passage vectors taken from the embedding cache since start")
                .register(registry);
        Gauge.builder("workshopbot_search_hybrid", hybrid, on -> on.getAsBoolean() ? 1 : 0)
                .description("1 while /ask and /search use the vectors, 0 while they use keywords only")
                .register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
