package io.cairn.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.internal.ApiRequest;
import io.cairn.client.internal.Method;
import io.cairn.client.model.Filter;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.Timeframe;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the three query builders share: the checks on their common parts, writing those parts as Keen's JSON, and
 * sending a definition as Keen's Java client does ({@code POST /queries/{analysis}} with a JSON body). Stateless and
 * thread-safe.
 */
final class KeenQueries {

    private KeenQueries() {}

    /** The request that runs a query. */
    static ApiRequest request(KeenProject project, QueryDefinition query) {
        return project.request(Method.POST, "queries", query.analysisType().wireName()).withBody(query.parameters());
    }

    /** Runs a query and reads its whole answer. */
    static <R> R run(KeenProject project, QueryDefinition query, Function<JsonNode, R> reader) {
        return project.transport().send(request(project, query), JsonNode.class, reader);
    }

    /** The filters with more added, checked for nulls. */
    static List<Filter> plus(List<Filter> filters, Filter... more) {
        List<Filter> all = new ArrayList<>(filters);
        for (Filter filter : requireNonNull(more, "filters is null")) {
            all.add(requireNonNull(filter, "a filter is null"));
        }
        return List.copyOf(all);
    }

    /** A value that is neither null nor blank. */
    static String requiredText(String value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** A value that is null (unset) or not blank. */
    static String optionalText(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank when set");
        }
        return value;
    }

    /** A zone as Keen takes it: an offset as its seconds, a region by its IANA name. */
    static String timezone(ZoneId zone) {
        requireNonNull(zone, "timezone is null");
        return zone instanceof ZoneOffset offset ? Integer.toString(offset.getTotalSeconds()) : zone.getId();
    }

    /** Puts {@code filters}, {@code timeframe} and {@code timezone} when set. */
    static void putScope(Map<String, Object> json, List<Filter> filters, Timeframe timeframe, String timezone) {
        if (!filters.isEmpty()) {
            json.put("filters", KeenWire.json(filters, "filters"));
        }
        if (timeframe != null) {
            json.put("timeframe", KeenWire.json(timeframe, "timeframe"));
        }
        if (timezone != null) {
            json.put("timezone", timezone);
        }
    }
}
