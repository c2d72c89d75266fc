package dev.workshopbot.discord;

import dev.workshopbot.config.BotConfig;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
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
    public static DiscordBot start(
            String token,
            BotConfig.Discord config,
            OkHttpClient.Builder http,
            Dispatcher dispatcher,
            Object... listeners)
            throws InterruptedException {
        String gateway = config.gatewayUrl();
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setHttpClientBuilder(http)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setRestConfig(new RestConfig()
                        .setBaseUrl(config.apiBaseUrl())
                        .setRateLimiterFactory(limits -> new PacedRateLimiter(
                                new SequentialRestRateLimiter(limits),
                                new GlobalPacer(GlobalPacer.DISCORD_PER_SECOND),
                                System::nanoTime)))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setEnableShutdownHook(false)
                .addEventListeners(listeners);
        JDA jda;
        try {
            jda = builder.build();
        } catch (RuntimeException e) {
            throw Unreachable.of(config, e).orElseThrow(() -> e);
        }
        jda.awaitReady();
        LOG.info(
                "connected to Discord as {} in {} servers",
                jda.getSelfUser().getName(),
                jda.getGuilds().size());
        return new DiscordBot(jda, dispatcher);
    }

    /** Discord could not be reached at all: the message says where it was looked for and what to check. */
    public static final class Unreachable extends RuntimeException {

        private Unreachable(String message, Throwable cause) {
            super(message, cause);
        }

        /** An {@code Unreachable} when {@code failure} comes from the network (DNS, a refused or cut connection). */
        static Optional<Unreachable> of(BotConfig.Discord config, Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnknownHostException
                        || cause instanceof ConnectException
                        || cause instanceof SocketTimeoutException) {
                    String why = cause instanceof UnknownHostException
                            ? "the host name does not resolve"
                            : cause instanceof ConnectException ? "the connection was refused" : "it did not answer";
                    return Optional.of(new Unreachable(
                            "cannot reach Discord at "
                                    + URI.create(config.apiBaseUrl()).getAuthority() + ": " + why
                                    + "; check the network, and discord.apiBaseUrl and "
                                    + "discord.gatewayUrl if the bot runs behind a proxy",
                            failure));
                }
            }
            return Optional.empty();
        }
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
