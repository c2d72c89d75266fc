package dev.workshopbot.config;

/** A configuration problem, its message naming the file and key. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
