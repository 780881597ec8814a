package io.cairn.core.analysis;

import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventPredicates;
import io.cairn.core.storage.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A funnel as one chain of common table expressions: {@code b<i>} the distinct actors of step i on their own,
 * {@code s<i>} those of them still in the funnel ({@code INTERSECT} with the previous survivors, or {@code EXCEPT}
 * for an inverted step), {@code p<i>} the survivors passed on (an optional step passes on its predecessor's).
 * Actors compare as text, so a step may use another collection and another actor property than the step before.
 */
final class Funnels {

    private final SqlDialect dialect;

    Funnels(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The CTE chain; fills {@code parameters} in order. */
    String chain(FunnelQuery query, Function<String, Optional<CollectionSchema>> schemas, List<Object> parameters) {
        List<String> ctes = new ArrayList<>();
        for (int i = 1; i <= query.steps().size(); i++) {
            FunnelQuery.Step step = query.steps().get(i - 1);
            ctes.add("b" + i + " AS (" + base(step, schemas.apply(step.collection()), parameters) + ")");
            if (i == 1) {
                ctes.add("s1 AS (SELECT a FROM b1)");
                ctes.add("p1 AS (SELECT a FROM s1)");
                continue;
            }
            String operator = step.inverted() ? "EXCEPT" : "INTERSECT";
            ctes.add("s" + i + " AS (SELECT a FROM p" + (i - 1) + " " + operator + " SELECT a FROM b" + i + ")");
            ctes.add("p" + i + " AS (SELECT a FROM " + (step.optional() ? "p" + (i - 1) : "s" + i) + ")");
        }
        return "WITH " + String.join(", ", ctes) + " ";
    }

    String counts(int steps) {
        List<String> counts = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            counts.add("(SELECT count(*) FROM s" + i + ")");
        }
        return "SELECT " + String.join(", ", counts);
    }

    private String base(FunnelQuery.Step step, Optional<CollectionSchema> schema, List<Object> parameters) {
        if (schema.isEmpty()) {
            return "SELECT CAST(NULL AS VARCHAR) AS a WHERE FALSE";
        }
        EventPredicates.Condition where = EventPredicates.compile(schema.get(), step.filters(), step.timeframe(),
                dialect);
        parameters.addAll(where.parameters());
        String actor = Properties.text(schema.get(), step.actorProperty(), dialect);
        return "SELECT DISTINCT " + actor + " AS a FROM " + dialect.quoteIdentifier(schema.get().table()) + " WHERE "
                + where.sql() + " AND " + actor + " IS NOT NULL";
    }
}
