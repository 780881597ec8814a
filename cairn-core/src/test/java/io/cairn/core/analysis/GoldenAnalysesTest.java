package io.cairn.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.ProjectId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden analyses (CONVENTIONS §7): every case under {@code golden/analyses} is answered by the {@link Oracle}
 * (through {@link GoldenOracle}) and by the engine in a fresh project, and both must equal its {@code expected.json}.
 * {@code -Dgolden.update=true} rewrites the expected files from the oracle, never from the engine, for review in the
 * diff. A case whose query carries {@code known_failure} records an engine bug: the engine's answer is still
 * computed, the case is skipped while it differs, and fails once it agrees so that the mark gets removed.
 */
class GoldenAnalysesTest {

    /** The fixed clock of ingestion: every event's {@code keen.created_at}. */
    static final Instant INGESTED_AT = Instant.parse("2025-01-01T00:00:00Z");

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    static Path dataDir;

    private static final Map<List<GoldenCase.Event>, ProjectId> PROJECTS = new HashMap<>();

    private static CairnCore core;

    @BeforeAll
    static void open() {
        CoreConfig d = CoreConfig.defaults();
        core = CairnCore.open(d.withStorage(d.storage().withDataDir(dataDir).withMemory(DataSize.ofMegabytes(256))),
                Clock.fixed(INGESTED_AT, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    static List<String> cases() {
        return GoldenCase.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void engineAndOracleGiveTheExpectedAnswer(String name) {
        GoldenCase golden = GoldenCase.load(name);
        JsonNode oracle = GoldenOracle.answer(golden, INGESTED_AT);
        if (UPDATE) {
            GoldenJson.write(golden.dir().resolve("expected.json"), oracle);
            golden = GoldenCase.load(name);
        }
        assertThat(golden.expected()).as("%s has no expected.json: run with -Dgolden.update=true", name).isNotNull();
        assertThat(GoldenJson.differences(golden.expected(), oracle)).as("the oracle's answer to %s", name).isEmpty();

        List<String> differences = engineDifferences(project(golden), golden);
        if (golden.knownFailure() != null) {
            assertThat(differences).as("%s is marked as a known failure but passes: remove known_failure", name)
                    .isNotEmpty();
            Assumptions.abort("known failure: " + golden.knownFailure() + "; " + differences);
        }
        assertThat(differences).as("the engine's answer to %s", name).isEmpty();
    }

    /**
     * A project holding exactly the case's events. Cases with the same events share one (analyses only read), which
     * keeps the suite to seconds: creating a project and ingesting into it costs a few hundred milliseconds.
     */
    private static ProjectId project(GoldenCase golden) {
        return PROJECTS.computeIfAbsent(golden.events(), events -> {
            ProjectId project = core.projects().createProject("events-" + PROJECTS.size()).project().id();
            GoldenEngine.ingest(core, project, events);
            return project;
        });
    }

    private static List<String> engineDifferences(ProjectId project, GoldenCase golden) {
        try {
            return GoldenJson.differences(golden.expected(), GoldenEngine.answer(core, project, golden));
        } catch (RuntimeException e) {
            if (golden.knownFailure() == null) {
                throw e;
            }
            return List.of("the engine threw " + e);
        }
    }
}
