package io.cairn.core.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.event.EventParser;
import io.cairn.core.event.IngestBatch;
import io.cairn.core.event.ParsedEvent;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.Upserted;
import io.cairn.core.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved and cached queries on a real catalog and result cache, with a clock the tests move. */
class SavedQueryServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HOURLY = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private CairnCore core;
    private SavedQueryService queries;
    private ProjectId project;

    /** A small language of our own: {@code {"count": "<collection>"}} counts the collection's events. */
    private final QueryLanguage counting = new QueryLanguage() {
        @Override
        public String id() {
            return "counting";
        }

        @Override
        public void check(JsonNode definition) {
            if (!definition.path("count").isTextual()) {
                throw InvalidRequestException.field("count", "count needs a collection name");
            }
        }

        @Override
        public JsonNode run(ProjectId projectId, JsonNode definition, Instant now) {
            if (definition.path("explode").asBoolean()) {
                throw InvalidRequestException.field("explode", "this query cannot run");
            }
            return IntNode.valueOf((int) core.events().count(projectId, definition.get("count").asText(), List.of(),
                    null));
        }
    };

    @BeforeEach
    void open() {
        reopen();
        project = core.projects().createProject("queries").project().id();
    }

    private void reopen() {
        CoreConfig d = CoreConfig.defaults();
        core = CairnCore.open(d.withStorage(d.storage().withDataDir(dataDir).withMemory(DataSize.ofMegabytes(128))),
                clock);
        queries = core.savedQueries();
        queries.register(counting);
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void savingCreatesThenReplacesUnderTheSameIdAndCreationTime() {
        Upserted<SavedQuery> created = save("signups", "{\"count\": \"signups\"}", Duration.ZERO);
        assertThat(created.created()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        Upserted<SavedQuery> replaced = save("signups", "{\"count\": \"logins\"}", HOURLY);
        assertThat(replaced.created()).isFalse();
        assertThat(replaced.value().id()).isEqualTo(created.value().id());
        assertThat(replaced.value().createdAt()).isEqualTo(created.value().createdAt());
        assertThat(replaced.value().updatedAt()).isEqualTo(clock.instant());

        SavedQuery read = queries.get(project, "counting", "signups");
        assertThat(read.definition()).isEqualTo(json("{\"count\": \"logins\"}"));
        assertThat(read.refreshInterval()).isEqualTo(HOURLY);
        assertThat(save("other", "{\"count\": \"x\"}", Duration.ZERO).value().id()).isGreaterThan(read.id());
        assertThat(queries.list(project, "counting")).extracting(SavedQuery::name).containsExactly("other", "signups");
    }

    @Test
    void badDefinitionsNamesAndLanguagesAreRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> save("q", "{\"count\": 3}", Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("collection name");
        assertThatThrownBy(() -> save(" ", "{\"count\": \"x\"}", Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> queries.save(project, "nope", "q", json("{}"), json("{}"), Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> queries.save(project, "counting", "q", json("{\"count\": \"x\"}"), json("[]"),
                Duration.ZERO)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("metadata");
        assertThat(queries.list(project, "counting")).isEmpty();
    }

    @Test
    void anUncachedQueryRunsOnEveryRead() {
        save("q", "{\"count\": \"hits\"}", Duration.ZERO);
        assertThat(queries.result(project, "counting", "q").data().asInt()).isZero();
        ingest("hits", 3);
        SavedQueryResult answer = queries.result(project, "counting", "q");
        assertThat(answer.data().asInt()).isEqualTo(3);
        assertThat(answer.fromCache()).isFalse();
        assertThat(answer.query().lastRun()).isEmpty();
    }

    @Test
    void aCachedQueryIsServedFromTheCacheUntilItsIntervalPasses() {
        ingest("hits", 2);
        save("q", "{\"count\": \"hits\"}", HOURLY);
        SavedQueryResult first = queries.result(project, "counting", "q");
        assertThat(first.data().asInt()).isEqualTo(2);
        assertThat(first.fromCache()).isFalse();
        assertThat(queries.get(project, "counting", "q").lastRun()).hasValueSatisfying(run -> {
            assertThat(run.succeeded()).isTrue();
            assertThat(run.at()).isEqualTo(clock.instant());
        });

        ingest("hits", 5);
        clock.advance(Duration.ofMinutes(59));
        assertThat(queries.refreshDue()).isZero();
        SavedQueryResult cached = queries.result(project, "counting", "q");
        assertThat(cached.data().asInt()).isEqualTo(2);
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.computedAt()).isEqualTo(first.computedAt());

        clock.advance(Duration.ofMinutes(1));
        assertThat(queries.refreshDue()).isEqualTo(1);
        assertThat(queries.result(project, "counting", "q").data().asInt()).isEqualTo(7);
        assertThat(queries.refreshDue()).isZero();
    }

    @Test
    void aResultStoredBeforeItsRunIsRecordedCarriesThatRun() {
        ingest("hits", 2);
        save("q", "{\"count\": \"hits\"}", HOURLY);
        queries.result(project, "counting", "q");
        // A run in progress elsewhere: its result is stored, its run not yet recorded with the query.
        clock.advance(HOURLY);
        Instant storedAt = clock.instant();
        QueryResult stored = core.results().store(project, ResultCache.hash("counting", json("{\"count\": \"hits\"}")),
                IntNode.valueOf(9), Duration.ofMillis(3), storedAt);

        SavedQueryResult answer = queries.result(project, "counting", "q");
        assertThat(answer.data().asInt()).isEqualTo(9);
        assertThat(answer.query().lastRun()).hasValueSatisfying(run -> {
            assertThat(run.at()).isEqualTo(storedAt);
            assertThat(run.resultId()).hasValue(stored.id());
        });
    }

    @Test
    void theSchedulerRunsANewCachedQueryAtOnceAndAReplacedOneAfresh() {
        ingest("hits", 1);
        save("q", "{\"count\": \"hits\"}", HOURLY);
        assertThat(queries.refreshDue()).isEqualTo(1);
        assertThat(queries.result(project, "counting", "q").fromCache()).isTrue();

        save("q", "{\"count\": \"misses\"}", HOURLY);
        assertThat(queries.get(project, "counting", "q").lastRun()).isEmpty();
        assertThat(queries.refreshDue()).isEqualTo(1);
        assertThat(queries.result(project, "counting", "q").data().asInt()).isZero();
    }

    @Test
    void aFailingCachedQueryIsRecordedAndRetriedSooner() {
        save("q", "{\"count\": \"hits\", \"explode\": true}", Duration.ofHours(6));
        assertThat(queries.refreshDue()).isEqualTo(1);
        QueryRun run = queries.get(project, "counting", "q").lastRun().orElseThrow();
        assertThat(run.succeeded()).isFalse();
        assertThat(run.error()).hasValueSatisfying(error -> assertThat(error).contains("cannot run"));
        assertThatThrownBy(() -> queries.result(project, "counting", "q"))
                .isInstanceOf(InvalidRequestException.class);

        clock.advance(SavedQuery.RETRY_AFTER_FAILURE.minusSeconds(1));
        assertThat(queries.refreshDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queries.refreshDue()).isEqualTo(1);
    }

    @Test
    void queriesAndTheirResultsSurviveARestart() {
        ingest("hits", 4);
        save("q", "{\"count\": \"hits\"}", HOURLY);
        queries.result(project, "counting", "q");
        core.close();
        reopen();
        SavedQueryResult answer = queries.result(project, "counting", "q");
        assertThat(answer.fromCache()).isTrue();
        assertThat(answer.data().asInt()).isEqualTo(4);
    }

    @Test
    void deletingAQueryOrItsProjectRemovesIt() {
        save("q", "{\"count\": \"hits\"}", HOURLY);
        queries.delete(project, "counting", "q");
        assertThatThrownBy(() -> queries.get(project, "counting", "q")).isInstanceOfSatisfying(
                NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SAVED_QUERY_NOT_FOUND));
        assertThatThrownBy(() -> queries.delete(project, "counting", "q")).isInstanceOf(NotFoundException.class);

        save("kept", "{\"count\": \"hits\"}", HOURLY);
        core.projects().deleteProject(project);
        assertThat(core.storage().catalog().listCachedQueries()).isEmpty();
    }

    @Test
    void theResultCacheKeepsOnlyTheNewestResultOfAQuery() {
        ResultCache cache = core.results();
        String hash = ResultCache.hash("counting", json("{\"count\": \"x\"}"));
        assertThat(hash).isEqualTo(ResultCache.hash("counting", json("{\"count\":  \"x\"}")))
                .isNotEqualTo(ResultCache.hash("other", json("{\"count\": \"x\"}")));
        QueryResult old = cache.store(project, hash, IntNode.valueOf(1), Duration.ofMillis(3), clock.instant());
        QueryResult latest = cache.store(project, hash, IntNode.valueOf(2), Duration.ofMillis(4), clock.instant());
        assertThat(cache.latest(project, hash)).contains(latest);
        assertThat(cache.find(project, old.id())).isEmpty();
        assertThat(latest.runtime()).isEqualTo(Duration.ofMillis(4));
        assertThat(cache.latest(project, "unknown")).isEmpty();
    }

    private Upserted<SavedQuery> save(String name, String definition, Duration refresh) {
        return queries.save(project, "counting", name, json(definition), json("{}"), refresh);
    }

    private void ingest(String collection, int events) {
        EventParser parser = new EventParser(new JsonFactory());
        List<ParsedEvent> parsed = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            try {
                parsed.add(parser.readOne(("{\"n\": " + i + "}").getBytes(UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        core.events().ingest(project, new IngestBatch(List.of(new IngestBatch.CollectionEvents(collection, parsed)),
                Optional.empty()));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
