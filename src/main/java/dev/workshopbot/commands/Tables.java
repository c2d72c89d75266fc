package dev.workshopbot.commands;

import dev.workshopbot.content.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table in Discord, which has none: an aligned monospace block when its columns fit a phone's width, else one line
 * per row with each value labelled by its column ("• **Time:** O(n) · **Space:** O(1)").
 */
final class Tables {

    /** The widest monospace line that shows without wrapping in a Discord embed on a phone. */
    static final int MAX_WIDTH = 56;

    private Tables() {}

    static String render(Block table) {
        List<Block> rows = table.children();
        if (rows.isEmpty()) {
            return Markdown.escape(table.plain());
        }
        int columns = rows.stream().mapToInt(row -> row.children().size()).max().orElse(0);
        int[] widths = new int[columns];
        for (Block row : rows) {
            for (int c = 0; c < row.children().size(); c++) {
                widths[c] = Math.max(widths[c], width(cellText(row.children().get(c))));
            }
        }
        int total = 3 * (columns - 1);
        for (int width : widths) {
            total += width;
        }
        return total <= MAX_WIDTH ? monospace(rows, widths) : rowLines(rows);
    }

    private static String monospace(List<Block> rows, int[] widths) {
        List<String> lines = new ArrayList<>();
        for (Block row : rows) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                Block cell = c < row.children().size() ? row.children().get(c) : null;
                cells.add(pad(cell == null ? "" : cellText(cell), widths[c], alignment(cell)));
            }
            lines.add(String.join(" | ", cells).stripTrailing());
            if (isHeader(row)) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(Math.max(1, width)));
                }
                lines.add(String.join("-+-", rule));
            }
        }
        return Markdown.fence(String.join("\n", lines), "");
    }

    /** Each body row as a line of labelled values; links and formatting in cells are kept. */
    private static String rowLines(List<Block> rows) {
        List<String> header = rows.stream()
                .filter(Tables::isHeader)
                .findFirst()
                .map(row -> row.children().stream().map(Block::plain).toList())
                .orElse(List.of());
        List<String> lines = new ArrayList<>();
        for (Block row : rows) {
            if (isHeader(row)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int c = 0; c < row.children().size(); c++) {
                Block cell = row.children().get(c);
                if (cell.plain().isBlank() && cell.spans().isEmpty()) {
                    continue;
                }
                String label = c < header.size() && !header.get(c).isBlank()
                        ? "**" + Markdown.escape(header.get(c)) + ":** "
                        : "";
                values.add(label + Markdown.spans(cell.spans()));
            }
            lines.add("• " + String.join(" · ", values));
        }
        return lines.stream().collect(Collectors.joining("\n"));
    }

    private static boolean isHeader(Block row) {
        return row.attributes().contains("header");
    }

    /** What a cell shows in a monospace block, where links cannot be links: its text, images as their alt text. */
    private static String cellText(Block cell) {
        StringBuilder text = new StringBuilder();
        cell.spans().forEach(span -> text.append(span.text()));
        return text.toString().replace("```", "ʼʼʼ").replace('\n', ' ');
    }

    private static String alignment(Block cell) {
        if (cell == null) {
            return "left";
        }
        return cell.attributes().stream()
                .filter(attribute -> attribute.startsWith("align="))
                .map(attribute -> attribute.substring("align=".length()))
                .findFirst()
                .orElse("left");
    }

    private static String pad(String text, int width, String alignment) {
        int gap = width - width(text);
        return switch (alignment) {
            case "right" -> " ".repeat(gap) + text;
            case "center" -> " ".repeat(gap / 2) + text + " ".repeat(gap - gap / 2);
            default -> text + " ".repeat(gap);
        };
    }

    /** Columns a text takes in a monospace font: one per code point (wide characters are rare in workshop tables). */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
