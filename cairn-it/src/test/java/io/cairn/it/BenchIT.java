package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.it.CairnExtension.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark commands, run small: each starts its own server, talks to it over HTTP with the bench client and
 * prints its figures. Only that they run through and report is checked here; the figures themselves are for people.
 */
class BenchIT {

    /** Gives the commands their environment; the benches start servers of their own. */
    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    @TempDir
    Path dataDir;

    @Test
    void ingestPostsBatchesAndSingleEventsAndComparesThemWithTheInProcessBaseline() {
        CliRun batches = server.cli("bench", "ingest", "--events", "3000", "--batch", "500", "--concurrency", "2",
                "--baseline-events", "1000", "--warm-up", "0");
        assertThat(batches.exitCode()).as(batches.err()).isZero();
        assertThat(batches.out()).containsPattern("HTTP: +3,000 events in .* events/s \\(\\d+% of baseline\\)")
                .containsPattern("request latency: +p50 [0-9.]+ ms").contains("server peak RSS");

        CliRun singles = server.cli("bench", "ingest", "--events", "300", "--batch", "1", "--concurrency", "4",
                "--baseline-events", "100", "--warm-up", "0.5");
        assertThat(singles.exitCode()).as(singles.err()).isZero();
        assertThat(singles.out()).contains("baseline warming up for 0.5 s", "http     warming up for 0.5 s")
                .containsPattern("HTTP: +300 events in .* events/s").containsPattern("µs server");
    }

    @Test
    void queryTimesEveryQuestionOverHttpAndInSql() {
        CliRun query = server.cli("bench", "query", "--events", "4000", "--warm-up", "0", "--data-dir",
                dataDir.toString());
        assertThat(query.exitCode()).as(query.err()).isZero();
        for (String question : new String[] {"count per day, whole range", "sum group_by country",
                "count_unique user.id", "count_unique group_by + filter", "2-step funnel", "extraction, latest 1,000",
                "count per day, Europe/Berlin"}) {
            assertThat(query.out()).containsPattern("(?m)^ +" + java.util.regex.Pattern.quote(question)
                    + ".* +[0-9.]+ +[0-9.]+ +[0-9.]+ (ok|MISSED)");
        }
        assertThat(query.out()).containsPattern("total of the first six +[0-9.]+");
    }

    @Test
    void seriesWritesPointsAndTimesEachRead() throws IOException {
        CliRun series = server.cli("bench", "series", "--series", "2", "--days", "31", "--warm-up", "0.3",
                "--data-dir", dataDir.toString());
        assertThat(series.exitCode()).as(series.err()).isZero();
        // The write path's warm-up goes to a scratch project, deleted before the timed ingest: one database is left.
        assertThat(series.out()).contains("warming up the write path for 0.3 s")
                .contains("warming up the request path for 0.3 s");
        try (Stream<Path> databases = Files.list(dataDir.resolve("projects"))) {
            assertThat(databases.filter(p -> p.toString().endsWith(".duckdb"))).hasSize(1);
        }
        assertThat(series.out()).containsPattern("ingest over HTTP: +89,280 points in .* points/s")
                .containsPattern("1 series, 30 days, 1-hour max +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+")
                .containsPattern("1 series, 30 days, raw +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+");
    }

    @Test
    void aNegativeWarmUpIsRefusedBeforeAnythingRuns() {
        for (String bench : new String[] {"query", "series"}) {
            CliRun refused = server.cli("bench", bench, "--warm-up", "-1", "--data-dir", dataDir.toString());
            assertThat(refused.exitCode()).as(bench).isNotZero();
            assertThat(refused.err()).as(bench).contains("--warm-up cannot be negative");
            assertThat(refused.out()).as(bench).doesNotContain("bench " + bench + ":");
        }
        CliRun ingest = server.cli("bench", "ingest", "--warm-up", "-1");
        assertThat(ingest.exitCode()).isNotZero();
        assertThat(ingest.err()).contains("--warm-up cannot be negative");
        assertThat(ingest.out()).doesNotContain("bench ingest:");
    }
}
