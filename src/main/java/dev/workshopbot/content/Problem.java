package dev.workshopbot.content;

/** One finding about the content, reported as {@code path:line: error|warning: message}. */
public record Problem(String path, int line, Severity severity, String message) {

    /** How bad a problem is: errors stop a reload, warnings never do. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public static Problem error(String path, int line, String message) {
        return new Problem(path, line, Severity.ERROR, message);
    }

    public static Problem warning(String path, int line, String message) {
        return new Problem(path, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return path + ":" + line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
