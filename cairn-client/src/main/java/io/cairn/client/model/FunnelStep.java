package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One step of a funnel: the actors (values of {@code actorProperty}) with an event in {@code eventCollection} that
 * matches the filters in the timeframe. Start from {@link #of(String, String)} and add parts with the {@code with…}
 * methods, {@link #optional()}, {@link #inverted()} and {@link #withActors()}, each of which returns a copy.
 * Immutable and thread-safe.
 *
 * @param eventCollection the collection the step reads; never null, not blank
 * @param actorProperty the property that identifies an actor, e.g. {@code user.id}; never null, not blank
 * @param filters conditions the step's events meet; never null, copied, unmodifiable
 * @param timeframe the step's own timeframe; null to use the funnel's
 * @param timezone the zone the step's relative timeframe is evaluated in (an IANA name or an offset in seconds);
 *     null to use the funnel's
 * @param flags what is special about the step; never null, copied, unmodifiable
 */
public record FunnelStep(String eventCollection, String actorProperty, List<Filter> filters, Timeframe timeframe,
        String timezone, Set<Flag> flags) {

    /** What may be special about a step. */
    public enum Flag {
        /** Counted, but does not narrow the actors of the following steps. Not allowed on the first step. */
        OPTIONAL,
        /** Keeps the previous step's actors who do <em>not</em> match this one. Not allowed on the first step. */
        INVERTED,
        /** The answer lists the step's actors. */
        WITH_ACTORS
    }

    /**
     * Creates a step.
     *
     * @throws NullPointerException if {@code eventCollection}, {@code actorProperty}, {@code filters}, a filter or
     *     {@code flags} is null
     * @throws IllegalArgumentException if {@code eventCollection}, {@code actorProperty} or {@code timezone} is
     *     blank
     */
    public FunnelStep {
        requireNonNull(eventCollection, "eventCollection is null");
        requireNonNull(actorProperty, "actorProperty is null");
        if (eventCollection.isBlank() || actorProperty.isBlank()) {
            throw new IllegalArgumentException("a funnel step needs an event collection and an actor property");
        }
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
        if (timezone != null && timezone.isBlank()) {
            throw new IllegalArgumentException("timezone must not be blank when set");
        }
        Set<Flag> copy = EnumSet.noneOf(Flag.class);
        copy.addAll(requireNonNull(flags, "flags is null"));
        flags = Collections.unmodifiableSet(copy);
    }

    /**
     * A step with no filters, no timeframe or timezone of its own and no flags.
     *
     * @param eventCollection the collection the step reads; never null, not blank
     * @param actorProperty the property that identifies an actor; never null, not blank
     * @return the step; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public static FunnelStep of(String eventCollection, String actorProperty) {
        return new FunnelStep(eventCollection, actorProperty, List.of(), null, null, Set.of());
    }

    /**
     * This step with more filters, after those it has.
     *
     * @param more the filters to add; never null, nor any of them
     * @return the copy; never null
     * @throws NullPointerException if {@code more} or a filter is null
     */
    public FunnelStep withFilters(Filter... more) {
        List<Filter> all = new ArrayList<>(filters);
        all.addAll(List.of(more));
        return new FunnelStep(eventCollection, actorProperty, all, timeframe, timezone, flags);
    }

    /**
     * This step with its own timeframe.
     *
     * @param timeframe the timeframe; null to use the funnel's
     * @return the copy; never null
     */
    public FunnelStep withTimeframe(Timeframe timeframe) {
        return new FunnelStep(eventCollection, actorProperty, filters, timeframe, timezone, flags);
    }

    /**
     * This step with its own timezone.
     *
     * @param timezone an IANA name such as {@code Europe/Paris} or an offset in seconds; null to use the funnel's
     * @return the copy; never null
     * @throws IllegalArgumentException if {@code timezone} is blank
     */
    public FunnelStep withTimezone(String timezone) {
        return new FunnelStep(eventCollection, actorProperty, filters, timeframe, timezone, flags);
    }

    /**
     * This step, {@link Flag#OPTIONAL optional}.
     *
     * @return the copy; never null
     */
    public FunnelStep optional() {
        return with(Flag.OPTIONAL);
    }

    /**
     * This step, {@link Flag#INVERTED inverted}.
     *
     * @return the copy; never null
     */
    public FunnelStep inverted() {
        return with(Flag.INVERTED);
    }

    /**
     * This step, listing its actors in the answer ({@link Flag#WITH_ACTORS}).
     *
     * @return the copy; never null
     */
    public FunnelStep withActors() {
        return with(Flag.WITH_ACTORS);
    }

    /**
     * Whether the step has a flag.
     *
     * @param flag the flag; never null
     * @return true when set
     * @throws NullPointerException if {@code flag} is null
     */
    public boolean has(Flag flag) {
        return flags.contains(requireNonNull(flag, "flag is null"));
    }

    private FunnelStep with(Flag flag) {
        Set<Flag> more = EnumSet.of(flag);
        more.addAll(flags);
        return new FunnelStep(eventCollection, actorProperty, filters, timeframe, timezone, more);
    }
}
