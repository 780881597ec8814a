package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.KeenSavedQueriesWire.SaveBody;
import io.cairn.client.KeenSavedQueriesWire.SavedQueryJson;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.internal.ApiRequest;
import io.cairn.client.internal.ApiResponse;
import io.cairn.client.internal.Method;
import io.cairn.client.internal.Transport;
import io.cairn.client.model.SaveResult;
import io.cairn.client.model.SavedQuery;
import io.cairn.client.model.SavedQueryResult;
import io.cairn.client.model.SavedQuerySpec;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keen's saved queries ({@code /3.0/projects/{projectId}/queries/saved}): queries kept on the server under a name,
 * whose results can be read by name, and, with a refresh rate, are recomputed on a schedule and served from a cache.
 *
 * <pre>{@code
 * MetricQuery<Long> byCountry = cairn.events().count("purchases").groupBy("country");
 * cairn.events().savedQueries().save("purchases-by-country",
 *         SavedQuerySpec.of(byCountry.definition()).withRefreshRate(Duration.ofHours(6)));
 * SavedQueryResult latest = readOnly.events().savedQueries().result("purchases-by-country");
 * }</pre>
 *
 * <p>Listing, getting, saving and deleting need the master key; reading a result a read key (or an access key
 * permitted {@code saved_queries}). Obtained from {@link EventsClient#savedQueries()}; immutable, thread-safe, and
 * usable until its {@link Cairn} is closed. Every method may throw, besides what it lists: {@link
 * IllegalStateException} if the {@link Cairn} has no project id or no key, or is closed; {@link
 * UnauthorizedException} if the key may not do this; {@link CairnConnectionException} if the server cannot be
 * reached; another {@link CairnApiException} for any other error answer; {@link CairnClientException} if the answer
 * cannot be read; {@link IllegalArgumentException} for a name that is empty, {@code .} or {@code ..}. Every call is
 * retried on connection failures and 503 (a save is a PUT, which replaces).
 */
public final class SavedQueriesClient {

    private final KeenProject project;

    SavedQueriesClient(KeenProject project) {
        this.project = requireNonNull(project, "project is null");
    }

    /**
     * Lists the project's saved queries ({@code GET /queries/saved}).
     *
     * @return the saved queries in the server's order; never null, empty when there are none
     */
    public List<SavedQuery> list() {
        return transport().send(request(Method.GET), SavedQueryJson[].class, SavedQueryJson::toModels);
    }

    /**
     * Gets one saved query ({@code GET /queries/saved/{name}}).
     *
     * @param name the saved query's name; never null
     * @return the saved query; never null
     * @throws NotFoundException if there is no saved query of that name
     * @throws NullPointerException if {@code name} is null
     */
    public SavedQuery get(String name) {
        ApiRequest request = request(Method.GET, requireNonNull(name, "name is null"));
        return transport().send(request, SavedQueryJson.class, SavedQueryJson::toModel);
    }

    /**
     * Saves a query under a name, never refreshed and without metadata; see {@link #save(String, SavedQuerySpec)}.
     *
     * @param name the saved query's name; never null
     * @param query the query; never null
     * @return the saved query, and whether it was created; never null
     * @throws IllegalArgumentException if the query's parts do not go together
     * @throws BadRequestException if the server refuses the query
     * @throws NullPointerException if an argument is null
     */
    public SaveResult save(String name, Query query) {
        return save(name, SavedQuerySpec.of(requireNonNull(query, "query is null").definition()));
    }

    /**
     * Creates a saved query, or replaces the one of that name ({@code PUT /queries/saved/{name}} with {@code
     * refresh_rate}, {@code query} and {@code metadata}); the server answers 201 when it created one, 200 when it
     * replaced one.
     *
     * @param name the saved query's name; never null
     * @param spec the query, refresh rate and metadata; never null
     * @return the saved query as now stored, and whether it was created; never null
     * @throws IllegalArgumentException if a metadata value cannot be sent as JSON
     * @throws BadRequestException if the server refuses the query or the refresh rate
     * @throws NullPointerException if an argument is null
     */
    public SaveResult save(String name, SavedQuerySpec spec) {
        ApiRequest request = request(Method.PUT, requireNonNull(name, "name is null"))
                .withBody(SaveBody.of(requireNonNull(spec, "spec is null")));
        ApiResponse response = transport().send(request);
        return Transport.read(request, response, SavedQueryJson.class,
                json -> new SaveResult(json.toModel(), response.status() == 201));
    }

    /**
     * Deletes a saved query ({@code DELETE /queries/saved/{name}}); Keen answers 204.
     *
     * @param name the saved query's name; never null
     * @throws NotFoundException if there is no saved query of that name (also when a retried delete had already
     *     succeeded)
     * @throws NullPointerException if {@code name} is null
     */
    public void delete(String name) {
        transport().send(request(Method.DELETE, requireNonNull(name, "name is null")));
    }

    /**
     * Reads a saved query's result ({@code GET /queries/saved/{name}/result}): the cached one if the query has a
     * refresh rate and the cache holds one (its age in {@link SavedQueryResult#age()}), else computed now.
     *
     * @param name the saved query's name; never null
     * @return the saved query and its result, typed by its analysis type; never null
     * @throws NotFoundException if there is no saved query of that name
     * @throws NullPointerException if {@code name} is null
     */
    public SavedQueryResult result(String name) {
        ApiRequest request = request(Method.GET, requireNonNull(name, "name is null"), "result");
        ApiResponse response = transport().send(request);
        return Transport.read(request, response, SavedQueryJson.class,
                json -> json.toResult(KeenSavedQueriesWire.age(response)));
    }

    private Transport transport() {
        return project.transport();
    }

    private ApiRequest request(Method method, String... path) {
        return project.request(method, Stream.concat(Stream.of("queries", "saved"), Stream.of(path))
                .toArray(String[]::new));
    }
}
