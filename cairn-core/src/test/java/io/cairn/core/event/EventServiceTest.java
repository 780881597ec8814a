package io.cairn.core.event;

import static io.cairn.core.event.EventTesting.batch;
import static io.cairn.core.event.EventTesting.column;
import static io.cairn.core.event.EventTesting.count;
import static io.cairn.core.event.EventTesting.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.CairnCore;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventServiceTest {

    @TempDir
    Path dataDir;

    private CairnCore core;
    private EventService events;
    private ProjectId project;

    @BeforeEach
    void open() {
        core = EventTesting.open(dataDir);
        events = core.events();
        project = EventTesting.newProject(core, "events");
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void aBatchStoresItsValidEventsAndReportsTheOthersInOrder() {
        IngestReport report = events.ingest(project, batch("clicks",
                "{\"page\": \"/a\"}", "{\"bad.name\": 1}", "{\"page\": \"/b\"}", "[1]"));
        List<EventError> errors = report.collections().getFirst().errors();
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).isNull();
        assertThat(errors.get(1).code()).isEqualTo(ErrorCode.INVALID_PROPERTY_NAME);
        assertThat(errors.get(2)).isNull();
        assertThat(errors.get(3).code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(count(core, project, "clicks", "TRUE")).isEqualTo(2);
    }

    @Test
    void aBadCollectionNameRefusesItsEventsOnly() {
        IngestReport report = events.ingest(project, new IngestBatch(List.of(
                new IngestBatch.CollectionEvents("$bad", List.of(event("{\"a\": 1}"))),
                new IngestBatch.CollectionEvents("good", List.of(event("{\"a\": 1}")))), Optional.empty()));
        assertThat(report.collections().get(0).errors().getFirst().code())
                .isEqualTo(ErrorCode.INVALID_COLLECTION_NAME);
        assertThat(report.collections().get(1).errors().getFirst()).isNull();
        assertThat(events.collections(project)).extracting(CollectionSchema::name).containsExactly("good");
    }

    @Test
    void valuesLandInTypedColumnsAndAutoPropertiesAreFilled() {
        events.ingest(project, batch("buys", """
                {"user": {"id": "u1", "vip": true}, "price": 9.5, "items": ["x", "y"],
                 "at": "2024-01-02T03:04:05Z", "keen": {"timestamp": "2023-05-06T07:08:09.123"}}"""));
        String price = column(core, project, "buys", "price", PropertyType.NUMBER);
        String at = column(core, project, "buys", "at", PropertyType.DATETIME);
        String items = column(core, project, "buys", "items", PropertyType.LIST);
        String vip = column(core, project, "buys", "user.vip", PropertyType.BOOLEAN);
        assertThat(count(core, project, "buys", price + " = 9.5 AND " + vip + " AND " + at
                + " = TIMESTAMP '2024-01-02 03:04:05' AND json_array_length(" + items + ") = 2"
                + " AND keen_timestamp = TIMESTAMP '2023-05-06 07:08:09.123'"
                + " AND keen_created_at > TIMESTAMP '2025-01-01' AND length(keen_id) = 24")).isEqualTo(1);
    }

    @Test
    void aPropertyThatChangesTypeKeepsBothValuesQueryable() {
        events.ingest(project, batch("mixed", "{\"v\": 1}", "{\"v\": null}"));
        events.ingest(project, batch("mixed", "{\"v\": \"one\"}", "{\"v\": true}"));
        CollectionSchema schema = events.getCollection(project, "mixed");
        assertThat(schema.columnsOf("v")).extracting(EventColumn::type)
                .containsExactly(PropertyType.NUMBER, PropertyType.STRING, PropertyType.BOOLEAN);
        assertThat(schema.properties()).containsEntry("v", PropertyType.NUMBER);
        assertThat(count(core, project, "mixed", column(core, project, "mixed", "v", PropertyType.NUMBER) + " = 1"))
                .isEqualTo(1);
        assertThat(count(core, project, "mixed",
                column(core, project, "mixed", "v", PropertyType.STRING) + " = 'one'")).isEqualTo(1);
    }

    @Test
    void eachEventOfABatchLandsInItsOwnColumnsWhateverItsNeighboursLookLike() {
        events.ingest(project, batch("shapes", "{\"a\": 1, \"b\": \"x\"}", "{\"a\": 2, \"b\": \"y\"}",
                "{\"a\": \"three\", \"b\": \"z\"}", "{\"b\": \"w\", \"a\": 4}", "{\"a\": null, \"b\": \"v\"}"));
        String number = column(core, project, "shapes", "a", PropertyType.NUMBER);
        String text = column(core, project, "shapes", "a", PropertyType.STRING);
        String b = column(core, project, "shapes", "b", PropertyType.STRING);
        assertThat(count(core, project, "shapes", number + " = 2 AND " + b + " = 'y' AND " + text + " IS NULL"))
                .isEqualTo(1);
        assertThat(count(core, project, "shapes", text + " = 'three' AND " + number + " IS NULL AND " + b + " = 'z'"))
                .isEqualTo(1);
        assertThat(count(core, project, "shapes", number + " = 4 AND " + b + " = 'w'")).isEqualTo(1);
        assertThat(count(core, project, "shapes", number + " IS NULL AND " + text + " IS NULL AND " + b + " = 'v'"))
                .isEqualTo(1);
    }

    @Test
    void theSchemaListsEveryPathWithItsTypeAndTheAutomaticProperties() {
        events.ingest(project, batch("s", "{\"a\": {\"b\": 1}, \"c\": null, \"d\": [1]}"));
        assertThat(events.getCollection(project, "s").properties()).containsExactly(
                Map.entry("keen.timestamp", PropertyType.DATETIME),
                Map.entry("keen.created_at", PropertyType.DATETIME),
                Map.entry("keen.id", PropertyType.STRING),
                Map.entry("a.b", PropertyType.NUMBER),
                Map.entry("c", PropertyType.NULL),
                Map.entry("d", PropertyType.LIST));
        assertThatThrownBy(() -> events.getCollection(project, "none")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheOriginalReportAndStoresNothingTwice() {
        IngestBatch first = withKey(batch("idem", "{\"n\": 1}", "{\"bad.x\": 1}"), "key-1");
        IngestReport original = events.ingest(project, first);
        IngestReport again = events.ingest(project, withKey(batch("idem", "{\"n\": 2}"), "key-1"));
        assertThat(again).isEqualTo(original);
        assertThat(count(core, project, "idem", "TRUE")).isEqualTo(1);
        events.ingest(project, withKey(batch("idem", "{\"n\": 3}"), "key-2"));
        assertThat(count(core, project, "idem", "TRUE")).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOnce() throws Exception {
        List<Future<IngestReport>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> events.ingest(project, withKey(batch("race", "{\"n\": 1}"), "same"))));
            }
            for (Future<IngestReport> answer : answers) {
                assertThat(answer.get().stored()).isEqualTo(1);
            }
        }
        assertThat(count(core, project, "race", "TRUE")).isEqualTo(1);
    }

    @Test
    void deletesByFilterAndTimeframeRemoveOnlyMatchingEvents() {
        events.ingest(project, batch("d",
                "{\"n\": 1, \"keen\": {\"timestamp\": \"2024-01-01T00:00:00Z\"}}",
                "{\"n\": 2, \"keen\": {\"timestamp\": \"2024-01-02T00:00:00Z\"}}",
                "{\"n\": 3, \"keen\": {\"timestamp\": \"2024-01-03T00:00:00Z\"}}",
                "{\"n\": 4, \"keen\": {\"timestamp\": \"2024-01-04T00:00:00Z\"}}"));
        long deleted = events.deleteEvents(project, "d", List.of(Filter.of("n", FilterOperator.GTE, 2)),
                TimeRange.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z")));
        assertThat(deleted).isEqualTo(1);
        assertThat(count(core, project, "d", "TRUE")).isEqualTo(3);
        assertThat(events.deleteEvents(project, "d", List.of(), null)).isEqualTo(3);
        assertThat(events.findCollection(project, "d")).isPresent();
    }

    @Test
    void deletingACollectionOrAPropertyRemovesItsStorage() {
        events.ingest(project, batch("gone", "{\"a\": 1, \"b\": {\"c\": \"x\"}}"));
        events.deleteProperty(project, "gone", "b.c");
        assertThat(events.getCollection(project, "gone").properties()).doesNotContainKey("b.c");
        assertThatThrownBy(() -> events.deleteProperty(project, "gone", "nope")).isInstanceOf(NotFoundException.class);
        events.ingest(project, batch("gone", "{\"b\": {\"c\": 5}}"));
        assertThat(events.getCollection(project, "gone").properties()).containsEntry("b.c", PropertyType.NUMBER);

        events.deleteCollection(project, "gone");
        assertThat(events.findCollection(project, "gone")).isEmpty();
        events.ingest(project, batch("gone", "{\"z\": 1}"));
        assertThat(count(core, project, "gone", "TRUE")).isEqualTo(1);
    }

    @Test
    void schemasSurviveARestartAndTablesAreRepairedFromTheCatalog() {
        events.ingest(project, batch("r", "{\"a\": 1}"));
        String table = events.getCollection(project, "r").table();
        String columnOfA = column(core, project, "r", "a", PropertyType.NUMBER);
        // A crash after the catalog write but before the DDL leaves a column the table lacks.
        events.store(project).write(s -> s.execute("ALTER TABLE \"" + table + "\" DROP COLUMN " + columnOfA,
                List.of()));
        core.close();

        core = EventTesting.open(dataDir);
        events = core.events();
        assertThat(events.getCollection(project, "r").properties()).containsKey("a");
        events.ingest(project, batch("r", "{\"a\": 2}"));
        assertThat(count(core, project, "r", column(core, project, "r", "a", PropertyType.NUMBER) + " = 2"))
                .isEqualTo(1);
    }

    private static IngestBatch withKey(IngestBatch batch, String key) {
        return new IngestBatch(batch.collections(), Optional.of(key));
    }
}
