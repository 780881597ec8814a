package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keen query as data: its analysis type and its parameters in Keen's JSON form ({@code event_collection},
 * {@code target_property}, {@code filters}, {@code timeframe}, {@code group_by}, {@code steps}...). The analysis
 * builders make one ({@link io.cairn.client.Query#definition()}) to send it, or to save it as a saved query; a
 * saved query read back from the server carries the one the server stored. Immutable and thread-safe.
 *
 * @param analysisType the analysis; never null
 * @param parameters the parameters as JSON values (maps, lists, strings, numbers, booleans, null), in order; never
 *     null, copied, unmodifiable at the top level (the builders' nested values are unmodifiable too)
 */
public record QueryDefinition(AnalysisType analysisType, Map<String, Object> parameters) {

    /**
     * Creates a definition.
     *
     * @throws NullPointerException if an argument or a parameter name is null
     */
    public QueryDefinition {
        requireNonNull(analysisType, "analysisType is null");
        requireNonNull(parameters, "parameters is null");
        Map<String, Object> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> copy.put(requireNonNull(name, "parameter name is null"), value));
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * The collection the query reads ({@code event_collection}).
     *
     * @return the collection's name; null for a funnel, whose steps name theirs
     */
    public String eventCollection() {
        return parameters.get("event_collection") instanceof String name ? name : null;
    }

    /**
     * The properties the query groups by ({@code group_by}, one name or a list).
     *
     * @return the property paths in order; never null, empty when the query is not grouped
     */
    public List<String> groupBy() {
        return switch (parameters.get("group_by")) {
            case String name -> List.of(name);
            case List<?> names -> names.stream().map(String::valueOf).toList();
            case null, default -> List.of();
        };
    }

    /**
     * The query's interval ({@code interval}), which makes its result a series.
     *
     * @return e.g. {@code daily}; null when the query has none
     */
    public String interval() {
        return parameters.get("interval") instanceof String interval && !interval.isBlank() ? interval : null;
    }
}
