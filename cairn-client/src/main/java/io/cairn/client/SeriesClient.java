package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.TempoDbWire.BulkItemJson;
import io.cairn.client.TempoDbWire.BulkJson;
import io.cairn.client.TempoDbWire.DataSetJson;
import io.cairn.client.TempoDbWire.KeyedPointJson;
import io.cairn.client.TempoDbWire.MultiStatusJson;
import io.cairn.client.TempoDbWire.PointJson;
import io.cairn.client.TempoDbWire.SeriesJson;
import io.cairn.client.error.ApiError;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.internal.ApiRequest;
import io.cairn.client.internal.ApiResponse;
import io.cairn.client.internal.Auth;
import io.cairn.client.internal.Json;
import io.cairn.client.internal.Method;
import io.cairn.client.internal.Transport;
import io.cairn.client.model.DataPoint;
import io.cairn.client.model.DataSet;
import io.cairn.client.model.MultiPoint;
import io.cairn.client.model.ReadOptions;
import io.cairn.client.model.Series;
import io.cairn.client.model.SeriesFilter;
import io.cairn.client.model.SeriesRef;
import io.cairn.client.model.WriteStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The time-series API in TempoDB's wire format ({@code /v1/series}, {@code /v1/data}...): series metadata, writes
 * and increments of one series, bulk and multi writes, rollup reads, range deletes. Works against Cairn and against
 * any server speaking TempoDB's 0.x API. Every call authenticates with HTTP Basic, the key id of {@link
 * Cairn.Builder#keyId(String)} and the secret of {@link Cairn.Builder#key(String)}: a read key to list and read, a
 * write key to create, update and write, the master key to delete.
 *
 * <p>Obtained from {@link Cairn#series()}; immutable, thread-safe, usable until its {@link Cairn} is closed.
 * Timestamps are sent as UTC with milliseconds and come back the same way.
 *
 * <p>Every method may throw, besides what it lists: {@link IllegalStateException} if the {@link Cairn} has no key
 * id or no key, or is closed; {@link io.cairn.client.error.UnauthorizedException} for unknown credentials; {@link
 * io.cairn.client.error.ForbiddenException} if the key's role may not do this; {@link
 * io.cairn.client.error.BadRequestException} for input the server refuses (the message says why); {@link
 * io.cairn.client.error.CairnConnectionException} if the server cannot be reached. Reads and deletes are retried on
 * connection failures and 503; writes are not.
 */
public final class SeriesClient {

    private final Transport transport;
    private final String keyId;
    private final String key;

