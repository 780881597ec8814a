package io.cairn.core.project;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.event.EventError;
import io.cairn.core.event.EventNames;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the options of Keen's restricted keys into the {@link Scope.Restricted} Cairn enforces.
 *
 * <p>Access keys: {@code queries.filters} and {@code queries.timeframe} (forced onto every query),
 * {@code writes.autofill} (merged into every event), {@code saved_queries.allowed} (the only saved queries the
 * key may read) and {@code datasets} ({@code operations}, {@code allowed} with index values, {@code blocked}). Other
 * options are kept in the key but not enforced.
 *
 * <p>Scoped keys: {@code allowed_operations} ({@code read}, {@code write}), {@code filters} and {@code timeframe}.
 *
 * <p>Every failure is an {@link InvalidRequestException} naming the offending option.
 */
final class KeyOptions {

    /** What Keen's {@code read} operation of a scoped key allows: everything but writing. */
    static final Set<Permission> READ_PERMISSIONS = EnumSet.complementOf(EnumSet.of(Permission.WRITES));

    private static final String FILTER_SHAPE = "a list of {\"property_name\", \"operator\", \"property_value\"}";

    private KeyOptions() {}

    static Scope.Restricted accessKeyScope(AccessKeySpec spec) {
        Map<String, Object> options = spec.options();
        Map<?, ?> queries = section(options, "queries");
        Map<?, ?> writes = section(options, "writes");
        Map<?, ?> savedQueries = section(options, "saved_queries");
        return new Scope.Restricted(spec.permitted(),
                filters(queries.get("filters"), "options.queries.filters"),
                timeframe(queries.get("timeframe"), "options.queries.timeframe"),
                autofill(writes.get("autofill"), "options.writes.autofill"),
                names(savedQueries.get("allowed"), "options.saved_queries.allowed"),
                datasets(section(options, "datasets")));
    }

    static Scope.Restricted scopedKeyScope(Map<String, Object> options) {
        if (!(options.get("allowed_operations") instanceof List<?> operations) || operations.isEmpty()) {
            throw invalid("allowed_operations", "allowed_operations must be a non-empty list of read, write");
        }
        Set<Permission> permitted = EnumSet.noneOf(Permission.class);
        for (Object operation : operations) {
            switch (String.valueOf(operation)) {
                case "read" -> permitted.addAll(READ_PERMISSIONS);
                case "write" -> permitted.add(Permission.WRITES);
                default -> throw invalid("allowed_operations",
                        "allowed_operations may hold read and write, not " + operation);
            }
        }
        return new Scope.Restricted(permitted, filters(options.get("filters"), "filters"),
                timeframe(options.get("timeframe"), "timeframe"), Map.of(), Optional.empty(), DatasetAccess.ANY);
    }

    private static Map<?, ?> section(Map<String, Object> options, String name) {
        return switch (options.get(name)) {
            case null -> Map.of();
            case Map<?, ?> map -> map;
            default -> throw invalid("options." + name, "options." + name + " must be an object");
        };
    }

