package dev.workshopbot;

import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.reload.ContentReloader;
import dev.workshopbot.search.SnapshotStore;
import dev.workshopbot.store.DailyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The bot's services exactly as {@link App#assemble} builds them, for the benchmarks, which live in another package.
 * The configuration is the defaults with {@code WORKSHOP_BOT_*} overrides, as the bot reads its environment.
 */
public final class Assembled {

    private final BotConfig config;
    private final App.Services services;

    private Assembled(BotConfig config, App.Services services) {
        this.config = config;
        this.services = services;
    }

    /**
     * Loads {@code contentDir} and builds every service, with no config file: the defaults, {@code env}'s overrides
     * and, unless {@code env} names another, a SQLite database in {@code stateDir}.
     */
    public static Assembled of(Path contentDir, Path stateDir, Map<String, String> env, Clock clock) {
        Map<String, String> variables = new HashMap<>(env);
        variables.putIfAbsent("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + stateDir.resolve("bot.db"));
        BotConfig config = BotConfig.load(stateDir.resolve("no-config-file.yml"), variables);
        ContentLoader loader = ContentLoader.forSite(config.content().siteBaseUrl());
        return new Assembled(config, App.assemble(config, contentDir, loader, loader.load(contentDir), clock));
    }

    public BotConfig config() {
        return config;
    }

    public SnapshotStore content() {
        return services.content();
    }

    public DailyStore dailyStore() {
        return services.dailyStore();
    }

    public DailyRoutine.Settings routine() {
        return services.routine();
    }

    public ContentReloader reloader() {
        return services.reloader();
    }

    public CommandRegistry registry() {
        return services.registry();
    }
}
