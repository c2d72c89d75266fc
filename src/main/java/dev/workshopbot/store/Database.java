package dev.workshopbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The state database: SQLite by default, PostgreSQL by JDBC URL; the schema is Flyway's migrations. */
public final class Database {

    private final DataSource dataSource;

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens {@code url} (creating a SQLite file's folder) and migrates the schema to the newest version. */
    public static Database open(String url) {
        DataSource dataSource;
        if (url.startsWith("jdbc:sqlite:")) {
            createFolderOf(url.substring("jdbc:sqlite:".length()));
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setBusyTimeout(5_000);
            config.enforceForeignKeys(true);
            SQLiteDataSource sqlite = new SQLiteDataSource(config);
            sqlite.setUrl(url);
            dataSource = sqlite;
        } else if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            dataSource = postgres;
        } else {
            throw new IllegalArgumentException("storage.url: '" + url + "' is neither jdbc:sqlite: nor jdbc:postgresql:");
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new Database(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private static void createFolderOf(String file) {
        String path = file.contains("?") ? file.substring(0, file.indexOf('?')) : file;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("storage.url: cannot create the folder " + parent + ": " + e.getMessage(), e);
        }
    }
}
