package io.cairn.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.Timeframe;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyOptionsTest {

    private static final Map<String, Object> TENANT_FILTER =
            Map.of("property_name", "tenant", "operator", "eq", "property_value", "acme");

    @Test
    void accessKeyOptionsBecomeTheEnforcedScopeAndTheRestIsKeptAsGiven() {
        Map<String, Object> options = Map.of(
                "queries", Map.of("filters", List.of(TENANT_FILTER), "timeframe", "this_30_days"),
                "writes", Map.of("autofill", Map.of("tenant", "acme", "user", Map.of("plan", "pro"))),
                "saved_queries", Map.of("allowed", List.of("daily", "weekly")),
                "datasets", Map.of("operations", List.of("read")));
        AccessKeySpec spec = new AccessKeySpec("dash", true, Set.of(Permission.QUERIES, Permission.WRITES), options);
        Scope.Restricted scope = KeyOptions.accessKeyScope(spec);
        assertThat(scope.permitted()).containsExactlyInAnyOrder(Permission.QUERIES, Permission.WRITES);
        assertThat(scope.queryFilters()).containsExactly(Filter.of("tenant", FilterOperator.EQ, "acme"));
        assertThat(scope.queryTimeframe()).contains(Timeframe.parse("this_30_days"));
        assertThat(scope.writeAutofill()).isEqualTo(Map.of("tenant", "acme", "user", Map.of("plan", "pro")));
        assertThat(scope.savedQueries().orElseThrow()).containsExactlyInAnyOrder("daily", "weekly");
        assertThat(spec.options()).isEqualTo(options);
    }

    @Test
    void noOptionsMeanNoConditions() {
        Scope.Restricted scope = KeyOptions.accessKeyScope(new AccessKeySpec("w", true, Set.of(), Map.of()));
        assertThat(scope.permitted()).isEmpty();
        assertThat(scope.queryFilters()).isEmpty();
        assertThat(scope.queryTimeframe()).isEmpty();
        assertThat(scope.writeAutofill()).isEmpty();
        assertThat(scope.savedQueries()).isEmpty();
    }

    @Test
    void anAbsoluteTimeframeIsAnObject() {
        Map<String, Object> options = Map.of("queries", Map.of("timeframe",
                Map.of("start", "2024-01-01T00:00:00Z", "end", "2024-02-01T00:00:00Z")));
        assertThat(KeyOptions.accessKeyScope(new AccessKeySpec("t", true, Set.of(), options)).queryTimeframe())
                .contains(new Timeframe.Absolute(Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-02-01T00:00:00Z")));
    }

    @Test
    void malformedEnforcedOptionsAreRefusedNamingTheOption() {
        Map<Map<String, Object>, String> cases = new HashMap<>();
        cases.put(Map.of("queries", "all"), "options.queries");
        cases.put(Map.of("queries", Map.of("filters", TENANT_FILTER)), "options.queries.filters");
        cases.put(Map.of("queries", Map.of("filters", List.of(Map.of("property_name", "a", "operator", "near",
                "property_value", 1)))), "options.queries.filters");
        cases.put(Map.of("queries", Map.of("filters", List.of(Map.of("operator", "eq", "property_value", 1)))),
                "filters");
        cases.put(Map.of("queries", Map.of("timeframe", 7)), "options.queries.timeframe");
        cases.put(Map.of("queries", Map.of("timeframe", "last_week")), "timeframe");
        cases.put(Map.of("writes", Map.of("autofill", List.of())), "options.writes.autofill");
        cases.put(Map.of("writes", Map.of("autofill", Map.of("a.b", 1))), "options.writes.autofill");
        cases.put(Map.of("writes", Map.of("autofill", Map.of("user", Map.of("$id", 1)))), "options.writes.autofill");
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("tenant", null);
        cases.put(Map.of("writes", Map.of("autofill", nullValue)), "options.writes.autofill");
        cases.put(Map.of("saved_queries", Map.of("allowed", List.of(1))), "options.saved_queries.allowed");
        cases.forEach((options, field) -> assertThatThrownBy(() ->
                KeyOptions.accessKeyScope(new AccessKeySpec("k", true, Set.of(), options)))
                .as(options.toString())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).contains(field)));
    }

    @Test
    void scopedKeyOperationsMapToPermissions() {
        assertThat(KeyOptions.scopedKeyScope(Map.of("allowed_operations", List.of("read"))).permitted())
                .isEqualTo(EnumSet.of(Permission.QUERIES, Permission.SAVED_QUERIES, Permission.CACHED_QUERIES,
                        Permission.DATASETS, Permission.SCHEMA));
        assertThat(KeyOptions.scopedKeyScope(Map.of("allowed_operations", List.of("write"))).permitted())
                .containsExactly(Permission.WRITES);
        assertThat(KeyOptions.scopedKeyScope(Map.of("allowed_operations", List.of("read", "write"))).permitted())
                .isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void scopedKeyFiltersAndTimeframeAreEnforced() {
        Scope.Restricted scope = KeyOptions.scopedKeyScope(Map.of("allowed_operations", List.of("read"),
                "filters", List.of(TENANT_FILTER), "timeframe", "previous_7_days", "max_age", 300));
        assertThat(scope.queryFilters()).containsExactly(Filter.of("tenant", FilterOperator.EQ, "acme"));
        assertThat(scope.queryTimeframe()).contains(Timeframe.parse("previous_7_days"));
        assertThat(scope.writeAutofill()).isEmpty();
        assertThat(scope.savedQueries()).isEmpty();
    }

    @Test
    void scopedKeysMustNameKnownOperations() {
        for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of(),
                Map.of("allowed_operations", List.of()), Map.of("allowed_operations", "read"),
                Map.of("allowed_operations", List.of("delete")))) {
            assertThatThrownBy(() -> KeyOptions.scopedKeyScope(options)).as(options.toString())
                    .isInstanceOf(InvalidRequestException.class);
        }
    }
}
