package dev.workshopbot.content;

/** A block quote with its attribution (either may lack a URL). */
public record Quote(String text, String attribution, String attributionUrl, String page, String section, int line) {}
