package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.LibraryDiff;
import dev.workshopbot.discord.ModLog;
import dev.workshopbot.reload.ContentReloader;
import dev.workshopbot.search.Suggester;
import dev.workshopbot.store.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** /reload and its rules, on real files and a real SQLite database. */
@Timeout(60)
class ReloadTest {

    private static final Caller MODERATOR = new Caller(7, 1, true);
    private static final Caller MEMBER = new Caller(8, 1, false);

    @TempDir
    Path dir;

    private Path content;
    private App.Services services;
    private final List<String> modLog = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        write("a.md", """
                ---
                title: Alpha
                nav_order: 1
                ---
                # Alpha

                Intro with [a link](https://a.example) and [another](https://b.example).

                ## Kept

                Kept text.

                ## Edited

                Old words here.

                > Old quote.
                > — [Ada](https://ada.example)

                ## Removed

                Going away.
                """);
        BotConfig config = BotConfig.load(
                dir.resolve("none.yml"), Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("bot.db")));
        ContentLoader loader = new ContentLoader("https://x.example");
        services = App.assemble(config, content, loader, loader.load(content), Clock.systemUTC());
        services.reloader().addListener((who, result) -> modLog.add(ModLog.line(who, result)));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(content.resolve(name), text);
    }

    private Reply ask(String command, Map<String, String> options, Caller caller) {
        return services.registry().handle(new Invocation(command, null, options, caller));
    }

    private static String text(Reply reply) {
        StringBuilder out = new StringBuilder(reply.message().getContent());
        reply.message().getEmbeds().forEach(embed -> {
            out.append(embed.getTitle())
                    .append('\n')
                    .append(embed.getDescription())
                    .append('\n');
            embed.getFields()
                    .forEach(field -> out.append(field.getName())
                            .append(": ")
                            .append(field.getValue())
                            .append('\n'));
        });
        return out.toString();
    }

    @Test
    void brokenContent_keepsServingTheOldSnapshot_andListsEachProblemWithFileAndLine() throws IOException {
        String before = services.content().get().library().version();
        Files.write(content.resolve("latin.md"), "# T\n\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("yaml.md", "---\ntitle: [oops\n---\n# Y\n");
        write("reading-plan.yml", "- sections: [missing-section]\n");
        write("open.md", "---\ntitle: Never closed\n\n# Heading\n");
        Path outside = Files.writeString(dir.resolve("outside.md"), "# Outside\n\nSecret.\n");
        Files.createSymbolicLink(content.resolve("escape.md"), outside);
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        Files.write(content.resolve("huge.md"), huge);
        Reply reply = ask("reload", Map.of(), MODERATOR);
        String shown = text(reply);
        assertTrue(reply.ephemeral());
        assertTrue(shown.contains("Reload refused: still serving the old content"), shown);
        assertTrue(shown.contains("latin.md:3: error: not UTF-8"), shown);
        assertTrue(shown.contains("yaml.md:2: error: malformed front matter"), shown);
        assertTrue(shown.contains("reading-plan.yml:1: error: no section 'missing-section'"), shown);
        assertTrue(shown.contains("open.md:1: error: malformed front matter"), shown);
        assertTrue(shown.contains("escape.md:1: error: refused: symlink points outside"), shown);
        assertTrue(shown.contains("huge.md:1: error: file is 5120 KiB"), shown);
        assertEquals(before, services.content().get().library().version());
        assertTrue(text(ask("section", Map.of("name", "edited"), MEMBER)).contains("Old words here."));
        assertEquals(List.of(), services.dailyStore().allSettings(), "no daily state changed");
    }

    @Test
    void goodEdit_reportsTheExactDiff_andSearchAndAutocompleteSeeItAtOnce() throws IOException {
        // GIVEN answers cached from the old content
        assertEquals(1, services.content().get().search().search("words", 5).size());
        List<Suggester.Entry> oldChoices = services.registry().autocomplete("section", "name", "re");
        assertTrue(oldChoices.stream().anyMatch(choice -> choice.value().equals("removed")));
        // WHEN a moderator edits a section and its quote, removes a section and a link, and adds a section with a link
        write("a.md", """
                ---
                title: Alpha
                nav_order: 1
                ---
                # Alpha

                Intro with [a link](https://a.example).

                ## Kept

                Kept text.

                ## Edited

                New phrasing entirely.

                > New quote.
                > — [Ada](https://ada.example)

                ## Recent

                Fresh [reading](https://c.example).
                """);
        ContentReloader.Result result =
                services.reloader().reload(new ContentReloader.Requester(1, 7, ContentReloader.Door.SLASH));
        // THEN the diff names exactly what changed
        assertEquals(ContentReloader.Result.Outcome.SWAPPED, result.outcome());
        LibraryDiff diff = result.diff();
        assertEquals(
                new LibraryDiff.Change(List.of(), List.of(), List.of("a.md")).toString(),
                diff.pages().toString());
        assertEquals(List.of("recent"), diff.sections().added());
        assertEquals(List.of("removed"), diff.sections().removed());
        assertEquals(List.of("alpha", "edited"), diff.sections().changed(), "alpha lost a link, edited got new text");
        assertEquals(List.of("a.md#https://c.example"), diff.links().added());
        assertEquals(List.of("a.md#https://b.example"), diff.links().removed());
        assertEquals(List.of("a.md#edited"), diff.quotes().changed());
        assertTrue(diff.readingLists().isEmpty());
        // AND the next search and autocomplete answer from the new content
        assertTrue(services.content().get().search().search("words", 5).isEmpty());
        assertEquals(1, services.content().get().search().search("phrasing", 5).size());
        List<Suggester.Entry> newChoices = services.registry().autocomplete("section", "name", "re");
        assertTrue(newChoices.stream().anyMatch(choice -> choice.value().equals("recent")));
        assertTrue(newChoices.stream().noneMatch(choice -> choice.value().equals("removed")));
        // AND the reload is audited, shown in /about and sent to the mod log
        AuditLog.Entry audited = services.audit().last("reload").orElseThrow();
        assertEquals(7L, audited.userId());
        assertEquals("slash", audited.door());
        assertTrue(text(ask("about", Map.of(), MEMBER)).contains("Last reload"));
        assertEquals(1, modLog.size());
        assertTrue(modLog.get(0).contains("sections +1 -1 ~2, links +1 -1 ~0, quotes +0 -0 ~1"), modLog.get(0));
    }

    @Test
    void concurrentReloads_areSerialised_andAModeratorIsToldOneIsRunning() throws Exception {
        // GIVEN a reload that is stuck in its last step (its listeners are told while it holds the lock)
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        BotConfig config = BotConfig.load(
                dir.resolve("none.yml"), Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("busy.db")));
        ContentLoader loader = new ContentLoader("https://x.example");
        App.Services slow = App.assemble(config, content, loader, loader.load(content), Clock.systemUTC());
        slow.reloader().addListener((who, result) -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<ContentReloader.Result> first = pool.submit(
                () -> slow.reloader().reload(new ContentReloader.Requester(0, 0, ContentReloader.Door.SIGNAL)));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        // WHEN a moderator asks for another reload meanwhile
        Reply busy = slow.registry().handle(new Invocation("reload", null, Map.of(), MODERATOR));
        // THEN they are told one is running, and the first one finishes normally
        assertTrue(text(busy).contains("A reload is already running"), text(busy));
        release.countDown();
        assertEquals(
                ContentReloader.Result.Outcome.UNCHANGED,
                first.get(10, TimeUnit.SECONDS).outcome());
        pool.shutdown();
    }

    @Test
    void reloadWithNoChange_saysSo() {
        assertTrue(text(ask("reload", Map.of(), MODERATOR)).contains("No change"));
    }

    @Test
    void ordinaryMember_isRefusedReloadAndDailySet_andTheRefusalIsAudited() {
        Reply reload = ask("reload", Map.of(), MEMBER);
        assertTrue(reload.ephemeral());
        assertTrue(
                reload.message().getContent().contains("Manage Server"),
                reload.message().getContent());
        Reply daily = services.registry()
                .handle(new Invocation("daily", "set", Map.of("channel", "123", "time", "09:00"), MEMBER));
        assertTrue(daily.message().getContent().startsWith("Only moderators"));
        List<AuditLog.Entry> refused = services.audit().recent(10).stream()
                .filter(entry -> entry.action().equals("refused"))
                .toList();
        assertEquals(
                List.of("/daily set", "/reload"),
                refused.stream().map(AuditLog.Entry::detail).toList());
        assertEquals(List.of(), services.dailyStore().allSettings());
    }

    @Test
    void memberWithAModeratorRole_isAllowed() {
        Reply daily = services.registry()
                .handle(new Invocation(
                        "daily",
                        "set",
                        Map.of("channel", "123", "time", "09:00", "timezone", "Europe/Berlin"),
                        MODERATOR));
        assertTrue(
                daily.message().getContent().startsWith("Daily posts go to <#123> at 09:00 (Europe/Berlin)"),
                daily.message().getContent());
        assertEquals(1, services.dailyStore().allSettings().size());
    }

    @Test
    void readersDuringReloads_neverSeeAnErrorOrAMixOfVersions() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(4);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            results.add(readers.submit(() -> {
                int answered = 0;
                while (!stop.get()) {
                    Reply reply = ask("sections", Map.of(), MEMBER);
                    String footer =
                            reply.message().getEmbeds().get(0).getFooter().getText();
                    assertTrue(footer.matches(".*content [0-9a-f]{12}"), footer);
                    String toc = reply.message().getEmbeds().get(0).getDescription();
                    boolean old = toc.contains("Removed");
                    boolean fresh = toc.contains("Version");
                    assertFalse(old && fresh, "a table of contents mixing two versions: " + toc);
                    answered++;
                }
                return answered;
            }));
        }
        for (int i = 0; i < 20; i++) {
            write(
                    "a.md",
                    (i % 2 == 0
                            ? "# Alpha\n\n## Version " + i + "\n\nText.\n"
                            : "# Alpha\n\n## Removed\n\nText " + i + ".\n"));
            assertEquals(
                    ContentReloader.Result.Outcome.SWAPPED,
                    services.reloader()
                            .reload(new ContentReloader.Requester(0, 0, ContentReloader.Door.CONSOLE))
                            .outcome());
        }
        stop.set(true);
        int answered = 0;
        for (Future<Integer> result : results) {
            answered += result.get(30, TimeUnit.SECONDS);
        }
        readers.shutdown();
        assertTrue(answered > 0);
    }
}
