package dev.workshopbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.App;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stdout carries only answers, so that it can be piped: run as its own JVM with the shipped logback.xml, because
 * logback binds to the process's real streams at start, which App.run's streams never see.
 */
class LogsOffStdoutTest {

    /** Either log format anywhere in a line (after a prompt, too): the text timestamp and level, or a JSON event. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\S*\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s|\"level\":");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    /** Runs the jar's main class in a new JVM, on the main classes and dependencies only (no logback-test.xml). */
    private Run java(String input, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String config = Path.of("config", "bot.yml").toAbsolutePath().toString();
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", classPath, App.class.getName(), "--config", config));
        command.addAll(List.of(args));
        Path in = Files.writeString(dir.resolve("in.txt"), input);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("bot.db"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the bot did not exit: " + command);
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path content() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("setup.md"), "---\ntitle: Setup\n---\n# Setup\n\nInstall the tools.\n");
        return content;
    }

    private static void assertNoLogLine(Run run) {
        List<String> logged =
                run.out().lines().filter(line -> LOG_LINE.matcher(line).find()).toList();
        assertEquals(List.of(), logged, "log lines on stdout:\n" + run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void askRefusedToAMember_logsItsWarningOnStderr_andStdoutHoldsOnlyTheAnswer(String format) throws Exception {
        // GIVEN the shipped logging config in either format WHEN a member asks for a moderator command
        Run run = java("", Map.of("LOG_FORMAT", format), "--content", content().toString(), "ask", "/reload");
        // THEN the refusal's WARN goes to stderr, and stdout is exactly the answer
        assertEquals(0, run.exit(), run.err());
        assertNoLogLine(run);
        assertTrue(run.err().contains("WARN"), run.err());
        assertTrue(run.out().startsWith("(only you can see this)\nOnly moderators can use /reload"), run.out());
    }

    @Test
    void consoleReloadOfBrokenContent_logsOnStderr_andStdoutHoldsOnlyTheConsole() throws Exception {
        // GIVEN a console on content that breaks WHEN the moderator reloads by both doors
        Path content = content();
        Files.writeString(content.resolve("bad.md"), "---\ntitle: [x\n---\n# A\n");
        Run run = java(
                "reload\n/reload\nquit\n", Map.of(), "--content", content.toString(), "console", "--as", "moderator");
        // THEN the refused reloads are logged on stderr only
        assertEquals(0, run.exit(), run.err());
        assertNoLogLine(run);
        assertTrue(run.err().contains("reload refused"), run.err());
        assertTrue(run.out().contains("bad.md:2: error: malformed front matter"), run.out());
    }

    @Test
    void export_stdoutIsOneJsonDocument() throws Exception {
        // GIVEN a workshop WHEN it is exported with the logs on
        Run run = java("", Map.of(), "--content", content().toString(), "export");
        // THEN stdout parses as the export document, whatever was logged
        assertEquals(0, run.exit(), run.err());
        assertEquals(
                "setup.md",
                new ObjectMapper().readTree(run.out()).at("/pages/0/path").asText(),
                run.out());
    }
}
