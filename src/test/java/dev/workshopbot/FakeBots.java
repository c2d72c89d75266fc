package dev.workshopbot;

import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.fake.FakeDiscord;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;

/** The bot logged in to a test's fake Discord with real JDA, registering its commands in one server. */
final class FakeBots {

    private FakeBots() {}

    /** Connects a bot serving {@code registry}, with cooldowns loose enough that no test meets them. */
    static DiscordBot connect(FakeDiscord fake, long guildId, CommandRegistry registry) throws InterruptedException {
        BotConfig.Discord discord = new BotConfig.Discord(
                Set.of(guildId),
                fake.restBaseUrl(),
                fake.gatewayUrl(),
                Set.of(),
                50,
                Duration.ofSeconds(10),
                OptionalLong.empty());
        Dispatcher dispatcher = new Dispatcher(
                Executors.newFixedThreadPool(2),
                Executors.newScheduledThreadPool(1),
                new Cooldowns(50, Duration.ofSeconds(10), System::nanoTime),
                Duration.ofSeconds(1));
        return App.connect(fake.token(), discord, registry, dispatcher, null);
    }
}
