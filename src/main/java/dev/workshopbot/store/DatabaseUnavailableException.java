package dev.workshopbot.store;

import java.sql.SQLException;

/** The database file is gone or unusable; the message says why, for the people who must fix it. */
public final class DatabaseUnavailableException extends SQLException {

    public DatabaseUnavailableException(String reason) {
        super(reason);
    }
}
