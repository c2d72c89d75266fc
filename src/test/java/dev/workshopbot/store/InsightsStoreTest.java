package dev.workshopbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.MovableClock;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.InsightsCommand;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.ModeratorGate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsStoreTest {

    @TempDir
    Path temp;

    private final MovableClock clock = new MovableClock("2026-12-01T10:00:00Z");
    private Database database;
    private InsightsStore insights;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + temp.resolve("state.db"));
        insights = new InsightsStore(database, clock, Duration.ofDays(30));
    }

    @Test
    void theReport_countsMostAskedUnansweredAndOpened_overTheLastSevenDays() {
        insights.asked("ask", Set.of("python", "version"), 2, 0.6, true);
        insights.asked("search", Set.of("version", "python"), 3, Double.NaN, true);
        String unhelpful = insights.asked("ask", Set.of("wifi"), 1, 0.4, true).orElseThrow();
        insights.feedback(unhelpful, false);
        insights.asked("ask", Set.of("banana"), 0, 0.1, false);
        insights.opened("setup/install-the-tools");
        insights.opened("setup/install-the-tools");
        insights.opened("faq");
        clock.advance(Duration.ofDays(8).negated());
        insights.asked("ask", Set.of("old"), 1, 0.5, true);
        clock.advance(Duration.ofDays(8));

        Insights.Report report = insights.report(Duration.ofDays(7), 10);
        assertEquals(4, report.questions());
        assertEquals(new Insights.Count("python version", 2), report.mostAsked().get(0));
        assertEquals(List.of(new Insights.Count("banana", 1), new Insights.Count("wifi", 1)), report.unanswered());
        assertEquals(
                List.of(new Insights.Count("setup/install-the-tools", 2), new Insights.Count("faq", 1)),
                report.mostOpened());
    }

    @Test
    void rowsOlderThanTheRetention_arePurged_onTheInjectedClock() throws SQLException {
        insights.asked("ask", Set.of("first"), 1, 0.5, true);
        insights.opened("faq");
        clock.advance(Duration.ofDays(29));
        insights.asked("ask", Set.of("second"), 1, 0.5, true);
        assertEquals(0, insights.purge(), "nothing is 30 days old yet");
        clock.advance(Duration.ofDays(2));
        assertEquals(2, insights.purge(), "the first question and the open are past 30 days");
        assertEquals(List.of("second"), column("SELECT terms FROM asked"));
    }

    @Test
    void noRowHoldsAUserIdOrTheMessageAsTyped() throws SQLException {
        insights.asked("ask", Set.of("python", "instal"), 1, 0.5, true);
        try (Connection connection = database.dataSource().getConnection();
                ResultSet columns = connection.getMetaData().getColumns(null, null, "asked", null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME").toLowerCase();
                assertTrue(!name.contains("user") && !name.contains("guild") && !name.contains("text"), name);
            }
        }
        assertEquals(List.of("instal python"), column("SELECT terms FROM asked"));
    }

    @Test
    void insightsCommand_isRefusedToMembers_onTheCommandAndOnItsRefreshButton() {
        InsightsCommand command = new InsightsCommand(insights, new ModeratorGate(new AuditLog(database), clock));
        Caller member = new Caller(1L, 2L, false);
        Caller moderator = new Caller(1L, 3L, true);
        String refused = command.handle(new Invocation("insights", null, Map.of(), member))
                .toCallback()
                .toString();
        assertTrue(refused.contains("Only moderators can use /insights"), refused);
        assertTrue(command.press("insights|-|refresh", member)
                .toCallback()
                .toString()
                .contains("Only moderators"));
        String shown = command.handle(new Invocation("insights", null, Map.of(), moderator))
                .toCallback()
                .toString();
        assertTrue(shown.contains("Insights · last 7 days"), shown);
        assertTrue(command.press("insights|-|refresh", moderator)
                .toCallback()
                .toString()
                .contains("Most asked"));
    }

    private List<String> column(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        }
    }
}
