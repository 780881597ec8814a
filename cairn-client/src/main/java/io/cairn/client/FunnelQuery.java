package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.FunnelResult;
import io.cairn.client.model.FunnelStep;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.Timeframe;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A funnel: unique actors counted step after step, each step keeping the previous step's actors who also match it.
 * Made by {@link EventsClient#funnel(FunnelStep...)}, refined with a timeframe and timezone for the steps that have
 * none of their own, then {@link #run() run}:
 *
 * <pre>{@code
 * FunnelResult funnel = cairn.events().funnel(
 *                 FunnelStep.of("signups", "user.id"),
 *                 FunnelStep.of("purchases", "user.id").withFilters(Filter.gt("price", 10)).withActors())
 *         .timeframe(Timeframe.relative("this_14_days"))
 *         .run();
 * List<Long> counts = funnel.counts();
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #timeframe(Timeframe)} and {@link #timezone(String)} return changed copies.
 * Checks what Keen's own clients check: at least one step, and the first step neither optional nor inverted.
 * (Keen's hosted API also requires a timeframe, on the funnel or on every step; Cairn defaults to all time.)
 */
public final class FunnelQuery implements Query {

    private final KeenProject project;
    private final List<FunnelStep> steps;
    private final Timeframe timeframe;
    private final String timezone;

    private FunnelQuery(KeenProject project, List<FunnelStep> steps, Timeframe timeframe, String timezone) {
        this.project = project;
        this.steps = steps;
        this.timeframe = timeframe;
        this.timezone = timezone;
    }

    /** @throws IllegalArgumentException if there is no step, or the first is optional or inverted */
    static FunnelQuery of(KeenProject project, FunnelStep... steps) {
        List<FunnelStep> list = List.of(requireNonNull(steps, "steps is null"));
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a funnel needs at least one step");
        }
        FunnelStep first = list.getFirst();
        if (first.has(FunnelStep.Flag.OPTIONAL) || first.has(FunnelStep.Flag.INVERTED)) {
            throw new IllegalArgumentException("the first step of a funnel cannot be optional or inverted");
        }
        return new FunnelQuery(project, list, null, null);
    }

    /**
     * This funnel with a timeframe for the steps that have none of their own.
     *
     * @param timeframe the time span; null for none (Cairn: all time)
     * @return the copy; never null
     */
    public FunnelQuery timeframe(Timeframe timeframe) {
        return new FunnelQuery(project, steps, timeframe, timezone);
    }

    /**
     * This funnel with relative timeframes evaluated in a zone, for the steps that have no timezone of their own.
     *
     * @param timezone an IANA name such as {@code Europe/Paris}, or an offset in seconds; null for the server's
     *     default (UTC)
     * @return the copy; never null
     * @throws IllegalArgumentException if {@code timezone} is blank
     */
    public FunnelQuery timezone(String timezone) {
        return new FunnelQuery(project, steps, timeframe, KeenQueries.optionalText(timezone, "timezone"));
    }

    /**
     * This funnel with relative timeframes evaluated in a zone: a region is sent by its IANA name, a fixed offset as
     * seconds.
     *
     * @param timezone the zone; never null
     * @return the copy; never null
     * @throws NullPointerException if {@code timezone} is null
     */
    public FunnelQuery timezone(ZoneId timezone) {
        return timezone(KeenQueries.timezone(timezone));
    }

    /**
     * The steps, in order.
     *
     * @return the steps; never null, unmodifiable
     */
    public List<FunnelStep> steps() {
        return steps;
    }

    @Override
    public QueryDefinition definition() {
        List<Object> stepsJson = new ArrayList<>(steps.size());
        for (FunnelStep step : steps) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("event_collection", step.eventCollection());
            json.put("actor_property", step.actorProperty());
            KeenQueries.putScope(json, step.filters(), step.timeframe(), step.timezone());
            putFlag(json, step, FunnelStep.Flag.OPTIONAL, "optional");
            putFlag(json, step, FunnelStep.Flag.INVERTED, "inverted");
            putFlag(json, step, FunnelStep.Flag.WITH_ACTORS, "with_actors");
            stepsJson.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("steps", List.copyOf(stepsJson));
        KeenQueries.putScope(json, List.of(), timeframe, timezone);
        return new QueryDefinition(AnalysisType.FUNNEL, json);
    }

    private static void putFlag(Map<String, Object> json, FunnelStep step, FunnelStep.Flag flag, String name) {
        if (step.has(flag)) {
            json.put(name, true);
        }
    }

    /**
     * Runs the funnel ({@code POST /queries/funnel} with the {@link #definition()} as JSON). Needs a read or master
     * key (or an access or scoped key permitted to query, whose filters and timeframe the server adds to every
     * step). Not retried: a POST.
     *
     * @return one count per step, in order, and the actors of the steps that asked for them; never null
     * @throws IllegalStateException if the {@link Cairn} has no project id or key, or is closed
     * @throws CairnApiException if the server refuses the funnel
     * @throws CairnConnectionException if the server cannot be reached
     * @throws CairnClientException if the answer cannot be read
     */
    public FunnelResult run() {
        return KeenQueries.run(project, definition(), KeenResults::funnel);
    }
}
