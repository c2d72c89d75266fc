package dev.workshopbot.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real JDA client against the fake Discord: login, command registration, interactions and their answers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeDiscordTest {

    private static final long GUILD = 1_200_000_000_000_000_001L;
    private static final long USER = 1_200_000_000_000_000_042L;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long EPHEMERAL = 1 << 6;

    private FakeDiscord fake;
    private JDA jda;

    @BeforeEach
    void startFake() {
        fake = FakeDiscord.start(GUILD);
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        try {
            if (jda != null) {
                // A graceful shutdown lets a request the fake already recorded finish instead of being interrupted.
                jda.shutdown();
                if (!jda.awaitShutdown(WAIT)) {
                    jda.shutdownNow();
                    fail("JDA did not shut down within " + WAIT);
                }
            }
        } finally {
            fake.close();
        }
    }

    private JDA login(Compression compression, Object... listeners) throws InterruptedException {
        jda = JDABuilder.createLight(fake.token(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                .setSessionController(fake.sessionController())
                .setCompression(compression)
                .addEventListeners(listeners)
                .build();
        jda.awaitReady();
        return jda;
    }

    private void assertDiscordSawNothingWrong() {
        assertEquals(List.of(), fake.validationErrors(), "bodies Discord's OpenAPI description rejects");
        assertEquals(List.of(), fake.unexpectedRequests(), "requests the fake refused");
    }

    @Test
    void login_withZlibStream_streamsTheGuildAndIdentifiesWithoutPrivilegedIntents() throws InterruptedException {
        // GIVEN a fake Discord with one guild
        // WHEN a light JDA client logs in with JDA's default compression
        login(Compression.ZLIB);

        // THEN the guild, its text channel and the bot's own member are cached, from compressed gateway frames
        Guild guild = jda.getGuildById(GUILD);
        assertNotNull(guild, "guild from GUILD_CREATE");
        assertNotNull(guild.getTextChannelById(fake.textChannelId(GUILD)), "text channel from GUILD_CREATE");
        assertEquals(fake.botUserId(), guild.getSelfMember().getIdLong());
        assertEquals(fake.applicationId(), jda.getSelfUser().getApplicationIdLong());
        assertTrue(
                fake.gatewayConnectQueries().get(0).contains("compress=zlib-stream"),
                fake.gatewayConnectQueries().toString());
        // AND the bot asked for no privileged intent and logged in with its token
        assertEquals(0, fake.identify().path("intents").asInt() & FakeDiscord.PRIVILEGED_INTENTS);
        assertEquals(Set.of("Bot " + fake.token()), fake.authorizations());
        assertDiscordSawNothingWrong();
    }

    @Test
    void login_withoutCompression_isServedPlainJsonText() throws InterruptedException {
        // GIVEN a fake Discord
        // WHEN JDA logs in asking for no gateway compression
        login(Compression.NONE);

        // THEN it connects without a compress parameter and still becomes ready with the guild
        assertFalse(
                fake.gatewayConnectQueries().get(0).contains("compress="),
                fake.gatewayConnectQueries().toString());
        assertNotNull(jda.getGuildById(GUILD));
        assertDiscordSawNothingWrong();
    }

    @Test
    void login_askingForAPrivilegedIntent_isRefusedAsByDiscord() {
        // GIVEN a fake application with no privileged intents enabled
        // WHEN a client identifies with GUILD_MEMBERS
        jda = JDABuilder.createLight(fake.token(), EnumSet.of(GatewayIntent.GUILD_MEMBERS))
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                .setSessionController(fake.sessionController())
                .build();

        // THEN the gateway closes with 4014 and JDA gives up instead of becoming ready
        assertThrows(IllegalStateException.class, () -> jda.awaitReady());
        assertEquals(1 << 1, fake.identify().path("intents").asInt() & FakeDiscord.PRIVILEGED_INTENTS);
    }

    @Test
    void slashCommand_repliedEphemerally_recordsAType4CallbackThatTheSpecAccepts() throws InterruptedException {
        // GIVEN a bot that greets by name, privately, and a /hello command registered globally
        AtomicReference<String> seenName = new AtomicReference<>();
        AtomicReference<Boolean> seenManager = new AtomicReference<>();
        login(Compression.ZLIB, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                seenName.set(event.getOption("name", "nobody", option -> option.getAsString()));
                seenManager.set(event.getMember().hasPermission(Permission.MANAGE_SERVER));
                event.reply("hi").setEphemeral(true).queue();
            }
        });
        jda.updateCommands()
                .addCommands(Commands.slash("hello", "Says hi").addOption(OptionType.STRING, "name", "Who", false))
                .complete();
        assertEquals(1, fake.commandWrites());

        // WHEN a member holding Manage Server runs /hello name:Ada
        long interaction = fake.injectSlashCommand(
                GUILD, USER, "hello", Map.of("name", "Ada"), EnumSet.of(Permission.MANAGE_SERVER));

        // THEN the fake receives one ephemeral type-4 callback with the reply, inside Discord's 3-second window
        RecordedRequest callback = fake.awaitCallback(interaction, WAIT);
        assertEquals(4, callback.callbackType());
        assertEquals("hi", callback.data().path("content").asText());
        assertEquals(EPHEMERAL, callback.data().path("flags").asLong() & EPHEMERAL);
        assertEquals(204, callback.status());
        assertTrue(callback.sinceInjection().compareTo(Duration.ofSeconds(3)) < 0, callback.sinceInjection()::toString);
        // AND JDA saw the option and the member's granted permission
        assertEquals("Ada", seenName.get());
        assertEquals(Boolean.TRUE, seenManager.get());
        assertDiscordSawNothingWrong();
    }

    @Test
    void autocomplete_answeredWithChoices_recordsAType8Callback() throws InterruptedException {
        // GIVEN a bot that suggests pages for what is typed, and /page registered with an autocomplete option
        AtomicReference<String> seenTyped = new AtomicReference<>();
        login(Compression.ZLIB, new ListenerAdapter() {
            @Override
            public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
                seenTyped.set(event.getFocusedOption().getValue());
                event.replyChoices(new Command.Choice("Alpha page", "alpha"), new Command.Choice("Beta page", "beta"))
                        .queue();
            }
        });
        jda.updateCommands()
                .addCommands(Commands.slash("page", "Shows a page")
                        .addOptions(new OptionData(OptionType.STRING, "title", "Page title", true, true)))
                .complete();

        // WHEN a member has typed "al" into the title option
        long interaction = fake.injectAutocomplete(GUILD, USER, "page", "title", "al", Map.of());

        // THEN the fake receives a type-8 callback carrying both choices
        RecordedRequest callback = fake.awaitCallback(interaction, WAIT);
        assertEquals(8, callback.callbackType());
        JsonNode choices = callback.data().path("choices");
        assertEquals(2, choices.size());
        assertEquals("alpha", choices.get(0).path("value").asText());
        assertEquals("al", seenTyped.get());
        assertDiscordSawNothingWrong();
    }

    @Test
    void button_editingItsMessage_recordsAType7Callback() throws InterruptedException {
        // GIVEN a bot that rewrites the message whose button was clicked
        AtomicReference<String> seenLabel = new AtomicReference<>();
        login(Compression.ZLIB, new ListenerAdapter() {
            @Override
            public void onButtonInteraction(ButtonInteractionEvent event) {
                seenLabel.set(event.getButton().getLabel());
                event.editMessage("clicked " + event.getComponentId()).queue();
            }
        });

        // WHEN a member clicks the "next" button on a message of the bot
        long interaction = fake.injectButton(GUILD, USER, "next", null);

        // THEN the fake receives a type-7 callback with the new content
        RecordedRequest callback = fake.awaitCallback(interaction, WAIT);
        assertEquals(7, callback.callbackType());
        assertEquals("clicked next", callback.data().path("content").asText());
        assertEquals("next", seenLabel.get());
        assertDiscordSawNothingWrong();
    }

    @Test
    void deferredReply_thenEditOriginal_isRecordedAsCallbackThenWebhookEdit() throws InterruptedException {
        // GIVEN a bot that defers privately, then edits its original response
        login(Compression.ZLIB, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.deferReply(true)
                        .flatMap(hook -> hook.editOriginal("done"))
                        .queue();
            }
        });
        jda.updateCommands()
                .addCommands(Commands.slash("slow", "Takes a while"))
                .complete();

        // WHEN a member runs /slow
        long interaction = fake.injectSlashCommand(GUILD, USER, "slow", Map.of(), Set.of());

        // THEN a type-5 callback comes first, then a PATCH of @original with the content
        assertEquals(5, fake.awaitCallback(interaction, WAIT).callbackType());
        RecordedRequest edit = fake.awaitFollowUp(interaction, WAIT);
        assertEquals("PATCH", edit.method());
        assertTrue(edit.path().endsWith("/messages/@original"), edit.path());
        assertEquals("done", edit.body().path("content").asText());
        assertEquals(200, edit.status());
        assertDiscordSawNothingWrong();
    }

    @Test
    void replyWithFile_isMultipart_andItsPayloadJsonIsWhatIsRecordedAndChecked() throws InterruptedException {
        // GIVEN a bot that answers /export with a file
        login(Compression.ZLIB, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply("here")
                        .addFiles(FileUpload.fromData("a,b\n".getBytes(StandardCharsets.UTF_8), "x.csv"))
                        .queue();
            }
        });
        jda.updateCommands().addCommands(Commands.slash("export", "Exports")).complete();

        // WHEN a member runs /export
        long interaction = fake.injectSlashCommand(GUILD, USER, "export", Map.of(), Set.of());

        // THEN the callback arrives as multipart, its payload_json parsed as the body, naming the attachment
        RecordedRequest callback = fake.awaitCallback(interaction, WAIT);
        assertTrue(callback.contentType().startsWith("multipart/form-data"), callback.contentType());
        assertEquals("here", callback.data().path("content").asText());
        assertEquals(
                "x.csv",
                callback.data().path("attachments").path(0).path("filename").asText());
        assertDiscordSawNothingWrong();
    }

    @Test
    void commandRegistration_storesLikeDiscord_idsStayAndReadsAreNotWrites() throws InterruptedException {
        // GIVEN a bot that registered /hello in the guild
        login(Compression.ZLIB);
        Guild guild = jda.getGuildById(GUILD);
        Command first = guild.updateCommands()
                .addCommands(Commands.slash("hello", "Says hi"))
                .complete()
                .get(0);

        // WHEN it reads the commands back and then overwrites them with the same definition, then a changed one
        List<Command> read = guild.retrieveCommands().complete();
        Command same = guild.updateCommands()
                .addCommands(Commands.slash("hello", "Says hi"))
                .complete()
                .get(0);
        Command changed = guild.updateCommands()
                .addCommands(Commands.slash("hello", "Says hello"))
                .complete()
                .get(0);

        // THEN reading wrote nothing, the id never changed, and only the changed definition got a new version
        assertEquals(3, fake.commandWrites());
        assertEquals(
                List.of(first.getIdLong()),
                read.stream().map(Command::getIdLong).toList());
        assertEquals(first.getIdLong(), same.getIdLong());
        assertEquals(first.getVersion(), same.getVersion());
        assertEquals(first.getIdLong(), changed.getIdLong());
        assertNotEquals(first.getVersion(), changed.getVersion());
        assertEquals(
                "Says hello",
                fake.storedCommands(GUILD).get(0).path("description").asText());
        assertEquals(List.of(), fake.storedCommands(null));
        assertDiscordSawNothingWrong();
    }

    @Test
    void unservedRoute_isAnswered404AndRecordedAsUnexpected() throws InterruptedException {
        // GIVEN a logged-in client
        login(Compression.ZLIB);

        // WHEN it calls a route the fake does not serve
        ErrorResponseException error = assertThrows(
                ErrorResponseException.class, () -> jda.retrieveUserById(USER).complete());

        // THEN JDA gets a Discord-style 404 and the fake lists the request as unexpected
        assertEquals(404, error.getResponse().code);
        List<RecordedRequest> unexpected = fake.unexpectedRequests();
        assertEquals(1, unexpected.size(), unexpected::toString);
        assertEquals("/users/" + USER, unexpected.get(0).path());
        assertEquals(404, unexpected.get(0).status());
    }

    @Test
    void reconnectRequested_clientResumes_andInteractionsStillArrive() throws InterruptedException {
        // GIVEN a ready bot answering /hello
        login(Compression.ZLIB, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply("still here").queue();
            }
        });
        jda.updateCommands().addCommands(Commands.slash("hello", "Says hi")).complete();

        // WHEN Discord asks the client to reconnect, as it does when moving a session
        fake.requestReconnect();
        eventually(() -> fake.resumeCount() == 1, "the client resumes its session");
        fake.awaitReady(WAIT);

        // THEN the session continues without a new IDENTIFY and interactions are still answered
        long interaction = fake.injectSlashCommand(GUILD, USER, "hello", Map.of(), Set.of());
        assertEquals(
                "still here",
                fake.awaitCallback(interaction, WAIT).data().path("content").asText());
        assertEquals(1, fake.identifyCount());
        assertDiscordSawNothingWrong();
    }

    @Test
    void invalidCallbackBody_isRecordedAsAValidationError() throws Exception {
        // GIVEN a fake Discord
        HttpClient http = HttpClient.newHttpClient();
        String url = fake.restBaseUrl() + "interactions/1/some-token/callback";

        // WHEN a callback arrives whose content is a number, as JSON and as multipart payload_json
        String body = "{\"type\":4,\"data\":{\"content\":5}}";
        http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + body + "\r\n--b--\r\n";
        http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "multipart/form-data; boundary=b")
                        .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        // THEN both are recorded as validation failures naming the bad field
        List<ValidationFailure> failures = fake.validationErrors();
        assertEquals(2, failures.size(), failures::toString);
        for (ValidationFailure failure : failures) {
            assertTrue(failure.errors().stream().anyMatch(error -> error.contains("/data/content")), failure::toString);
        }
    }

    private static void eventually(BooleanSupplier condition, String description) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + description);
            }
            Thread.sleep(20);
        }
    }
}
