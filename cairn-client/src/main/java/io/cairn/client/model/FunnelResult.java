package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a funnel: for each step, in order, how many actors reached it and, when the step asked for them,
 * which. Immutable and thread-safe.
 *
 * @param steps one per step of the funnel, in order; never null, copied, unmodifiable
 */
public record FunnelResult(List<Step> steps) implements QueryResult {

    /**
     * Creates a funnel result.
     *
     * @throws NullPointerException if {@code steps} or a step is null
     */
    public FunnelResult {
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
    }

    /**
     * The count of each step, in order.
     *
     * @return the counts; never null, unmodifiable
     */
    public List<Long> counts() {
        return steps.stream().map(Step::count).toList();
    }

    /**
     * One step's outcome.
     *
     * @param eventCollection the collection the step read, as the server echoed it; never null
     * @param actorProperty the step's actor property, as the server echoed it; never null
     * @param count how many actors reached the step
     * @param actors the actors who reached it (strings, numbers or booleans as the server wrote them; Cairn writes
     *     them as strings), when the step asked for them ({@link FunnelStep.Flag#WITH_ACTORS}); never null, empty
     *     when it did not ask; the list is unmodifiable
     */
    public record Step(String eventCollection, String actorProperty, long count, Optional<List<Object>> actors) {

        /**
         * Creates a step outcome; the actor list is copied.
         *
         * @throws NullPointerException if {@code eventCollection}, {@code actorProperty} or {@code actors} is null
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Step {
            requireNonNull(eventCollection, "eventCollection is null");
            requireNonNull(actorProperty, "actorProperty is null");
            requireNonNull(actors, "actors is null");
            if (count < 0) {
                throw new IllegalArgumentException("a step count cannot be negative, got " + count);
            }
            actors = actors.map(list -> Collections.unmodifiableList(new ArrayList<>(list)));
        }
    }
}
