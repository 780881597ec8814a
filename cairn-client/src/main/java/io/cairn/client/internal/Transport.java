package io.cairn.client.internal;

import static java.util.Objects.requireNonNull;

import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Sends {@link ApiRequest}s to one server. Thread-safe: any number of threads may send at once over the shared
 * {@link HttpClient}. Retryable requests ({@link ApiRequest#retryable()}: an idempotent method, or a POST carrying
 * an idempotency key) are retried on connection failures and on 503; other POSTs never are. Logs each
 * attempt at DEBUG only, with the path but never the query string or headers, which may carry credentials.
 *
 * <p>Lifecycle: usable from construction until {@link #close()}; afterwards every send throws
 * {@link IllegalStateException}.
 */
public final class Transport implements AutoCloseable {

    private static final System.Logger log = System.getLogger(Transport.class.getName());
    private static final int SERVICE_UNAVAILABLE = 503;

    private final BaseUrl baseUrl;
    private final HttpClient client;
    private final boolean ownsClient;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final String userAgent;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates a transport.
     *
     * @param baseUrl the server; never null
     * @param httpClient a client to share, which {@link #close()} leaves open; null to create one (HTTP/1.1, with
     *     {@code connectTimeout}), which {@link #close()} closes
     * @param connectTimeout how long to wait for a connection when this transport creates the client; never null
     * @param requestTimeout how long each attempt may wait for the response headers; never null
     * @param retryPolicy when to retry; never null
     * @param userAgent the {@code User-Agent} header; never null
     * @throws NullPointerException if an argument other than {@code httpClient} is null
     */
    public Transport(BaseUrl baseUrl, HttpClient httpClient, Duration connectTimeout, Duration requestTimeout,
            RetryPolicy retryPolicy, String userAgent) {
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
        this.userAgent = requireNonNull(userAgent, "userAgent is null");
        this.ownsClient = httpClient == null;
        // HTTP/1.1 because over cleartext the JDK would otherwise try an h2c upgrade on every new connection,
        // which reverse proxies in front of self-hosted servers handle inconsistently.
        this.client = ownsClient
                ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build()
                : httpClient;
    }

    /**
     * Sends a request and returns its successful answer, retrying as the class describes.
     *
     * @param request the request; never null
     * @return the 2xx answer; never null
     * @throws CairnApiException if the server answers anything but 2xx (after retries, for a 503)
     * @throws CairnConnectionException if no answer arrives (after retries), or the thread is interrupted
     * @throws IllegalArgumentException if the request's path has an empty, {@code .} or {@code ..} segment
     * @throws IllegalStateException if this transport is closed
     */
    public ApiResponse send(ApiRequest request) {
        HttpResponse<byte[]> response = exchange(request, BodyHandlers.ofByteArray(), body -> body);
        return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }

    /**
     * Sends a request, retrying as the class describes, and returns its successful answer's body unread, for
     * answers too large to hold in memory (an extraction). The caller must close the stream, which releases the
     * connection; reading it may throw {@link IOException} if the connection fails meanwhile.
     *
     * @param request the request; never null
     * @return the 2xx answer's body, open; never null
     * @throws CairnApiException if the server answers anything but 2xx (its body is read whole to describe it)
     * @throws CairnConnectionException if no answer arrives (after retries), or the thread is interrupted
     * @throws IllegalArgumentException if the request's path has an empty, {@code .} or {@code ..} segment
     * @throws IllegalStateException if this transport is closed
     */
    public InputStream sendForStream(ApiRequest request) {
        return exchange(request, BodyHandlers.ofInputStream(), Transport::readWhole).body();
    }

    private <T> HttpResponse<T> exchange(ApiRequest request, BodyHandler<T> handler, Function<T, byte[]> errorBody) {
        if (closed.get()) {
            throw new IllegalStateException("this Cairn client is closed");
        }
        URI uri = baseUrl.resolve(request.path(), request.query());
        String target = request.method() + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        HttpRequest httpRequest = toHttpRequest(request, uri);
        int attempts = request.retryable() ? 1 + retryPolicy.maxRetries() : 1;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<T> response;
            try {
                response = exchange(httpRequest, handler, target, attempt);
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new CairnConnectionException(target + " failed after " + attempt
                            + (attempt == 1 ? " attempt: " : " attempts: ") + describe(e), e);
                }
                pause(target, attempt, Optional.empty());
                continue;
            }
            if (response.statusCode() / 100 == 2) {
                return response;
            }
            byte[] body = errorBody.apply(response.body());
            if (response.statusCode() == SERVICE_UNAVAILABLE && attempt < attempts) {
                pause(target, attempt, ApiErrors.retryAfter(response.headers()));
                continue;
            }
            throw ApiErrors.toException(response.statusCode(), response.headers(), body);
        }
    }

    // An error answer's body only describes the error: when it cannot be read, the status still says enough.
    private static byte[] readWhole(InputStream body) {
        try (body) {
            return body.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Sends a request, reads its JSON answer as a wire record and converts that to the SDK's model.
     *
     * @param <W> the wire record type
     * @param <R> the model type
     * @param request the request; never null
     * @param wireType the record matching the answer's JSON shape; never null
     * @param toModel the conversion; may throw {@link NullPointerException} or {@link IllegalArgumentException}
     *     on content it cannot accept; never null
     * @return the converted value, as {@code toModel} returns it
     * @throws CairnClientException if the body is not JSON of that shape, or {@code toModel} rejects it
     * @throws CairnApiException if the server answers anything but 2xx
     * @throws CairnConnectionException if no answer arrives
     * @throws IllegalStateException if this transport is closed
     */
    public <W, R> R send(ApiRequest request, Class<W> wireType, Function<? super W, ? extends R> toModel) {
        return read(request, send(request), wireType, toModel);
    }

    /**
     * Reads a successful answer's JSON as a wire record and converts that to the SDK's model, for callers that also
     * need the answer's status or headers.
     *
     * @param <W> the wire record type
     * @param <R> the model type
     * @param request the request answered, for error messages; never null
     * @param response its answer; never null
     * @param wireType the record matching the answer's JSON shape; never null
     * @param toModel the conversion, as for {@link #send(ApiRequest, Class, Function)}; never null
     * @return the converted value, as {@code toModel} returns it
     * @throws CairnClientException if the body is not JSON of that shape, or {@code toModel} rejects it
     */
    public static <W, R> R read(ApiRequest request, ApiResponse response, Class<W> wireType,
            Function<? super W, ? extends R> toModel) {
        try {
            return toModel.apply(Json.read(response.body(), wireType));
        } catch (IOException | NullPointerException | IllegalArgumentException e) {
            String requestId = response.header("X-Request-Id").map(id -> " (request " + id + ")").orElse("");
            throw new CairnClientException("unreadable answer to " + request.method() + " /"
                    + String.join("/", request.path()) + requestId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses further sends and, if this transport created its {@link HttpClient}, closes it, waiting for requests
     * in flight to finish. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            client.close();
        }
    }

    private HttpRequest toHttpRequest(ApiRequest request, URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json, application/problem+json");
        if (request.auth() instanceof Auth.Header header) {
            builder.header(header.name(), header.value());
        }
        if (request.idempotencyKey() != null) {
            builder.header("Idempotency-Key", request.idempotencyKey());
        }
        BodyPublisher body = BodyPublishers.noBody();
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
            body = BodyPublishers.ofByteArray(Json.write(request.body()));
        }
        return builder.method(request.method().name(), body).build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, BodyHandler<T> handler, String target, int attempt)
            throws IOException {
        long start = System.nanoTime();
        try {
            HttpResponse<T> response = client.send(request, handler);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            log.log(Level.DEBUG, () -> "http response " + target + " attempt=" + attempt
                    + " status=" + response.statusCode() + " ms=" + millis);
            return response;
        } catch (IOException e) {
            log.log(Level.DEBUG, () -> "http failed " + target + " attempt=" + attempt + " error=" + describe(e));
            throw e;
        } catch (InterruptedException e) {
            throw interrupted(target, e);
        }
    }

    private void pause(String target, int attempt, Optional<Duration> retryAfter) {
        Duration delay = retryPolicy.delay(attempt, retryAfter);
        log.log(Level.DEBUG, () -> "http retry " + target + " attempt=" + (attempt + 1)
                + " delayMs=" + delay.toMillis());
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            throw interrupted(target, e);
        }
    }

    private static CairnConnectionException interrupted(String target, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new CairnConnectionException(target + " interrupted", e);
    }

    // Connection failures often carry no message (a bare ConnectException), so the type is the useful part.
    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
