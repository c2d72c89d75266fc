package dev.workshopbot.config;

import java.util.regex.Pattern;

/** Hides credentials inside text that is about to be shown or logged: URL user-info and password parameters. */
public final class Secrets {

    private static final String MASK = "***";
    // scheme://user:password@host → scheme://***@host (the user name can identify an account too)
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@\\s'\"]+@");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|passwd|pwd|secret|token)=[^&;\\s'\"]*");

    private Secrets() {}

    /** {@code text} with every URL credential and {@code password=} value replaced by {@code ***}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll(MASK + "@");
        return PASSWORD.matcher(masked).replaceAll("$1=" + MASK);
    }
}
