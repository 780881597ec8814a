package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.internal.ApiRequest;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.Filter;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.Timeframe;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An extraction: the matching events themselves. Made by {@link EventsClient#extraction(String)}, refined with the
 * methods below, then read whole with {@link #run()} or one event at a time with {@link #stream()}:
 *
 * <pre>{@code
 * try (Stream<Map<String, Object>> events = cairn.events().extraction("purchases")
 *         .timeframe(Timeframe.relative("this_7_days")).propertyNames("user.id", "item.price").stream()) {
 *     events.forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Each event is a map of its properties as the server shows them: nested objects as maps, lists as lists, whole
 * numbers as {@link Long}, other numbers as {@link Double}, date-times such as {@code keen.timestamp} as ISO-8601
 * strings. Immutable and thread-safe: every method but {@link #run()}, {@link #stream()} and {@link #definition()}
 * returns a changed copy. (Keen's {@code email} option, which mails the events instead, is not offered: Cairn refuses
 * it.)
 */
public final class ExtractionQuery implements Query {

    private final KeenProject project;
    private final String collection;
    private final List<Filter> filters;
    private final Timeframe timeframe;
    private final String timezone;
    private final Integer latest;
    private final List<String> propertyNames;

    private ExtractionQuery(KeenProject project, String collection, List<Filter> filters, Timeframe timeframe,
            String timezone, Integer latest, List<String> propertyNames) {
        this.project = project;
        this.collection = collection;
        this.filters = filters;
        this.timeframe = timeframe;
        this.timezone = timezone;
        this.latest = latest;
        this.propertyNames = propertyNames;
    }

    static ExtractionQuery of(KeenProject project, String collection) {
        return new ExtractionQuery(project, KeenQueries.requiredText(collection, "collection"), List.of(), null, null,
                null, List.of());
    }

    /**
     * This extraction over a timeframe.
     *
     * @param timeframe the events' time span; null for all time (Cairn; Keen's hosted API requires one)
     * @return the copy; never null
     */
    public ExtractionQuery timeframe(Timeframe timeframe) {
        return new ExtractionQuery(project, collection, filters, timeframe, timezone, latest, propertyNames);
    }

    /**
     * This extraction with more filters, AND-ed with those it has.
     *
     * @param filters conditions the extracted events meet; never null, nor any of them
     * @return the copy; never null
     * @throws NullPointerException if {@code filters} or a filter is null
     */
    public ExtractionQuery filter(Filter... filters) {
        return new ExtractionQuery(project, collection, KeenQueries.plus(this.filters, filters), timeframe, timezone,
                latest, propertyNames);
    }

    /**
     * This extraction with a relative timeframe evaluated in a zone.
     *
     * @param timezone an IANA name such as {@code Europe/Paris}, or an offset in seconds; null for the server's
     *     default (UTC)
     * @return the copy; never null
     * @throws IllegalArgumentException if {@code timezone} is blank
     */
    public ExtractionQuery timezone(String timezone) {
        return new ExtractionQuery(project, collection, filters, timeframe,
                KeenQueries.optionalText(timezone, "timezone"), latest, propertyNames);
    }

    /**
     * This extraction with a relative timeframe evaluated in a zone: a region is sent by its IANA name, a fixed
     * offset as seconds.
     *
     * @param timezone the zone; never null
     * @return the copy; never null
     * @throws NullPointerException if {@code timezone} is null
     */
    public ExtractionQuery timezone(ZoneId timezone) {
        return timezone(KeenQueries.timezone(timezone));
    }

    /**
     * This extraction keeping only the newest events.
     *
     * @param latest how many of the newest matching events to return; at least 1
     * @return the copy; never null
     * @throws IllegalArgumentException if {@code latest} is less than 1
     */
    public ExtractionQuery latest(int latest) {
        if (latest < 1) {
            throw new IllegalArgumentException("latest must be at least 1, got " + latest);
        }
        return new ExtractionQuery(project, collection, filters, timeframe, timezone, latest, propertyNames);
    }

    /**
     * This extraction keeping only some properties of each event. Replaces any earlier choice.
     *
     * @param propertyNames the property paths to keep, e.g. {@code user.id}; none for every property; never null,
     *     none blank
     * @return the copy; never null
     * @throws IllegalArgumentException if a name is blank
     * @throws NullPointerException if {@code propertyNames} or a name is null
     */
    public ExtractionQuery propertyNames(String... propertyNames) {
        for (String name : requireNonNull(propertyNames, "propertyNames is null")) {
            KeenQueries.requiredText(name, "a property name");
        }
        return new ExtractionQuery(project, collection, filters, timeframe, timezone, latest,
                List.of(propertyNames));
    }

    @Override
    public QueryDefinition definition() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_collection", collection);
        KeenQueries.putScope(json, filters, timeframe, timezone);
        if (latest != null) {
            json.put("latest", latest);
        }
        if (!propertyNames.isEmpty()) {
            json.put("property_names", propertyNames);
        }
        return new QueryDefinition(AnalysisType.EXTRACTION, json);
    }

    /**
     * Runs the extraction and reads every event ({@code POST /queries/extraction}). For many events prefer {@link
     * #stream()}, which holds one at a time. Needs a read or master key (or an access or scoped key permitted to
     * query, whose filters and timeframe the server adds). Not retried: a POST.
     *
     * @return the events in the server's order (Cairn: oldest first); never null, unmodifiable
     * @throws IllegalStateException if the {@link Cairn} has no project id or key, or is closed
     * @throws CairnApiException if the server refuses the extraction
     * @throws CairnConnectionException if the server cannot be reached, or the connection fails while reading
     * @throws CairnClientException if the answer cannot be read
     */
    public List<Map<String, Object>> run() {
        try (Stream<Map<String, Object>> events = stream()) {
            return events.toList();
        }
    }

    /**
     * Runs the extraction and returns its events as the server sends them, read one at a time: memory stays
     * bounded however many there are. The stream holds the connection open: close it (try-with-resources), whether
     * or not it was read to the end. Sequential; use it from one thread.
     *
     * @return the events in the server's order, lazily read; never null. Its terminal operations throw {@link
     *     CairnConnectionException} if the connection fails, and {@link CairnClientException} if the answer turns
     *     out unreadable, midway
     * @throws IllegalStateException if the {@link Cairn} has no project id or key, or is closed
     * @throws CairnApiException if the server refuses the extraction
     * @throws CairnConnectionException if the server cannot be reached
     * @throws CairnClientException if the answer does not start as an extraction answer
     */
    public Stream<Map<String, Object>> stream() {
        ApiRequest request = KeenQueries.request(project, definition());
        InputStream body = project.transport().sendForStream(request);
        return KeenEventStream.open(body, "POST /" + String.join("/", request.path()));
    }
}