    SeriesClient(Transport transport, String keyId, String key) {
        this.transport = requireNonNull(transport, "transport is null");
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * Creates a series ({@code POST /v1/series/}).
     *
     * @param key the series key; null to let the server generate one
     * @return the new series; never null
     * @throws io.cairn.client.error.ConflictException if a series with that key exists
     */
    public Series create(String key) {
        Map<String, String> body = key == null ? Map.of() : Map.of("key", key);
        return transport.send(request(Method.POST, "series").withBody(body), SeriesJson.class, SeriesJson::toModel);
    }

    /**
     * Lists series ({@code GET /v1/series/}).
     *
     * @param filter which series; {@link SeriesFilter#ALL} for all; never null
     * @return the series in creation order; never null
     */
    public List<Series> list(SeriesFilter filter) {
        return transport.send(filtered(request(Method.GET, "series"), filter), SeriesJson[].class,
                SeriesJson::toModels);
    }

    /**
     * Gets one series by key.
     *
     * @param key the key; never null
     * @return the series; never null
     * @throws NotFoundException if there is none
     */
    public Series get(String key) {
        List<Series> found = list(SeriesFilter.keys(requireNonNull(key, "key is null")));
        if (found.isEmpty()) {
            throw new NotFoundException(new ApiError(404, "series_not_found", null, "no series with key " + key,
                    "key", ""));
        }
        return found.getFirst();
    }

    /**
     * Replaces a series' name, tags and attributes ({@code PUT /v1/series/id/{id}/}); id and key never change.
     *
     * @param series the series as it should be; never null
     * @return the series as stored; never null
     */
    public Series update(Series series) {
        requireNonNull(series, "series is null");
        return transport.send(request(Method.PUT, "series", "id", series.id()).withBody(SeriesJson.of(series)),
                SeriesJson.class, SeriesJson::toModel);
    }

    /**
     * Deletes the series a filter selects, with their points ({@code DELETE /v1/series/}).
     *
     * @param filter which series; must not be empty (see {@link #deleteAll()}); never null
     * @return how many were deleted
     * @throws IllegalArgumentException if the filter is empty
     */
    public int delete(SeriesFilter filter) {
        if (filter.isEmpty()) {
            throw new IllegalArgumentException("an empty filter would delete every series; use deleteAll()");
        }
        return deleted(filtered(request(Method.DELETE, "series"), filter).withQuery("allow_truncation", "false"));
    }

    /**
     * Deletes every series of the project with its points.
     *
     * @return how many were deleted
     */
    public int deleteAll() {
        return deleted(request(Method.DELETE, "series").withQuery("allow_truncation", "true"));
    }

    /**
     * Writes points to one series; a point at a time already stored replaces it. Writing by key creates the series.
     *
     * @param series the series; never null
     * @param points the points; never null
     */
    public void write(SeriesRef series, List<DataPoint> points) {
        transport.send(request(Method.POST, "series", series.kind(), series.value(), "data")
                .withBody(points.stream().map(PointJson::of).toList()));
    }

    /**
     * Adds each point's value to the value stored at its time (atomically); a time with no point starts at 0.
     *
     * @param series the series; never null
     * @param points the amounts to add; never null
     */
    public void increment(SeriesRef series, List<DataPoint> points) {
        transport.send(request(Method.POST, "series", series.kind(), series.value(), "increment")
                .withBody(points.stream().map(PointJson::of).toList()));
    }

    /**
     * Writes one value to each of several series at one time ({@code POST /v1/data/}); all or nothing.
     *
     * @param t the time of every point; never null
     * @param values the value of each series; never null
     */
    public void writeBulk(Instant t, Map<SeriesRef, Double> values) {
        List<BulkItemJson> data = new ArrayList<>();
        values.forEach((ref, v) -> data.add(ref.kind().equals("id") ? new BulkItemJson(ref.value(), null, v)
                : new BulkItemJson(null, ref.value(), v)));
        transport.send(request(Method.POST, "data").withBody(new BulkJson(TempoDbWire.time(t), data)));
    }

    /**
     * Writes points that each name their series ({@code POST /v1/multi/}). The server stores the good points even
     * when some are refused.
     *
     * @param points the points; never null
     * @return one status per point, in order; never null
     */
    public List<WriteStatus> writeMulti(List<MultiPoint> points) {
        return multi(points, "multi");
    }

    /**
     * Increments points that each name their series ({@code POST /v1/multi/increment/}).
     *
     * @param points the amounts to add; never null
     * @return one status per point, in order; never null
     */
    public List<WriteStatus> incrementMulti(List<MultiPoint> points) {
        return multi(points, "multi", "increment");
    }

    /**
     * Reads one series ({@code GET /v1/series/{id|key}/{value}/data/}).
     *
     * @param series the series; never null
     * @param options the range and rollup; never null
     * @return the data set; never null
     * @throws io.cairn.client.error.NotFoundException if there is no such series
     */
    public DataSet read(SeriesRef series, ReadOptions options) {
        return transport.send(withOptions(request(Method.GET, "series", series.kind(), series.value(), "data"),
                options), DataSetJson.class, DataSetJson::toModel);
    }

    /**
     * Reads every series a filter selects ({@code GET /v1/data/}).
     *
     * @param filter which series; never null
     * @param options the range and rollup; never null
     * @return one data set per series, in creation order; never null
     */
    public List<DataSet> read(SeriesFilter filter, ReadOptions options) {
        return transport.send(withOptions(filtered(request(Method.GET, "data"), filter), options),
                DataSetJson[].class, DataSetJson::toModels);
    }

    /**
     * Deletes one series' points in {@code [start, end)}.
     *
     * @param series the series; never null
     * @param start the first time deleted; never null
     * @param end the first time kept after the range; never null
     */
    public void delete(SeriesRef series, Instant start, Instant end) {
        transport.send(request(Method.DELETE, "series", series.kind(), series.value(), "data")
                .withQuery("start", TempoDbWire.time(start)).withQuery("end", TempoDbWire.time(end)));
    }

    private List<WriteStatus> multi(List<MultiPoint> points, String... path) {
        ApiResponse response = transport.send(request(Method.POST, path)
                .withBody(points.stream().map(KeyedPointJson::of).toList()));
        if (response.status() == 200) {
            return Collections.nCopies(points.size(), WriteStatus.STORED);
        }
        try {
            return Json.read(response.body(), MultiStatusJson.class).error().multistatus().stream()
                    .map(TempoDbWire.StatusJson::toModel).toList();
        } catch (IOException | RuntimeException e) {
            throw new CairnClientException("unreadable multi-status answer: " + e.getMessage(), e);
        }
    }

    private int deleted(ApiRequest request) {
        return transport.send(request, Map.class, answer -> ((Number) answer.get("deleted")).intValue());
    }

    private static ApiRequest filtered(ApiRequest request, SeriesFilter filter) {
        ApiRequest filtered = request;
        for (String id : filter.ids()) {
            filtered = filtered.withQuery("id", id);
        }
        for (String key : filter.keys()) {
            filtered = filtered.withQuery("key", key);
        }
        for (String tag : filter.tags()) {
            filtered = filtered.withQuery("tag", tag);
        }
        for (Map.Entry<String, String> attribute : filter.attributes().entrySet()) {
            filtered = filtered.withQuery("attr[" + attribute.getKey() + "]", attribute.getValue());
        }
        return filtered;
    }

    private static ApiRequest withOptions(ApiRequest request, ReadOptions options) {
        ApiRequest read = request.withQuery("start", TempoDbWire.time(options.start()))
                .withQuery("end", TempoDbWire.time(options.end()));
        if (options.interval() != null) {
            read = read.withQuery("interval", options.interval());
        }
        if (options.function() != null) {
            read = read.withQuery("function", options.function());
        }
        if (options.zone() != null) {
            read = read.withQuery("tz", options.zone().getId());
        }
        return read;
    }

    private ApiRequest request(Method method, String... path) {
        if (keyId == null || key == null) {
            throw new IllegalStateException("no key id or key: set them with Cairn.builder().keyId(...).key(...)"
                    + " to use the series API");
        }
        String[] segments = new String[path.length + 1];
        segments[0] = "v1";
        System.arraycopy(path, 0, segments, 1, path.length);
        return ApiRequest.of(method, segments).withAuth(Auth.basic(keyId, key));
    }
}
