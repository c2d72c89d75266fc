package dev.workshopbot.commands;

import java.util.ArrayList;
import java.util.List;

/** Groups lines into pages of at most {@code maxLines} lines and {@code maxChars} characters each. */
final class Pages {

    private Pages() {}

    static List<String> of(List<String> lines, int maxLines, int maxChars) {
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        int count = 0;
        for (String raw : lines) {
            String line = Fit.cut(raw, maxChars, "");
            if (count > 0 && (count >= maxLines || page.length() + 1 + line.length() > maxChars)) {
                pages.add(page.toString());
                page.setLength(0);
                count = 0;
            }
            if (count > 0) {
                page.append('\n');
            }
            page.append(line);
            count++;
        }
        if (count > 0) {
            pages.add(page.toString());
        }
        return pages;
    }

    /** A requested page number clamped to the pages that exist now. */
    static int clamp(int page, int pages) {
        return Math.max(0, Math.min(page, pages - 1));
    }
}
