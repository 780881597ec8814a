package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.analysis.AnalysisQuery;
import io.cairn.core.dataset.Dataset;
import io.cairn.core.dataset.DatasetResult;
import io.cairn.core.dataset.DatasetService;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.ForbiddenException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Timeframe;
import io.cairn.core.project.DatasetAccess;
import io.cairn.core.project.Permission;
import io.cairn.core.project.Principal;
import io.cairn.core.project.Role;
import io.cairn.core.project.Scope;
import io.cairn.core.storage.Upserted;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keen's cached datasets ({@code /datasets}). Definitions are created and deleted with the master key, read with a
 * read key; results are read with a read key or an access key permitted {@code datasets}, within its {@code
 * options.datasets} (operations, allowed datasets and index values, blocked datasets).
 */
final class KeenDatasetsHandler {

    static final String DATASETS = KeenDialect.PROJECT + "/datasets";
    private static final String ONE = DATASETS + "/{name}";
    private static final int DEFAULT_PAGE = 10;
    private static final int MAX_PAGE = 100;

    private final DatasetService datasets;
    private final KeenAccess access;
    private final RequestBodies bodies;
    private final Clock clock;

    KeenDatasetsHandler(DatasetService datasets, KeenAccess access, RequestBodies bodies, Clock clock) {
        this.datasets = datasets;
        this.access = access;
        this.bodies = bodies;
        this.clock = clock;
    }

    void mount(RoutesConfig routes) {
        routes.get(DATASETS, this::list);
        routes.get(ONE, this::get);
        routes.put(ONE, this::put);
        routes.delete(ONE, this::delete);
        routes.get(ONE + "/results", this::results);
    }

    /** {@code {"datasets": [...], "next_page_url": ..., "count": n}}, by name, {@code limit} per page. */
    private void list(Context ctx) {
        Principal principal = reader(ctx, DatasetAccess.LIST);
        DatasetAccess rules = rules(principal);
        int limit = pageSize(ctx.queryParam("limit"));
        String after = ctx.queryParam("after_name");
        List<Dataset> visible = datasets.list(principal.projectId()).stream()
                .filter(dataset -> rules.permitsDataset(dataset.name()))
                .toList();
        List<Dataset> page = visible.stream()
                .filter(dataset -> after == null || dataset.name().compareTo(after) > 0)
                .limit(limit + 1L)
                .toList();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("datasets").addAll(page.stream().limit(limit).map(this::render).toList());
        if (page.size() > limit) {
            String last = page.get(limit - 1).name();
            body.put("next_page_url", ctx.path() + "?limit=" + limit + "&after_name="
                    + URLEncoder.encode(last, StandardCharsets.UTF_8));
        } else {
            body.putNull("next_page_url");
        }
        body.put("count", visible.size());
        Responses.json(ctx, 200, body);
    }

    private void get(Context ctx) {
        Principal principal = reader(ctx, DatasetAccess.RETRIEVE);
        String name = ctx.pathParam("name");
        requireDataset(principal, name);
        Responses.json(ctx, 200, render(datasets.get(principal.projectId(), name)));
    }

    private void put(Context ctx) {
        Principal principal = access.require(ctx, Role.MASTER);
        KeenDatasetWire.Put put = KeenDatasetWire.put(bodies.json(ctx));
        Upserted<Dataset> saved = datasets.save(principal.projectId(), KeenAnalyses.LANGUAGE, ctx.pathParam("name"),
                put.displayName(), put.query(), put.indexBy());
        Responses.json(ctx, saved.created() ? 201 : 200, render(saved.value()));
    }

    private void delete(Context ctx) {
        Principal principal = access.require(ctx, Role.MASTER);
        datasets.delete(principal.projectId(), ctx.pathParam("name"));
        ctx.status(204);
    }

    private void results(Context ctx) {
        Principal principal = reader(ctx, DatasetAccess.READ);
        String name = ctx.pathParam("name");
        requireDataset(principal, name);
        Dataset dataset = datasets.get(principal.projectId(), name);
        KeenQueryParams params = KeenQueryParams.of(ctx, bodies);
        Map<String, Object> index = KeenDatasetWire.indexValues(params.get("index_by"), dataset.indexBy());
        if (!rules(principal).permitsIndex(name, index)) {
            throw forbidden("this key may not read dataset " + name + " for " + index);
        }
        JsonNode timeframe = params.get("timeframe");
        if (timeframe == null) {
            throw InvalidRequestException.missing("timeframe");
        }
        DatasetResult result = datasets.results(principal.projectId(), name, index, timeframe.isObject()
                ? Timeframe.absolute(timeframe.path("start").asText(null), timeframe.path("end").asText(null))
                : Timeframe.parse(timeframe.asText()));
        boolean multi = !result.query().metrics().keySet().equals(Set.of(AnalysisQuery.RESULT));
        Responses.json(ctx, 200, KeenAnalysisWire.result(result.series(), multi, result.query().zone()));
    }

    private ObjectNode render(Dataset dataset) {
        return KeenDatasetWire.render(dataset, datasets.query(dataset), datasets.refreshedAt(dataset),
                clock.instant());
    }

    /** A read key, or an access key permitted {@code datasets} and this operation. */
    private Principal reader(Context ctx, String operation) {
        Principal principal = access.require(ctx, Permission.DATASETS);
        if (!rules(principal).permitsOperation(operation)) {
            throw forbidden("this key may not " + operation + " datasets");
        }
        return principal;
    }

    private static void requireDataset(Principal principal, String name) {
        if (!rules(principal).permitsDataset(name)) {
            throw forbidden("this key may not use dataset " + name);
        }
    }

    private static DatasetAccess rules(Principal principal) {
        return principal.scope() instanceof Scope.Restricted restricted ? restricted.datasets() : DatasetAccess.ANY;
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.field("limit", "limit must be a whole number from 1 to " + MAX_PAGE);
    }

    private static ForbiddenException forbidden(String message) {
        return new ForbiddenException(ErrorCode.INSUFFICIENT_ROLE, message, Map.of("required", "datasets"));
    }
}
