package io.cairn.core.event;

import static io.cairn.core.event.EventTesting.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.CairnCore;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.storage.duckdb.DuckDbDialect;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every filter operator against a real table. The data (names are the expected matches):
 * e1 {name: "alice", age: 30, tags: ["a","b"], home: [2.35, 48.85] (Paris), at: 2024-01-01}
 * e2 {name: "bob", age: 41, tags: ["b"], home: [-0.12, 51.50] (London), at: 2024-02-01}
 * e3 {name: "carol", age: "unknown" (type conflict), vip: true}
 * e4 {} (no properties)
 */
class EventPredicatesTest {

    @TempDir
    static Path dataDir;

    private static CairnCore core;
    private static ProjectId project;

    @BeforeAll
    static void load() {
        core = EventTesting.open(dataDir);
        project = EventTesting.newProject(core, "filters");
        core.events().ingest(project, batch("people",
                "{\"id\": \"e1\", \"name\": \"alice\", \"age\": 30, \"tags\": [\"a\", \"b\"], \"home\": [2.35, 48.85],"
                        + " \"at\": \"2024-01-01T00:00:00Z\"}",
                "{\"id\": \"e2\", \"name\": \"bob\", \"age\": 41, \"tags\": [\"b\"], \"home\": [-0.12, 51.50],"
                        + " \"at\": \"2024-02-01T00:00:00Z\"}",
                "{\"id\": \"e3\", \"name\": \"carol\", \"age\": \"unknown\", \"vip\": true}",
                "{\"id\": \"e4\"}"));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @Test
    void comparisons() {
        assertThat(match("age", FilterOperator.EQ, 30)).containsExactly("e1");
        assertThat(match("age", FilterOperator.EQ, "unknown")).containsExactly("e3");
        assertThat(match("age", FilterOperator.NE, 30)).containsExactly("e2", "e3", "e4");
        assertThat(match("age", FilterOperator.GT, 30)).containsExactly("e2");
        assertThat(match("age", FilterOperator.GTE, 30)).containsExactly("e1", "e2");
        assertThat(match("age", FilterOperator.LT, 41)).containsExactly("e1");
        assertThat(match("age", FilterOperator.LTE, 41)).containsExactly("e1", "e2");
        assertThat(match("name", FilterOperator.LT, "bz")).containsExactly("e1", "e2");
        assertThat(match("vip", FilterOperator.EQ, true)).containsExactly("e3");
        assertThat(match("at", FilterOperator.GT, "2024-01-15T00:00:00Z")).containsExactly("e2");
        assertThat(match("at", FilterOperator.EQ, "2024-01-01T00:00:00.000Z")).containsExactly("e1");
        assertThat(match("name", FilterOperator.EQ, null)).containsExactly("e4");
    }

    @Test
    void existsAndIn() {
        assertThat(match("age", FilterOperator.EXISTS, true)).containsExactly("e1", "e2", "e3");
        assertThat(match("age", FilterOperator.EXISTS, false)).containsExactly("e4");
        assertThat(match("never.seen", FilterOperator.EXISTS, false)).containsExactly("e1", "e2", "e3", "e4");
        assertThat(match("never.seen", FilterOperator.EQ, 1)).isEmpty();
        assertThat(match("name", FilterOperator.IN, List.of("alice", "carol", 7))).containsExactly("e1", "e3");
        assertThat(match("age", FilterOperator.IN, List.of(41, "unknown"))).containsExactly("e2", "e3");
    }

    @Test
    void stringAndListMatching() {
        assertThat(match("name", FilterOperator.CONTAINS, "o")).containsExactly("e2", "e3");
        assertThat(match("tags", FilterOperator.CONTAINS, "a")).containsExactly("e1");
        assertThat(match("tags", FilterOperator.NOT_CONTAINS, "a")).containsExactly("e2", "e3", "e4");
        assertThat(match("name", FilterOperator.STARTS_WITH, "ca")).containsExactly("e3");
        assertThat(match("name", FilterOperator.REGEX, "^(al|bo)")).containsExactly("e1", "e2");
        assertThat(match("keen.id", FilterOperator.EXISTS, true)).hasSize(4);
    }

    @Test
    void withinMeasuresMilesFromAPoint() {
        Map<String, Object> nearParis = Map.of("coordinates", List.of(2.29, 48.86), "max_distance_miles", 10);
        assertThat(match("home", FilterOperator.WITHIN, nearParis)).containsExactly("e1");
        Map<String, Object> wide = Map.of("coordinates", List.of(2.29, 48.86), "max_distance_miles", 300);
        assertThat(match("home", FilterOperator.WITHIN, wide)).containsExactly("e1", "e2");
    }

    @Test
    void timeframesBoundKeenTimestamp() {
        TimeRange past = TimeRange.of(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(ids(List.of(), past)).isEmpty();
        TimeRange allTime = TimeRange.of(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(ids(List.of(), allTime)).hasSize(4);
    }

    @Test
    void valuesThatDoNotSuitTheOperatorAreRefused() {
        assertThatThrownBy(() -> Filter.of("a", FilterOperator.EXISTS, "yes")).isInstanceOf(
                InvalidRequestException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> Filter.of("a", FilterOperator.IN, 3)).hasMessageContaining("a list");
        assertThatThrownBy(() -> Filter.of("a", FilterOperator.REGEX, "(")).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> Filter.of("a", FilterOperator.WITHIN, Map.of())).hasMessageContaining("coordinates");
        assertThatThrownBy(() -> Filter.of("", FilterOperator.EQ, 1)).hasMessageContaining("property_name");
        assertThatThrownBy(() -> Filter.of("a", FilterOperator.GT, true)).hasMessageContaining("number or a string");
    }

    private static List<String> match(String property, FilterOperator operator, Object value) {
        return ids(List.of(Filter.of(property, operator, value)), null);
    }

    private static List<String> ids(List<Filter> filters, TimeRange timeframe) {
        CollectionSchema schema = core.events().getCollection(project, "people");
        EventPredicates.Condition where = EventPredicates.compile(schema, filters, timeframe,
                DuckDbDialect.INSTANCE);
        String id = "\"" + schema.column("id", PropertyType.STRING).orElseThrow().column() + "\"";
        return core.events().store(project).read(s -> s.query("SELECT " + id + " FROM \"" + schema.table()
                + "\" WHERE " + where.sql() + " ORDER BY 1", where.parameters(), r -> r.string(1)));
    }
}
