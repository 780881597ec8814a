package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.CairnException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kept statements must answer exactly as freshly planned ones would, whatever happened to the catalog since. */
class DuckDbStatementsTest {

    private Connection connection;
    private DuckDbStatements statements;

    @BeforeEach
    void open() throws SQLException {
        DuckDbNativeLibrary.load();
        connection = DriverManager.getConnection("jdbc:duckdb:");
        statements = new DuckDbStatements(connection);
    }

    @AfterEach
    void close() throws SQLException {
        statements.close();
        connection.close();
    }

    @Test
    void aStatementIsPlannedOnceAndReused() throws SQLException {
        PreparedStatement first = statements.take("SELECT 1");
        statements.giveBack("SELECT 1", first);
        assertThat(statements.take("SELECT 1")).isSameAs(first);
    }

    @Test
    void aKeptStatementSeesColumnsAddedAndTablesReplacedSinceItWasPlanned() {
        DuckDbSession session = new DuckDbSession(statements);
        String everything = "SELECT * FROM t";
        session.execute("CREATE TABLE t (a VARCHAR)", List.of());
        session.execute("INSERT INTO t VALUES ('a')", List.of());
        assertThat(session.query(everything, List.of(), row -> row.string(1))).containsExactly("a");

        session.execute("ALTER TABLE t ADD COLUMN b VARCHAR DEFAULT 'b'", List.of());
        assertThat(session.query(everything, List.of(), row -> row.string(2))).containsExactly("b");

        session.execute("DROP TABLE t", List.of());
        assertThatThrownBy(() -> session.query(everything, List.of(), row -> row.string(1)))
                .isInstanceOf(CairnException.class);
        session.execute("CREATE TABLE t (x VARCHAR, y VARCHAR, z VARCHAR)", List.of());
        session.execute("INSERT INTO t VALUES ('x', 'y', 'z')", List.of());
        assertThat(session.query(everything, List.of(), row -> row.string(3))).containsExactly("z");
    }

    @Test
    void theSameStatementRunInsideItsOwnResultLoopGetsItsOwnCopy() {
        DuckDbSession session = new DuckDbSession(statements);
        String sql = "SELECT range FROM range(?)";
        List<String> pairs = new ArrayList<>();
        session.forEach(sql, List.of(3), outer -> session.forEach(sql, List.of(2),
                inner -> pairs.add(outer.longValue(1) + ":" + inner.longValue(1))));
        assertThat(pairs).containsExactly("0:0", "0:1", "1:0", "1:1", "2:0", "2:1");
        assertThat(session.query(sql, List.of(4), row -> row.longValue(1))).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aStatementThatFailedIsReplacedByAFreshOne() {
        DuckDbSession session = new DuckDbSession(statements);
        String sql = "SELECT CAST(? AS INTEGER)";
        assertThatThrownBy(() -> session.query(sql, List.of("not a number"), row -> row.longValue(1)))
                .isInstanceOf(CairnException.class);
        assertThat(session.query(sql, List.of("7"), row -> row.longValue(1))).containsExactly(7L);
    }
}
