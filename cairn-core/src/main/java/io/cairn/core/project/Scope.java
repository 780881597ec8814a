package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.Filter;
import io.cairn.core.model.Timeframe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far a principal reaches inside its project: the whole project (as far as its role allows), or a restricted
 * scope (Keen access keys and scoped keys) with its own permissions and with conditions that every query and every
 * write made with it carries.
 */
public sealed interface Scope {

    /** The whole project, as far as the role allows. */
    Scope PROJECT = new Project();

    /** Filters forced onto every query made with this scope (AND-ed with the query's own). */
    List<Filter> queryFilters();

    /** A timeframe forced onto every query made with this scope, intersected with the query's own. */
    Optional<Timeframe> queryTimeframe();

    /** Properties merged into every event written with this scope (they win over the event's own). */
    Map<String, Object> writeAutofill();

    record Project() implements Scope {
        @Override
        public List<Filter> queryFilters() {
            return List.of();
        }

        @Override
        public Optional<Timeframe> queryTimeframe() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> writeAutofill() {
            return Map.of();
        }
    }

    /**
     * A key limited to some permissions and carrying conditions.
     *
     * @param savedQueries when present, the only saved queries this key may read
     * @param datasets     which cached datasets, operations and index values this key may use
     */
    record Restricted(Set<Permission> permitted, List<Filter> queryFilters, Optional<Timeframe> queryTimeframe,
            Map<String, Object> writeAutofill, Optional<Set<String>> savedQueries, DatasetAccess datasets)
            implements Scope {
        public Restricted {
            permitted = Set.copyOf(permitted);
            queryFilters = List.copyOf(queryFilters);
            requireNonNull(queryTimeframe, "queryTimeframe is null");
            writeAutofill = Map.copyOf(writeAutofill);
            requireNonNull(savedQueries, "savedQueries is null");
            savedQueries = savedQueries.map(Set::copyOf);
            requireNonNull(datasets, "datasets is null");
        }
    }
}
