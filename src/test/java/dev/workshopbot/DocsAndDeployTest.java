package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.console.Arguments;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README, the shipped config and the Dockerfile say what the code does. */
class DocsAndDeployTest {

    private static Set<String> configKeys() {
        Set<String> keys = new TreeSet<>();
        for (RecordComponent section : BotConfig.class.getRecordComponents()) {
            for (RecordComponent key : section.getType().getRecordComponents()) {
                keys.add(section.getName() + "." + key.getName());
            }
        }
        return keys;
    }

    @Test
    void readmeConfigurationTable_listsExactlyTheKeysThatExist() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Reloading content"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-zA-Z]+\\.[a-zA-Z]+)` \\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(configKeys(), documented);
    }

    @Test
    void shippedConfig_setsEveryKey_andLoadsAsIs() throws IOException {
        JsonNode yaml = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("config/bot.yml").toFile());
        Set<String> present = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> sections = yaml.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            section.getValue().fieldNames().forEachRemaining(key -> present.add(section.getKey() + "." + key));
        }
        assertEquals(configKeys(), present);
        BotConfig config = BotConfig.load(Path.of("config/bot.yml"));
        assertEquals(
                java.util.Optional.of("https://segunakinyemi.com/ai-interview-workshop"),
                config.content().siteBaseUrl());
    }

    @Test
    void dockerfile_buildsInOneStageAndRunsTheJarsRunCommandAsANonRootUser() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        List<String> from =
                lines.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertEquals(2, from.size(), "multi-stage: a Maven build, then a JRE");
        assertTrue(from.get(1).contains("eclipse-temurin:17-jre"), from.get(1));
        String all = String.join("\n", lines);
        assertTrue(all.contains("mvn -B -ntp -q -DskipTests package"), "the jar is built with Maven");
        assertTrue(all.contains("COPY --from=build /src/target/workshop-bot.jar"), "the shaded jar's name");
        assertTrue(all.matches("(?s).*\\nUSER bot\\n.*"), "runs as the non-root user");
        assertTrue(all.contains("VOLUME [\"/app/content\", \"/app/config\", \"/app/data\"]"));
        assertTrue(all.contains("STOPSIGNAL SIGTERM"));
        Matcher port = Pattern.compile("WORKSHOP_BOT_HTTP_PORT=(\\d+)").matcher(all);
        assertTrue(port.find());
        assertTrue(all.contains("http://127.0.0.1:" + port.group(1) + "/health"), "health check on the health port");
        Matcher cmd = Pattern.compile("CMD \\[\"java\", \"-jar\", \"/app/workshop-bot.jar\", \"(\\w+)\"\\]")
                .matcher(all);
        assertTrue(cmd.find(), "the start command");
        assertTrue(Arguments.COMMANDS.contains(cmd.group(1)), cmd.group(1));
        assertEquals("run", cmd.group(1));
    }

    @Test
    void theHealthPathInTheDockerfile_isServedByTheOpsServer() throws Exception {
        List<String> paths = new ArrayList<>();
        String ops = Files.readString(Path.of("src/main/java/dev/workshopbot/ops/OpsServer.java"));
        Matcher context = Pattern.compile("case \"(/\\w+)\" ->").matcher(ops);
        while (context.find()) {
            paths.add(context.group(1));
        }
        assertEquals(List.of("/health", "/metrics"), paths);
    }
}
