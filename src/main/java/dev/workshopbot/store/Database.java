package dev.workshopbot.store;

import dev.workshopbot.config.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/** The state database: SQLite by default, PostgreSQL by JDBC URL; the schema is Flyway's migrations. */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final FileGuard file;

    private Database(DataSource dataSource, FileGuard file) {
        this.dataSource = dataSource;
        this.file = file;
    }

    /**
     * Opens {@code url} (creating a SQLite file and its folder only when absent, and saying so) and migrates the
     * schema to the newest version. A SQLite file whose write-ahead log is still there was deleted, not never made:
     * that is refused rather than silently replaced by an empty database.
     */
    public static Database open(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return openSqlite(url);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            migrate(postgres);
            return new Database(postgres, null);
        }
        throw new IllegalArgumentException(
                "storage.url: '" + Secrets.mask(url) + "' is neither jdbc:sqlite: nor jdbc:postgresql:");
    }

    private static Database openSqlite(String url) {
        Path path = sqliteFile(url.substring("jdbc:sqlite:".length()));
        if (path != null && !Files.exists(path)) {
            Path wal = Path.of(path + "-wal");
            if (Files.exists(wal)) {
                throw new IllegalStateException("storage.url: the database file " + path + " is missing but its "
                        + "write-ahead log " + wal + " is there, so it was deleted: restore it from a backup, or "
                        + "delete " + wal + " and " + path + "-shm to start with an empty database");
            }
            createFolder(path.toAbsolutePath().getParent());
            LOG.info("creating a new database at {}", path.toAbsolutePath());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource creating = new SQLiteDataSource(config);
        creating.setUrl(url);
        migrate(creating);
        if (path == null) {
            return new Database(creating, null);
        }
        FileGuard guard = new FileGuard(path, fileKey(path));
        // sqlite-jdbc would create an empty file in place of a deleted one on the next connection
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        SQLiteDataSource existing = new SQLiteDataSource(config) {
            @Override
            public SQLiteConnection getConnection(String user, String password) throws SQLException {
                Optional<String> problem = guard.problem();
                if (problem.isPresent()) {
                    throw new DatabaseUnavailableException(problem.get());
                }
                return super.getConnection(user, password);
            }
        };
        existing.setUrl(url);
        return new Database(existing, guard);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Why the database cannot be used, for {@code /health}: a SQLite file deleted, replaced or made read-only since
     * it was opened. Only file metadata is read, so it is cheap enough to ask on every request.
     */
    public Optional<String> unavailable() {
        return file == null ? Optional.empty() : file.problem();
    }

    /** A SQLite file and the identity it had when opened; the first problem found is logged once. */
    private static final class FileGuard {
        private final Path path;
        private final Object key;
        private final AtomicBoolean reported = new AtomicBoolean();

        FileGuard(Path path, Object key) {
            this.path = path;
            this.key = key;
        }

        Optional<String> problem() {
            Optional<String> problem = check();
            if (problem.isPresent() && reported.compareAndSet(false, true)) {
                LOG.error("{}", problem.get());
            } else if (problem.isEmpty()) {
                reported.set(false);
            }
            return problem;
        }

        private Optional<String> check() {
            Object now;
            try {
                now = fileKey(path);
            } catch (IllegalStateException e) {
                return Optional.of("database file " + path + " was deleted while the bot was running; restore it "
                        + "from a backup and restart the bot");
            }
            if (!Objects.equals(now, key)) {
                return Optional.of("database file " + path + " was replaced by another file while the bot was "
                        + "running; restart the bot to use the new one");
            }
            if (!Files.isWritable(path)) {
                return Optional.of("database file " + path + " is read-only; make it writable for the bot's user");
            }
            return Optional.empty();
        }
    }

    /** The file's identity (inode on Unix), or its path and creation time where the file system has none. */
    private static Object fileKey(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("database file " + path + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalStateException("database file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file a SQLite URL names, or null for an in-memory or {@code file:} URI database. */
    private static Path sqliteFile(String file) {
        String path = file.contains("?") ? file.substring(0, file.indexOf('?')) : file;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return null;
        }
        return Path.of(path);
    }

    private static void createFolder(Path parent) {
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "storage.url: cannot create the folder " + parent + ": " + e.getMessage(), e);
        }
    }
}
