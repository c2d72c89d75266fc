package dev.workshopbot.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Link;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.ReadingList;
import dev.workshopbot.content.Section;
import java.util.List;

/** The {@code export} document (SPEC §4): the whole index as JSON. */
public final class ExportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Export(
            String version,
            List<PageJson> pages,
            List<Link> links,
            List<QuoteJson> quotes,
            List<ListJson> readingLists) {}

    record PageJson(String path, String title, Object navOrder, String url, List<SectionJson> sections) {}

    record SectionJson(String id, String title, int level, String parent, int line, String summary, int words) {}

    record QuoteJson(String text, String attribution, String attributionUrl, String page, String section, int line) {}

    record ListJson(String id, String title, String page, String section, List<String> links) {}

    private ExportJson() {}

    public static String of(Library library) {
        Export export = new Export(
                library.version(),
                library.pages().stream().map(ExportJson::page).toList(),
                library.links(),
                library.quotes().stream().map(ExportJson::quote).toList(),
                library.readingLists().stream().map(ExportJson::list).toList());
        try {
            return JSON.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export records always serialise", e);
        }
    }

    private static PageJson page(Page page) {
        return new PageJson(
                page.path(),
                page.title(),
                page.navOrder(),
                page.url(),
                page.sections().stream().map(ExportJson::section).toList());
    }

    private static SectionJson section(Section section) {
        return new SectionJson(
                section.id(),
                section.title(),
                section.level(),
                section.parent(),
                section.line(),
                section.summary(),
                section.words());
    }

    private static QuoteJson quote(Quote quote) {
        return new QuoteJson(
                quote.text(), quote.attribution(), quote.attributionUrl(), quote.page(), quote.section(), quote.line());
    }

    private static ListJson list(ReadingList list) {
        return new ListJson(list.id(), list.title(), list.page(), list.section(), list.links());
    }
}
