package dev.workshopbot.discord.fake;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a fake Discord on 127.0.0.1 until killed, for trying and measuring the real jar by hand:
 * it prints the environment that points the bot at it.
 */
public final class FakeDiscordMain {

    private FakeDiscordMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long[] guilds = new long[args.length == 0 ? 1 : Integer.parseInt(args[0])];
        for (int i = 0; i < guilds.length; i++) {
            guilds[i] = 1_400_000_000_000_000_000L + i;
        }
        FakeDiscord fake = FakeDiscord.start(guilds);
        System.out.println("DISCORD_TOKEN=" + fake.token());
        System.out.println("WORKSHOP_BOT_DISCORD_APIBASEURL=" + fake.restBaseUrl());
        System.out.println("WORKSHOP_BOT_DISCORD_GATEWAYURL=" + fake.gatewayUrl());
        System.out.println("WORKSHOP_BOT_DISCORD_GUILDIDS=[" + guilds[0] + "]");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
