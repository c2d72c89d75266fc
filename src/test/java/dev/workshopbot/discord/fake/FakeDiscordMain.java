package dev.workshopbot.discord.fake;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a fake Discord on 127.0.0.1 for trying and measuring the real jar by hand: it prints the environment that
 * points the bot at it, then reads commands on standard input: {@code load N} sends N interactions (the reading
 * commands in turn, each answered before the next) and prints {@code loaded N}; end of input stops it.
 */
public final class FakeDiscordMain {

    private static final long USER = 1_400_000_000_000_000_042L;
    private static final List<Map.Entry<String, Map<String, String>>> LOAD = List.of(
            Map.entry("section", Map.of("name", "why-llms-cant-replace-you-yet")),
            Map.entry("search", Map.of("query", "intervew")),
            Map.entry("quote", Map.of()),
            Map.entry("sections", Map.of()),
            Map.entry("reading-list", Map.of()),
            Map.entry("about", Map.of()));

    private FakeDiscordMain() {}

    public static void main(String[] args) throws Exception {
        long guild = 1_400_000_000_000_000_000L;
        try (FakeDiscord fake = FakeDiscord.start(guild)) {
            System.out.println("DISCORD_TOKEN=" + fake.token());
            System.out.println("WORKSHOP_BOT_DISCORD_APIBASEURL=" + fake.restBaseUrl());
            System.out.println("WORKSHOP_BOT_DISCORD_GATEWAYURL=" + fake.gatewayUrl());
            System.out.println("WORKSHOP_BOT_DISCORD_GUILDIDS=[" + guild + "]");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("load ")) {
                    int count = Integer.parseInt(line.substring(5).strip());
                    for (int i = 0; i < count; i++) {
                        Map.Entry<String, Map<String, String>> command = LOAD.get(i % LOAD.size());
                        long id = fake.injectSlashCommand(
                                guild, USER + i % 7, command.getKey(), command.getValue(), List.of());
                        fake.awaitCallback(id, Duration.ofSeconds(10));
                    }
                    System.out.println("loaded " + count);
                    System.out.flush();
                }
            }
        }
    }
}
