package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.RowBatch.Column;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appended row batches land in the table, typed, with NULLs where a batch has no value. */
class DuckDbBulkLoadTest {

    @TempDir
    Path dir;

    private DuckDbDatabase database;

    @BeforeEach
    void open() {
        database = DuckDbDatabase.open("bulk", dir.resolve("b.duckdb"), TestStorage.config(dir));
        database.submit(s -> s.execute("CREATE TABLE t (ts TIMESTAMP, name VARCHAR, amount DOUBLE, n BIGINT,"
                + " ok BOOLEAN, tags JSON, extra VARCHAR)", List.of())).join();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyTypeAndNullRoundTrips() {
        List<Column> columns = List.of(new Column("ts", ColumnType.TIMESTAMP), new Column("name", ColumnType.VARCHAR),
                new Column("amount", ColumnType.DOUBLE), new Column("n", ColumnType.BIGINT),
                new Column("ok", ColumnType.BOOLEAN), new Column("tags", ColumnType.JSON));
        Instant at = Instant.parse("2024-05-06T07:08:09.123456Z");
        RowBatch.Builder rows = RowBatch.builder(columns, 2);
        rows.setLong(0, at.getEpochSecond() * 1_000_000 + at.getNano() / 1000).setString(1, "it's")
                .setDouble(2, 1.5).setLong(3, 42).setBoolean(4, true).setString(5, "[\"a\",1]").endRow();
        rows.endRow();
        database.submit(s -> {
            s.append("t", rows.build());
            return null;
        }).join();

        List<String> stored = database.read(s -> s.query(
                "SELECT ts::VARCHAR, name, amount, n, ok, tags::VARCHAR, extra FROM t ORDER BY ts NULLS LAST",
                List.of(), r -> r.string(1) + "|" + r.string(2) + "|" + r.doubleValue(3) + "|" + r.longValue(4)
                        + "|" + r.booleanValue(5) + "|" + r.string(6) + "|" + r.string(7)));
        assertThat(stored).containsExactly(
                "2024-05-06 07:08:09.123456|it's|1.5|42|true|[\"a\",1]|null",
                "null|null|null|null|null|null|null");
    }

    @Test
    void batchesWithDifferentColumnsFromManyUnitsLoadInOneCommit() {
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<Object> gate = database.submit(s -> {
            await(hold);
            return null;
        });
        List<CompletableFuture<Object>> units = new ArrayList<>();
        for (int u = 0; u < 50; u++) {
            int unit = u;
            units.add(database.submit(s -> {
                List<Column> columns = unit % 2 == 0
                        ? List.of(new Column("name", ColumnType.VARCHAR))
                        : List.of(new Column("amount", ColumnType.DOUBLE), new Column("name", ColumnType.VARCHAR));
                RowBatch.Builder rows = RowBatch.builder(columns, 4);
                for (int i = 0; i < 3000; i++) {
                    if (unit % 2 == 0) {
                        rows.setString(0, "even");
                    } else {
                        rows.setDouble(0, i).setString(1, "odd");
                    }
                    rows.endRow();
                }
                s.append("t", rows.build());
                return null;
            }));
        }
        long commitsBefore = database.commits();
        hold.countDown();
        gate.join();
        units.forEach(CompletableFuture::join);

        assertThat(database.commits() - commitsBefore).isLessThan(50);
        List<String> counts = database.read(s -> s.query(
                "SELECT name, count(*), count(amount), sum(amount)::BIGINT FROM t GROUP BY name ORDER BY name",
                List.of(), r -> r.string(1) + " " + r.longValue(2) + " " + r.longValue(3) + " " + r.longValue(4)));
        // 25 odd units, each 0 + 1 + ... + 2999
        assertThat(counts).containsExactly("even 75000 0 null", "odd 75000 75000 " + 25L * 2999 * 3000 / 2);
    }

    @Test
    void aBadAppendFailsItsUnitAloneAndNothingOfItIsStored() {
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<Object> gate = database.submit(s -> {
            await(hold);
            return null;
        });
        CompletableFuture<Object> good = database.submit(s -> {
            s.append("t", oneRow("name", "good"));
            return null;
        });
        CompletableFuture<Object> bad = database.submit(s -> {
            s.append("t", oneRow("no_such_column", "bad"));
            return null;
        });
        hold.countDown();
        gate.join();
        good.join();
        assertThatThrownBy(bad::join).hasRootCauseInstanceOf(SQLException.class);
        List<String> names = database.read(s -> s.query("SELECT name FROM t", List.of(), r -> r.string(1)));
        assertThat(names).containsExactly("good");
    }

    @Test
    void smallAndLargeLoadsTakeTheirOwnPathsAndBothStoreEveryRow() {
        for (int rows : new int[] {1, DuckDbBulkLoad.APPENDER_MAX_ROWS, DuckDbBulkLoad.APPENDER_MAX_ROWS + 1}) {
            RowBatch.Builder batch = RowBatch.builder(List.of(new Column("n", ColumnType.BIGINT),
                    new Column("ts", ColumnType.TIMESTAMP), new Column("tags", ColumnType.JSON)), rows);
            for (int i = 0; i < rows; i++) {
                batch.setLong(0, i).setLong(1, 1_000_000L * i).setString(2, "[" + i + "]").endRow();
            }
            database.submit(s -> {
                s.execute("DELETE FROM t", List.of());
                s.append("t", batch.build());
                return null;
            }).join();
            List<String> summary = database.read(s -> s.query("SELECT count(*), sum(n)::BIGINT,"
                    + " epoch_us(max(ts)), sum((tags->>0)::BIGINT)::BIGINT FROM t", List.of(),
                    r -> r.longValue(1) + " " + r.longValue(2) + " " + r.longValue(3) + " " + r.longValue(4)));
            long sum = (long) rows * (rows - 1) / 2;
            assertThat(summary).containsExactly(rows + " " + sum + " " + 1_000_000L * (rows - 1) + " " + sum);
        }
    }

    @Test
    void theRowsFunctionRegisteredOnOneConnectionServesAnotherOfTheSameDatabase() throws SQLException {
        // The writer registers cairn_rows on its connection; the loader inserts through its own.
        try (DuckDBConnection registering = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + dir.resolve("other.duckdb").toAbsolutePath());
                Connection other = registering.duplicate();
                Statement statement = other.createStatement()) {
            DuckDbBulkLoad.register(registering);
            statement.execute("CREATE TABLE t (n BIGINT)");
            int rows = DuckDbBulkLoad.APPENDER_MAX_ROWS + 1;
            RowBatch.Builder batch = RowBatch.builder(List.of(new Column("n", ColumnType.BIGINT)), rows);
            for (int i = 0; i < rows; i++) {
                batch.setLong(0, i).endRow();
            }
            DuckDbBulkLoad.load((DuckDBConnection) other, "t", List.of(batch.build()), List::of);
            try (ResultSet result = statement.executeQuery("SELECT count(*), sum(n) FROM t")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1) + " " + result.getLong(2))
                        .isEqualTo(rows + " " + (long) rows * (rows - 1) / 2);
            }
        }
    }

    @Test
    void appendedRowsAreVisibleToALaterStatementOfTheSameUnit() {
        long seen = database.submit(s -> {
            s.append("t", oneRow("name", "x"));
            return s.query("SELECT count(*) FROM t", List.of(), r -> r.longValue(1)).getFirst();
        }).join();
        assertThat(seen).isEqualTo(1);
    }

    private static RowBatch oneRow(String column, String value) {
        return RowBatch.builder(List.of(new Column(column, ColumnType.VARCHAR)), 1).setString(0, value).endRow()
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
