package dev.workshopbot.search;

import dev.workshopbot.content.Block;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Section;
import dev.workshopbot.content.Span;
import dev.workshopbot.content.Summarizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Splits a library's sections into passages for embedding: consecutive prose blocks (paragraphs, lists, quotes,
 * table rows, a byline's label) joined up to about {@value #TARGET} characters, a longer block cut at its sentences, each passage led by
 * the section's heading path. Hints, code and images are never passages: a hint is a spoiler, code and images say
 * little a question's words would meet. A section without prose is one passage of its title and summary.
 */
public final class Passages {

    /** About a paragraph: what all-MiniLM-L6-v2 reads well (it truncates at 256 word pieces, about 1,000 chars). */
    static final int TARGET = 600;

    private Passages() {}

    public static List<Passage> of(Library library) {
        List<Passage> out = new ArrayList<>();
        List<Section> sections = library.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            String path = headingPath(library, section);
            List<String> chunks = chunks(section);
            if (chunks.isEmpty()) {
                chunks = List.of(section.summary());
            }
            for (String chunk : chunks) {
                out.add(new Passage(i, path, chunk, hash(path + ": " + chunk)));
            }
        }
        return List.copyOf(out);
    }

    /** "Page › Parent › Section", without the page when the section is the page's own title. */
    static String headingPath(Library library, Section section) {
        List<String> titles = new ArrayList<>();
        Optional<Section> at = Optional.of(section);
        while (at.isPresent()) {
            titles.add(0, at.get().title());
            String parent = at.get().parent();
            at = parent == null ? Optional.empty() : library.section(section.pagePath(), parent);
        }
        String page = library.page(section.pagePath()).map(p -> p.title()).orElse("");
        if (!page.isBlank() && !page.equalsIgnoreCase(titles.get(0))) {
            titles.add(0, page);
        }
        return String.join(" › ", titles);
    }

    private static List<String> chunks(Section section) {
        List<String> out = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (Block block : section.blocks()) {
            for (String piece : pieces(block)) {
                // A byline stands alone: joined to the page's opening paragraph its few words would be lost.
                boolean alone = block.isByline();
                if (chunk.length() > 0 && (alone || chunk.length() + piece.length() + 1 > TARGET)) {
                    out.add(chunk.toString());
                    chunk.setLength(0);
                }
                chunk.append(chunk.length() == 0 ? "" : " ").append(piece);
                if (alone) {
                    out.add(chunk.toString());
                    chunk.setLength(0);
                }
            }
        }
        if (chunk.length() > 0) {
            out.add(chunk.toString());
        }
        return out;
    }

    /**
     * What a block says, as passage pieces: prose as it reads, a table one row a sentence ("Week: 3; Topic: Sliding
     * window."), a byline only its label ("Written by Segun Akinyemi."), which answers "who wrote this?" while its
     * profile links say nothing. Anything else says nothing.
     */
    private static List<String> pieces(Block block) {
        if (block.isByline()) {
            String label = bylineLabel(block);
            return label.isEmpty() ? List.of() : List.of(label);
        }
        return switch (block.kind()) {
            case PARAGRAPH, LIST, QUOTE -> pieces(flat(block.plain()));
            case TABLE -> tableRows(block);
            default -> List.of();
        };
    }

    private static String bylineLabel(Block block) {
        StringBuilder label = new StringBuilder();
        for (Span span : block.spans()) {
            if (span.url() != null) {
                break;
            }
            if (span.has(Span.Mark.BOLD)) {
                label.append(span.text());
            }
        }
        String text = flat(label.toString()).replaceAll("[\\s:：–—-]+$", "");
        return text.isEmpty() ? "" : text + ".";
    }

    private static List<String> tableRows(Block table) {
        List<String> headers = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Block row : table.children()) {
            List<String> cells =
                    row.children().stream().map(cell -> flat(cell.plain())).toList();
            if (row.attributes().contains("header")) {
                headers.addAll(cells);
                continue;
            }
            List<String> said = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).isEmpty()) {
                    continue;
                }
                String header = i < headers.size() ? headers.get(i) : "";
                said.add(header.isEmpty() ? cells.get(i) : header + ": " + cells.get(i));
            }
            if (!said.isEmpty()) {
                out.addAll(pieces(String.join("; ", said) + "."));
            }
        }
        return out;
    }

    private static String flat(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** A block as pieces of at most {@value #TARGET} characters, cut between sentences. */
    private static List<String> pieces(String text) {
        if (text.length() <= TARGET) {
            return text.isEmpty() ? List.of() : List.of(text);
        }
        List<String> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : Summarizer.sentences(text)) {
            if (piece.length() > 0 && piece.length() + sentence.length() > TARGET) {
                out.add(piece.toString().strip());
                piece.setLength(0);
            }
            piece.append(sentence);
        }
        if (piece.length() > 0) {
            out.add(piece.toString().strip());
        }
        return out;
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
