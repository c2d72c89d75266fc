package dev.workshopbot.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code reading-plan.yml}: a list of days, each with {@code sections} (ids or titles), optional
 * {@code links} (http or https URLs) and optional {@code prompt}. Every problem carries its line.
 */
final class PlanParser {

    static final String FILE = "reading-plan.yml";
    private static final YAMLFactory YAML = new YAMLFactory();

    private final List<Problem> problems;
    private final Function<String, Section> sections;

    private PlanParser(List<Problem> problems, Function<String, Section> sections) {
        this.problems = problems;
        this.sections = sections;
    }

    /** The plan, or null (with errors added) when the file cannot be used. */
    static ReadingPlan parse(String yaml, Function<String, Section> sections, List<Problem> problems) {
        return new PlanParser(problems, sections).run(yaml);
    }

    private ReadingPlan run(String yaml) {
        int before = errorCount();
        List<ReadingPlan.Day> days = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                error(parser, "a reading plan is a list of days, each starting with '- sections: [...]'");
                return null;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                ReadingPlan.Day day = day(parser);
                if (day != null) {
                    days.add(day);
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            problems.add(Problem.error(
                    FILE,
                    line,
                    "malformed YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse("invalid YAML")));
            return null;
        } catch (IOException e) {
            problems.add(Problem.error(FILE, 1, "cannot be read: " + e.getMessage()));
            return null;
        }
        if (days.isEmpty() && errorCount() == before) {
            problems.add(Problem.error(FILE, 1, "the reading plan has no days"));
        }
        return errorCount() == before ? new ReadingPlan(days, true) : null;
    }

    private ReadingPlan.Day day(JsonParser parser) throws IOException {
        int line = line(parser);
        List<String> keys = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String prompt = null;
        boolean hasSections = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "sections" -> {
                    hasSections = true;
                    for (Map.Entry<String, Integer> value : strings(parser, field)) {
                        Section section = sections.apply(value.getKey());
                        if (section == null) {
                            problems.add(
                                    Problem.error(
                                            FILE,
                                            value.getValue(),
                                            "no section '" + value.getKey()
                                                    + "' in the workshop; use a section id as `validate` or /sections show it"));
                        } else {
                            keys.add(section.key());
                        }
                    }
                }
                case "links" -> {
                    for (Map.Entry<String, Integer> value : strings(parser, field)) {
                        if (value.getKey().matches("https?://\\S+")) {
                            links.add(value.getKey());
                        } else {
                            problems.add(Problem.error(
                                    FILE,
                                    value.getValue(),
                                    "link '" + value.getKey() + "' is not an http or https URL"));
                        }
                    }
                }
                case "prompt" -> {
                    if (!parser.currentToken().isScalarValue()) {
                        error(parser, "prompt must be text");
                        parser.skipChildren();
                    } else {
                        prompt = parser.getText().strip();
                    }
                }
                default -> {
                    error(parser, "unknown key '" + field + "' in a day; a day has sections, links and prompt");
                    parser.skipChildren();
                }
            }
        }
        if (!hasSections) {
            problems.add(Problem.error(FILE, line, "a day needs 'sections: [section-id, ...]'"));
            return null;
        }
        return keys.isEmpty() ? null : new ReadingPlan.Day(keys, links, prompt, line);
    }

    /** A scalar or a list of scalars, each with its line. */
    private List<Map.Entry<String, Integer>> strings(JsonParser parser, String field) throws IOException {
        List<Map.Entry<String, Integer>> values = new ArrayList<>();
        if (parser.currentToken().isScalarValue()) {
            values.add(Map.entry(parser.getText().strip(), line(parser)));
            return values;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            error(parser, field + " must be a list, e.g. " + field + ": [a, b]");
            parser.skipChildren();
            return values;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken().isScalarValue()) {
                values.add(Map.entry(parser.getText().strip(), line(parser)));
            } else {
                error(parser, field + " must list plain values");
                parser.skipChildren();
            }
        }
        return values;
    }

    private void error(JsonParser parser, String message) {
        problems.add(Problem.error(FILE, line(parser), message));
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }
}
