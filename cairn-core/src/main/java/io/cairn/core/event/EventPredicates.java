package io.cairn.core.event;

import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.TimeRange;
import io.cairn.core.storage.SqlDialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Compiles event filters and timeframes into a SQL condition on a collection's table. A property path maps to one
 * column per type it was stored with; a filter compares the columns whose type suits its value (a number with the
 * number column, a string with the string column and, when it reads as a date-time, with the date-time column), so
 * that type-conflicted properties stay queryable. Missing properties are NULL: they match {@code ne},
 * {@code not_contains} and {@code exists false}, and nothing else. Values are bound as parameters, never spliced.
 */
public final class EventPredicates {

    private static final double EARTH_RADIUS_MILES = 3958.8;

    private final CollectionSchema schema;
    private final SqlDialect dialect;
    private final List<Object> parameters = new ArrayList<>();

    private EventPredicates(CollectionSchema schema, SqlDialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    /** A WHERE condition and its parameters, in order. */
    public record Condition(String sql, List<Object> parameters) {
        public Condition {
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    /** All filters AND-ed, and the timeframe on {@code keen.timestamp} when there is one. */
    public static Condition compile(CollectionSchema schema, List<Filter> filters, TimeRange timeframe,
            SqlDialect dialect) {
        EventPredicates predicates = new EventPredicates(schema, dialect);
        StringJoiner where = new StringJoiner(" AND ");
        where.setEmptyValue("TRUE");
        if (timeframe != null) {
            String column = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
            where.add(column + " >= ? AND " + column + " < ?");
            predicates.parameters.add(timeframe.start());
            predicates.parameters.add(timeframe.end());
        }
        for (Filter filter : filters) {
            where.add("(" + predicates.condition(filter) + ")");
        }
        return new Condition(where.toString(), predicates.parameters);
    }

    private String condition(Filter filter) {
        List<Stored> columns = columns(filter.property());
        Object value = filter.value();
        return switch (filter.operator()) {
            case EQ -> value == null ? allNull(columns) : equal(columns, value);
            case NE -> value == null ? "NOT (" + allNull(columns) + ")" : "NOT coalesce(" + equal(columns, value)
                    + ", FALSE)";
            case LT -> compare(columns, "<", value);
            case LTE -> compare(columns, "<=", value);
            case GT -> compare(columns, ">", value);
            case GTE -> compare(columns, ">=", value);
            case EXISTS -> Boolean.TRUE.equals(value) ? "NOT (" + allNull(columns) + ")" : allNull(columns);
            case IN -> anyOf(((List<?>) value).stream().map(element -> element == null ? allNull(columns)
                    : equal(columns, element)).toList());
            case CONTAINS -> contains(columns, value);
            case NOT_CONTAINS -> "NOT coalesce(" + contains(columns, value) + ", FALSE)";
            case STARTS_WITH -> anyOf(ofType(columns, PropertyType.STRING).stream()
                    .map(c -> "starts_with(" + c.sql + ", " + bind(value) + ")").toList());
            case REGEX -> anyOf(ofType(columns, PropertyType.STRING).stream()
                    .map(c -> "regexp_matches(" + c.sql + ", " + bind(value) + ")").toList());
            case WITHIN -> within(columns, (Map<?, ?>) value);
        };
    }

    /** A column able to hold the property: its SQL reference and its type. */
    private record Stored(String sql, PropertyType type) {}

    private List<Stored> columns(String path) {
        return switch (path) {
            case CollectionSchema.TIMESTAMP_PATH -> List.of(fixed(CollectionSchema.TIMESTAMP_COLUMN,
                    PropertyType.DATETIME));
            case CollectionSchema.CREATED_AT_PATH -> List.of(fixed(CollectionSchema.CREATED_AT_COLUMN,
                    PropertyType.DATETIME));
            case CollectionSchema.ID_PATH -> List.of(fixed(CollectionSchema.ID_COLUMN, PropertyType.STRING));
            default -> schema.columnsOf(path).stream()
                    .map(c -> new Stored(dialect.quoteIdentifier(c.column()), c.type())).toList();
        };
    }

    private Stored fixed(String column, PropertyType type) {
        return new Stored(dialect.quoteIdentifier(column), type);
    }

    private String equal(List<Stored> columns, Object value) {
        return compare(columns, "=", value);
    }

    private String compare(List<Stored> columns, String operator, Object value) {
        List<String> terms = new ArrayList<>();
        for (Stored column : columns) {
            String operand = operand(column.type, value);
            if (operand != null) {
                terms.add(column.sql + " " + operator + " " + operand);
            }
        }
        return anyOf(terms);
    }

    /** The bound value as the column's type would compare it, or null when the types do not meet. */
    private String operand(PropertyType type, Object value) {
        return switch (type) {
            case STRING -> value instanceof String ? bind(value) : null;
            case NUMBER -> value instanceof Double ? bind(value) : null;
            case BOOLEAN -> value instanceof Boolean ? bind(value) : null;
            case DATETIME -> value instanceof String text ? datetime(text) : null;
            case LIST, NULL -> null;
        };
    }

    private String datetime(String text) {
        long micros = IsoDateTimes.parseMicros(text);
        if (micros == IsoDateTimes.NOT_A_DATETIME) {
            return null;
        }
        return bind(EpochMicros.toInstant(micros));
    }

    private String contains(List<Stored> columns, Object value) {
        List<String> terms = new ArrayList<>();
        for (Stored column : columns) {
            if (column.type == PropertyType.STRING && value instanceof String) {
                terms.add("contains(" + column.sql + ", " + bind(value) + ")");
            } else if (column.type == PropertyType.LIST && value != null) {
                terms.add("json_contains(" + column.sql + ", " + bind(jsonScalar(value)) + "::JSON)");
            }
        }
        return anyOf(terms);
    }

    private String within(List<Stored> columns, Map<?, ?> value) {
        List<?> center = (List<?>) value.get("coordinates");
        double lon = ((Number) center.get(0)).doubleValue();
        double lat = ((Number) center.get(1)).doubleValue();
        double miles = ((Number) value.get("max_distance_miles")).doubleValue();
        List<String> terms = new ArrayList<>();
        for (Stored column : ofType(columns, PropertyType.LIST)) {
            String pointLon = "TRY_CAST(json_extract(" + column.sql + ", '$[0]') AS DOUBLE)";
            String pointLat = "TRY_CAST(json_extract(" + column.sql + ", '$[1]') AS DOUBLE)";
            // Haversine distance on a sphere, in miles.
            terms.add(EARTH_RADIUS_MILES + " * 2 * asin(sqrt(pow(sin(radians(" + pointLat + " - " + bind(lat)
                    + ") / 2), 2) + cos(radians(" + bind(lat) + ")) * cos(radians(" + pointLat + ")) * pow(sin(radians("
                    + pointLon + " - " + bind(lon) + ") / 2), 2))) <= " + bind(miles));
        }
        return anyOf(terms);
    }

    private static List<Stored> ofType(List<Stored> columns, PropertyType type) {
        return columns.stream().filter(c -> c.type == type).toList();
    }

    private static String allNull(List<Stored> columns) {
        StringJoiner all = new StringJoiner(" AND ");
        all.setEmptyValue("TRUE");
        columns.forEach(c -> all.add(c.sql + " IS NULL"));
        return all.toString();
    }

    private static String anyOf(List<String> terms) {
        if (terms.isEmpty()) {
            return "FALSE";
        }
        return terms.size() == 1 ? terms.getFirst() : "(" + String.join(" OR ", terms) + ")";
    }

    private String bind(Object value) {
        parameters.add(value);
        return "?";
    }

    private static String jsonScalar(Object value) {
        if (value instanceof String text) {
            StringBuilder json = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            return json.append('"').toString();
        }
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }
}