    private static List<Filter> filters(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalidFilters(field, field + " must be " + FILTER_SHAPE);
        }
        List<Filter> filters = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> filter)) {
                throw invalidFilters(field, field + " must be " + FILTER_SHAPE);
            }
            String operatorName = filter.get("operator") instanceof String text ? text : "";
            FilterOperator operator = FilterOperator.fromId(operatorName).orElseThrow(() -> invalidFilters(field,
                    field + " has an unknown filter operator '" + operatorName + "'"));
            String property = filter.get("property_name") instanceof String text ? text : null;
            filters.add(Filter.of(property, operator, filter.get("property_value")));
        }
        return filters;
    }

    private static Optional<Timeframe> timeframe(Object value, String field) {
        return switch (value) {
            case null -> Optional.empty();
            case String text -> Optional.of(Timeframe.parse(text));
            case Map<?, ?> range -> Optional.of(Timeframe.absolute(textOrNull(range.get("start")),
                    textOrNull(range.get("end"))));
            default -> throw new InvalidRequestException(ErrorCode.INVALID_TIMEFRAME, field
                    + " must be a relative timeframe such as this_7_days or {\"start\": ..., \"end\": ...}",
                    Map.of("field", field));
        };
    }

    /** Autofill must make valid events out of valid events: proper property names, and values that are not null. */
    private static Map<String, Object> autofill(Object value, String field) {
        return switch (value) {
            case null -> Map.of();
            case Map<?, ?> properties -> {
                checkAutofill(properties, field);
                yield JsonValues.freeze(properties);
            }
            default -> throw invalid(field, field + " must be an object of properties");
        };
    }

    private static void checkAutofill(Map<?, ?> properties, String field) {
        properties.forEach((name, value) -> {
            Optional<EventError> badName = EventNames.checkProperty(String.valueOf(name));
            if (badName.isPresent()) {
                throw new InvalidRequestException(ErrorCode.INVALID_PROPERTY_NAME,
                        field + ": " + badName.get().message(), Map.of("field", field));
            }
            if (value == null) {
                throw invalid(field, field + " cannot set " + name + " to null");
            }
            if (value instanceof Map<?, ?> nested) {
                checkAutofill(nested, field);
            }
        });
    }

    private static Optional<Set<String>> names(Object value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw invalid(field, field + " must be a list of names");
        }
        Set<String> names = new LinkedHashSet<>();
        list.forEach(name -> names.add((String) name));
        return Optional.of(names);
    }

    /** {@code {"operations": [...], "allowed": {"name": {"index_by": {"prop": [values]}}}, "blocked": [...]}}. */
    private static DatasetAccess datasets(Map<?, ?> section) {
        Optional<Set<String>> operations = names(section.get("operations"), "options.datasets.operations");
        operations.ifPresent(ops -> ops.forEach(op -> {
            if (!Set.of(DatasetAccess.LIST, DatasetAccess.RETRIEVE, DatasetAccess.READ).contains(op)) {
                throw invalid("options.datasets.operations", "options.datasets.operations may hold list, retrieve"
                        + " and read, not " + op);
            }
        }));
        Optional<Map<String, Map<String, List<Object>>>> allowed = switch (section.get("allowed")) {
            case null -> Optional.empty();
            case Map<?, ?> map -> Optional.of(allowedDatasets(map));
            default -> throw invalid("options.datasets.allowed", "options.datasets.allowed must be an object of"
                    + " dataset names, each {} or {\"index_by\": {\"property\": [values]}}");
        };
        Set<String> blocked = names(section.get("blocked"), "options.datasets.blocked").orElse(Set.of());
        return new DatasetAccess(operations, allowed, blocked);
    }

    private static Map<String, Map<String, List<Object>>> allowedDatasets(Map<?, ?> map) {
        String field = "options.datasets.allowed";
        Map<String, Map<String, List<Object>>> allowed = new LinkedHashMap<>();
        map.forEach((name, limits) -> {
            Map<String, List<Object>> byProperty = new LinkedHashMap<>();
            Object indexBy = limits instanceof Map<?, ?> entry ? entry.get("index_by") : null;
            if (!(limits instanceof Map<?, ?>) || (indexBy != null && !(indexBy instanceof Map<?, ?>))) {
                throw invalid(field, field + "." + name + " must be {} or {\"index_by\": {\"property\": [values]}}");
            }
            if (indexBy instanceof Map<?, ?> properties) {
                properties.forEach((property, values) -> {
                    if (!(values instanceof List<?> list) || list.isEmpty() || list.contains(null)) {
                        throw invalid(field, field + "." + name + ".index_by." + property
                                + " must be a non-empty list of values (not null)");
                    }
                    byProperty.put(String.valueOf(property), List.copyOf(list));
                });
            }
            allowed.put(String.valueOf(name), byProperty);
        });
        return allowed;
    }

    private static String textOrNull(Object value) {
        return value instanceof String text ? text : null;
    }

    private static InvalidRequestException invalidFilters(String field, String message) {
        return new InvalidRequestException(ErrorCode.INVALID_FILTER, message, Map.of("field", field));
    }

    private static InvalidRequestException invalid(String field, String message) {
        return InvalidRequestException.field(field, message);
    }
}
