package dev.workshopbot.discord;

import dev.workshopbot.config.BotConfig;
import java.time.Duration;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDA connection. Slash commands need no gateway intents at all, so none are asked for: no privileged
 * intent to approve, no member or message caches to fill.
 */
public final class DiscordBot {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    private final JDA jda;
    private final Dispatcher dispatcher;

    private DiscordBot(JDA jda, Dispatcher dispatcher) {
        this.jda = jda;
        this.dispatcher = dispatcher;
    }

    /** Logs in with {@code token} at the configured REST and gateway addresses; returns once connected. */
    public static DiscordBot start(String token, BotConfig.Discord config, Dispatcher dispatcher, Object... listeners)
            throws InterruptedException {
        return start(token, config, null, dispatcher, listeners);
    }

    /**
     * As {@link #start(String, BotConfig.Discord, Dispatcher, Object...)}, with JDA's HTTP client built from
     * {@code http} (null for JDA's own): the benchmarks add an interceptor that times each reply's hand-off.
     */
    public static DiscordBot start(String token, BotConfig.Discord config, OkHttpClient.Builder http,
            Dispatcher dispatcher, Object... listeners) throws InterruptedException {
        String gateway = config.gatewayUrl();
        JDA jda = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setHttpClientBuilder(http)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setRestConfig(new RestConfig().setBaseUrl(config.apiBaseUrl())
                        .setRateLimiterFactory(limits -> new PacedRateLimiter(new SequentialRestRateLimiter(limits),
                                new GlobalPacer(GlobalPacer.DISCORD_PER_SECOND), System::nanoTime)))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setEnableShutdownHook(false)
                .addEventListeners(listeners)
                .build();
        jda.awaitReady();
        LOG.info("connected to Discord as {} in {} servers", jda.getSelfUser().getName(), jda.getGuilds().size());
        return new DiscordBot(jda, dispatcher);
    }

    public JDA jda() {
        return jda;
    }

    /** Stops taking interactions, lets those in flight answer, then closes the connection. */
    public void shutdown(Duration grace) throws InterruptedException {
        if (!dispatcher.drain(grace)) {
            LOG.warn("some interactions were still running after {}", grace);
        }
        jda.shutdown();
        if (!jda.awaitShutdown(grace)) {
            LOG.warn("Discord connection did not close within {}; forcing it", grace);
            jda.shutdownNow();
        }
    }
}
