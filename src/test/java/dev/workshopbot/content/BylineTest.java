package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BylineTest {

    private static Span bold(String text) {
        return new Span(text, null, Set.of(Span.Mark.BOLD), "");
    }

    private static Span link(String text) {
        return new Span(text, "https://example.test/" + text);
    }

    @Test
    void aBoldAuthorLabelFollowedByLinks_isAByline() {
        assertTrue(Byline.is(List.of(
                bold("Written by Segun Akinyemi:"),
                Span.plain(" "),
                link("LinkedIn"),
                Span.plain(" • "),
                link("GitHub"),
                Span.plain(" | "),
                link("Email"))));
        assertTrue(Byline.is(List.of(bold("Authors:"), Span.plain(" "), link("Ada"), Span.plain(" and "), link("Bo"))));
        assertTrue(Byline.is(List.of(bold("Organised by Ada Okafor:"), Span.plain(" "), link("GitHub"))));
    }

    @Test
    void proseBetweenTheLinks_aLabelThatNamesNoAuthor_orNoLinkAtAll_isNoByline() {
        assertFalse(Byline.is(
                List.of(bold("Written by Ada:"), Span.plain(" see "), link("GitHub"), Span.plain(" for the code."))));
        assertFalse(Byline.is(List.of(bold("Note:"), Span.plain(" "), link("Setup"))));
        assertFalse(Byline.is(List.of(bold("Written by Ada Okafor"))));
        assertFalse(Byline.is(List.of(Span.plain("Written by "), link("Ada"))), "the label must be bold");
        assertFalse(Byline.is(List.of(bold("By " + "x".repeat(90) + ":"), link("GitHub"))), "a label too long");
    }

    @Test
    void anImageIsNoProfileLink() {
        assertFalse(Byline.is(List.of(
                bold("Made by us:"),
                new Span("🖼 logo", "https://example.test/logo.png", Set.of(Span.Mark.IMAGE), ""))));
    }
}
