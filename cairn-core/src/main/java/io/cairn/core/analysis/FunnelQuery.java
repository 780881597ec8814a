package io.cairn.core.analysis;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.TimeRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A funnel: how many actors did each step, among those who did the steps before it. */
public record FunnelQuery(List<Step> steps) {

    public static final int MAX_STEPS = 20;

    public FunnelQuery {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw InvalidRequestException.missing("steps");
        }
        if (steps.size() > MAX_STEPS) {
            throw InvalidRequestException.field("steps", "a funnel has at most " + MAX_STEPS + " steps");
        }
        if (steps.getFirst().optional() || steps.getFirst().inverted()) {
            throw InvalidRequestException.field("steps", "the first step cannot be optional or inverted");
        }
    }

    /**
     * One step: actors ({@code actorProperty} values) with an event in {@code collection} matching the filters in
     * the timeframe (null: all time). An optional step is counted but does not narrow the following steps; an
     * inverted step keeps the actors who did NOT do it.
     */
    public record Step(String collection, String actorProperty, List<Filter> filters, TimeRange timeframe,
            boolean optional, boolean inverted, boolean withActors) {
        public Step {
            if (collection == null || collection.isBlank()) {
                throw InvalidRequestException.missing("steps.event_collection");
            }
            if (actorProperty == null || actorProperty.isBlank()) {
                throw InvalidRequestException.missing("steps.actor_property");
            }
            filters = List.copyOf(filters);
        }
    }

    /** Per step: the count, and the actors when the step asked for them (else null). */
    public record Result(List<Long> counts, List<List<Object>> actors) {
        public Result {
            counts = List.copyOf(counts);
            requireNonNull(actors, "actors is null");
            actors = Collections.unmodifiableList(new ArrayList<>(actors));
        }
    }
}
