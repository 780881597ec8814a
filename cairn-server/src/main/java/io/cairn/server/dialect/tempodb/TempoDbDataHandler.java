package io.cairn.server.dialect.tempodb;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.Role;
import io.cairn.core.series.DataSetSink;
import io.cairn.core.series.PointBatch;
import io.cairn.core.series.SeriesFilter;
import io.cairn.core.series.SeriesRead;
import io.cairn.core.series.SeriesRef;
import io.cairn.core.series.SeriesService;
import io.cairn.core.series.WriteMode;
import io.cairn.core.series.WriteReport;
import io.cairn.server.dialect.tempodb.TempoDbPointsReader.Item;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * TempoDB's data endpoints: reads of one series or many (read key), writes and increments of one series, bulk and
 * multi (write key), range deletes (master key). Every success is exactly 200: TempoDB's client counts nothing else
 * as success. Single-series and bulk writes are all-or-nothing; multi writes store the good items and answer 207
 * with one status per item when any failed.
 */
final class TempoDbDataHandler {

    private static final String ONE_SERIES = TempoDbSeriesHandler.SERIES + "/{kind}/{value}";
    private static final String DATA = TempoDbDialect.ROOT + "/data";

    private final SeriesService series;
    private final TempoDbAccess access;
    private final RequestBodies bodies;
    private final TempoDbItems items;

    TempoDbDataHandler(SeriesService series, TempoDbAccess access, RequestBodies bodies, Clock clock) {
        this.series = series;
        this.access = access;
        this.bodies = bodies;
        this.items = new TempoDbItems(series, clock);
    }

    void mount(RoutesConfig routes) {
        routes.get(ONE_SERIES + "/data", this::readOne);
        routes.post(ONE_SERIES + "/data", ctx -> writeOne(ctx, WriteMode.REPLACE));
        routes.post(ONE_SERIES + "/increment", ctx -> writeOne(ctx, WriteMode.INCREMENT));
        routes.delete(ONE_SERIES + "/data", this::deleteRange);
        routes.get(DATA, this::readMany);
        routes.post(DATA, ctx -> writeBulk(ctx, WriteMode.REPLACE));
        routes.post(TempoDbDialect.ROOT + "/increment", ctx -> writeBulk(ctx, WriteMode.INCREMENT));
        routes.post(TempoDbDialect.ROOT + "/multi", ctx -> writeMulti(ctx, WriteMode.REPLACE));
        routes.post(TempoDbDialect.ROOT + "/multi/increment", ctx -> writeMulti(ctx, WriteMode.INCREMENT));
    }

    private void readOne(Context ctx) {
        ProjectId project = access.require(ctx, Role.READ);
        SeriesRef ref = TempoDbPaths.series(ctx);
        SeriesRead read = TempoDbParams.read(ctx);
        series.get(project, ref);
        stream(ctx, sink -> series.read(project, ref, read, sink), false);
    }

    private void readMany(Context ctx) {
        ProjectId project = access.require(ctx, Role.READ);
        SeriesRead read = TempoDbParams.read(ctx);
        SeriesFilter filter = TempoDbParams.filter(ctx);
        stream(ctx, sink -> series.read(project, filter, read, sink), true);
    }

    private void writeOne(Context ctx, WriteMode mode) {
        ProjectId project = access.require(ctx, Role.WRITE);
        SeriesRef ref = TempoDbPaths.series(ctx);
        ZoneId zone = TempoDbParams.zone(ctx);
        List<Item> sent = read(ctx, TempoDbPointsReader::array);
        if (ref instanceof SeriesRef.ById && series.find(project, ref).isEmpty()) {
            throw new NotFoundException(ErrorCode.SERIES_NOT_FOUND, "no series with " + ref);
        }
        PointBatch batch = items.allOrNothing(sent, item -> ref, null, zone, mode);
        series.write(project, batch, mode);
        ctx.status(200);
    }

    private void writeBulk(Context ctx, WriteMode mode) {
        ProjectId project = access.require(ctx, Role.WRITE);
        ZoneId zone = TempoDbParams.zone(ctx);
        TempoDbPointsReader.Bulk bulk = read(ctx, TempoDbPointsReader::bulk);
        if (bulk.t() == null) {
            throw InvalidRequestException.field("t", "t is required: the time of every point of a bulk write");
        }
        PointBatch batch = items.allOrNothing(bulk.items(), TempoDbItems::refOf, bulk.t(), zone, mode);
        items.requireKnownIds(project, batch);
        series.write(project, batch, mode);
        ctx.status(200);
    }

    private void writeMulti(Context ctx, WriteMode mode) {
        ProjectId project = access.require(ctx, Role.WRITE);
        ZoneId zone = TempoDbParams.zone(ctx);
        RequestBodies.requireJsonContentType(ctx);
        byte[] body = bodies.bytes(ctx);
        PointBatch plain = TempoDbMultiScanner.scan(body, zone);
        TempoDbItems.Checked checked = plain != null ? TempoDbItems.Checked.allValid(plain)
                : items.check(TempoDbPointsReader.array(new ByteArrayInputStream(body)), zone, mode);
        WriteReport report = series.write(project, checked.batch(), mode);
        List<TempoDbWire.Status> statuses = checked.statuses(report);
        if (statuses.stream().allMatch(status -> status == TempoDbWire.Status.OK)) {
            ctx.status(200);
        } else {
            Responses.json(ctx, 207, TempoDbWire.MultiStatus.of(statuses));
        }
    }

    private void deleteRange(Context ctx) {
        ProjectId project = access.require(ctx, Role.MASTER);
        series.deleteRange(project, TempoDbPaths.series(ctx), TempoDbParams.range(ctx, TempoDbParams.zone(ctx)));
        ctx.status(200);
    }

    private <T> T read(Context ctx, Function<InputStream, T> reader) {
        RequestBodies.requireJsonContentType(ctx);
        try (InputStream body = bodies.stream(ctx)) {
            return reader.apply(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the data sets {@code read} hands out: one, or ({@code many}) a JSON array of them. */
    private static void stream(Context ctx, Consumer<DataSetSink> read, boolean many) {
        ctx.status(200).contentType(Responses.JSON);
        try (TempoDbWire.DataSetWriter writer = new TempoDbWire.DataSetWriter(ctx.outputStream())) {
            writer.write(read, many);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
