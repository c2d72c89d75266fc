package dev.workshopbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite file that disappears under the running bot is reported, never silently replaced by an empty one. */
class DatabaseFileTest {

    @TempDir
    Path dir;

    private static GuildSettings settings(long guild) {
        return new GuildSettings(guild, guild * 10, LocalTime.of(9, 0), ZoneId.of("UTC"), false, null, 0);
    }

    @Test
    void deletedFileWhileRunning_isUnavailable_andNoEmptyFileIsCreated() throws Exception {
        // GIVEN a running bot's database with a server's settings
        Path file = dir.resolve("data/x.db");
        Database database = Database.open("jdbc:sqlite:" + file);
        DailyStore store = new DailyStore(database);
        store.save(settings(1), Instant.parse("2026-06-01T09:00:00Z"));
        assertEquals(Optional.empty(), database.unavailable());

        // WHEN the file is deleted
        Files.delete(file);

        // THEN health says why, a store call fails with that reason, and no new empty file appears
        String reason = database.unavailable().orElseThrow();
        assertTrue(reason.contains("database file " + file + " was deleted"), reason);
        StoreException failure = assertThrows(StoreException.class, () -> store.settings(1));
        assertInstanceOf(DatabaseUnavailableException.class, failure.getCause());
        assertFalse(Files.exists(file), "no empty database was created in place of the deleted one");
    }

    @Test
    void replacedFileWhileRunning_isUnavailable() throws Exception {
        // GIVEN a running bot's database
        Path file = dir.resolve("x.db");
        Database database = Database.open("jdbc:sqlite:" + file);

        // WHEN another file takes its name
        Path other = dir.resolve("other.db");
        Files.copy(file, other);
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // THEN it is reported as replaced
        assertTrue(
                database.unavailable().orElseThrow().contains("was replaced"),
                database.unavailable().toString());
    }

    @Test
    void missingFileWithItsWriteAheadLog_isRefusedAtStartUp() throws Exception {
        // GIVEN a folder where the database was deleted but its write-ahead log stayed
        Path file = dir.resolve("x.db");
        Files.writeString(dir.resolve("x.db-wal"), "");

        // WHEN the bot opens it THEN it refuses, naming the file and the way out, and creates nothing
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> Database.open("jdbc:sqlite:" + file));
        assertTrue(refused.getMessage().contains(file + " is missing but its write-ahead log"), refused.getMessage());
        assertFalse(Files.exists(file));
    }
}
