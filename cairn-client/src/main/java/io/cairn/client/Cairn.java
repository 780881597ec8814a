package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.internal.BaseUrl;
import io.cairn.client.internal.RetryPolicy;
import io.cairn.client.internal.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The Cairn SDK's entry point: one server, its credentials and connection settings, and the sub-clients that call
 * it. Build one with {@link #builder()}, share it, and close it when done:
 *
 * <pre>{@code
 * try (Cairn cairn = Cairn.builder().baseUrl("http://127.0.0.1:8080").adminToken(token).build()) {
 *     CreatedProject acme = cairn.admin().createProject("acme");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads over one connection pool. To change a
 * setting, derive a new instance with {@link #newBuilder()}.
 *
 * <p>Lifecycle: usable from {@link Builder#build()} until {@link #close()}; afterwards every call of a sub-client
 * throws {@link IllegalStateException}.
 */
public final class Cairn implements AutoCloseable {

    /** The default {@link Builder#connectTimeout(Duration)}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default {@link Builder#requestTimeout(Duration)}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** The default {@link Builder#maxRetries(int)}. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The default {@link Builder#retryBackoff(Duration)}. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);
    /** The longest wait between retries, whatever the backoff has doubled to or the server asked for. */
    public static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(5);
    /** The default {@link Builder#userAgent(String)}. */
    public static final String DEFAULT_USER_AGENT = "cairn-java";
    private static final int MAX_RETRIES_LIMIT = 10;

    private final Builder settings;
    private final URI baseUrl;
    private final Transport transport;
    private final AdminClient admin;
    private final EventsClient events;
    private final SeriesClient series;

    private Cairn(Builder settings, BaseUrl baseUrl) {
        this.settings = settings;
        this.baseUrl = baseUrl.uri();
        RetryPolicy retryPolicy = new RetryPolicy(settings.maxRetries, settings.retryBackoff, MAX_RETRY_BACKOFF);
        this.transport = new Transport(baseUrl, settings.httpClient, settings.connectTimeout, settings.requestTimeout,
                retryPolicy, settings.userAgent);
        this.admin = new AdminClient(transport, settings.adminToken);
        this.events = new EventsClient(transport, settings.projectId, settings.key);
        this.series = new SeriesClient(transport, settings.keyId, settings.key);
    }

    /**
     * Starts a builder with the defaults and no base URL.
     *
     * @return a new builder; never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this instance's settings, credentials included, to derive a changed instance. The
     * new instance creates its own HTTP client unless one was given with {@link Builder#httpClient(HttpClient)}.
     *
     * @return a new builder; never null
     */
    public Builder newBuilder() {
        return new Builder(settings);
    }

    /**
     * The admin API: projects and keys. Needs an admin token.
     *
     * @return the admin client, the same instance on every call; never null
     */
    public AdminClient admin() {
        return admin;
    }

    /**
     * The events API in Keen IO's wire format: adding events, batches, a buffering writer, collection schemas and
     * deletes. Needs a {@link Builder#projectId(String) project id} and a {@link Builder#key(String) project key}.
     *
     * @return the events client, the same instance on every call; never null
     */
    public EventsClient events() {
        return events;
    }

    /**
     * The time-series API in TempoDB's wire format: series, writes, increments, rollup reads, range deletes. Needs a
     * {@link Builder#keyId(String) key id} and its {@link Builder#key(String) secret} (sent as HTTP Basic); no
     * project id, since the key names its project.
     *
     * @return the series client, the same instance on every call; never null
     */
    public SeriesClient series() {
        return series;
    }

    /**
     * The project the project sub-clients ({@link #events()}) address.
     *
     * @return the project id; null when none was set
     */
    public String projectId() {
        return settings.projectId;
    }

    /**
     * The server's base URL, normalized: lowercase scheme, path prefix kept, no trailing slash.
     *
     * @return the base URL; never null
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@return how long to wait for a connection (unused when an HTTP client was given); never null} */
    public Duration connectTimeout() {
        return settings.connectTimeout;
    }

    /** {@return how long each attempt of a request may wait for the response headers; never null} */
    public Duration requestTimeout() {
        return settings.requestTimeout;
    }

    /** {@return how many times a retryable request is retried after a connection failure or a 503} */
    public int maxRetries() {
        return settings.maxRetries;
    }

    /** {@return the wait before the first retry, doubled for each further one; never null} */
    public Duration retryBackoff() {
        return settings.retryBackoff;
    }

    /** {@return the {@code User-Agent} header sent with every request; never null} */
    public String userAgent() {
        return settings.userAgent;
    }

    /**
     * Stops this instance: later calls of its sub-clients throw {@link IllegalStateException}. First closes the
     * {@link EventWriter}s made from {@link #events()}, newest first, each sending the events it still holds (which
     * may take as long as the transport's timeouts and retries allow); then closes the HTTP client if this instance
     * created it, waiting for requests in flight to finish; a client given to the builder is left open.
     * Idempotent; never throws.
     */
    @Override
    public void close() {
        events.closeWriters();
        transport.close();
    }

    /**
     * Collects the settings of a {@link Cairn}. Setters only store their argument; {@link #build()} validates. Not
     * thread-safe: use one builder from one thread. Reusable: each {@link #build()} makes an independent instance.
     */
    public static final class Builder {

        private String baseUrl;
        private String projectId;
        private String key;
        private String keyId;
        private String adminToken;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private String userAgent = DEFAULT_USER_AGENT;
        private HttpClient httpClient;

        private Builder() {}

        private Builder(Builder other) {
            baseUrl = other.baseUrl;
            projectId = other.projectId;
            key = other.key;
            keyId = other.keyId;
            adminToken = other.adminToken;
            connectTimeout = other.connectTimeout;
            requestTimeout = other.requestTimeout;
            maxRetries = other.maxRetries;
            retryBackoff = other.retryBackoff;
            userAgent = other.userAgent;
            httpClient = other.httpClient;
        }

        /**
         * Sets the server's URL; required. An http or https URL, with or without a trailing slash, possibly with a
         * path prefix under which Cairn is mounted (e.g. {@code https://example.com/cairn}).
         *
         * @param baseUrl the URL; never null
         * @return this builder; never null
         * @throws NullPointerException if {@code baseUrl} is null
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
            return this;
        }

        /**
         * Sets the project that the project sub-clients ({@link Cairn#events()}) address; optional, but their calls
         * throw {@link IllegalStateException} without it. On Cairn, the id the admin API gave the project; on Keen,
         * the project id shown in its console.
         *
         * @param projectId the id; null to clear it
         * @return this builder; never null
         */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /**
         * Sets the project key secret that the project's sub-clients send; optional. For {@link Cairn#events()}: a
         * write or master key to add events, a read or master key to read schemas, a master key to delete.
         *
         * @param key the secret; null to clear it
         * @return this builder; never null
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets the public id of the project key whose secret {@link #key(String)} sets; optional. {@link
         * Cairn#series()} needs it: TempoDB's wire sends the id and the secret as HTTP Basic credentials.
         *
         * @param keyId the key's id; null to clear it
         * @return this builder; never null
         */
        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        /**
         * Sets the admin token that {@link Cairn#admin()} sends; optional.
         *
         * @param adminToken the token; null to clear it
         * @return this builder; never null
         */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        /**
         * Sets how long to wait for a connection; default {@link Cairn#DEFAULT_CONNECT_TIMEOUT}. Ignored when an HTTP
         * client is given with {@link #httpClient(HttpClient)}, which has its own.
         *
         * @param timeout a positive duration; never null
         * @return this builder; never null
         * @throws NullPointerException if {@code timeout} is null
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requireNonNull(timeout, "connectTimeout is null");
            return this;
        }

        /**
         * Sets how long each attempt of a request may wait for the response headers; default {@link
         * Cairn#DEFAULT_REQUEST_TIMEOUT}.
         *
         * @param timeout a positive duration; never null
         * @return this builder; never null
         * @throws NullPointerException if {@code timeout} is null
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requireNonNull(timeout, "requestTimeout is null");
            return this;
        }

        /**
         * Sets how many times an idempotent request (GET, HEAD, PUT, DELETE, and a POST carrying an idempotency key,
         * such as {@link EventsClient#addAll(java.util.Map, String)}) is retried after a connection failure or a
         * 503; default {@value Cairn#DEFAULT_MAX_RETRIES}. Other POSTs are never retried.
         *
         * @param maxRetries 0 to 10
         * @return this builder; never null
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the wait before the first retry, doubled for each further one, with jitter, up to {@link
         * Cairn#MAX_RETRY_BACKOFF}; default {@link Cairn#DEFAULT_RETRY_BACKOFF}.
         *
         * @param backoff a positive duration, at most {@link Cairn#MAX_RETRY_BACKOFF}; never null
         * @return this builder; never null
         * @throws NullPointerException if {@code backoff} is null
         */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = requireNonNull(backoff, "retryBackoff is null");
            return this;
        }

        /**
         * Sets the {@code User-Agent} header; default {@value Cairn#DEFAULT_USER_AGENT}.
         *
         * @param userAgent a non-blank value; never null
         * @return this builder; never null
         * @throws NullPointerException if {@code userAgent} is null
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = requireNonNull(userAgent, "userAgent is null");
            return this;
        }

        /**
         * Shares an existing HTTP client (its proxy, TLS and executor settings) instead of creating one. The caller
         * keeps ownership: {@link Cairn#close()} leaves it open.
         *
         * @param httpClient the client; null to let the SDK create and own one (the default)
         * @return this builder; never null
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Validates the settings and creates an instance.
         *
         * @return a new, open instance; never null
         * @throws IllegalStateException if no base URL was set
         * @throws IllegalArgumentException if a setting is invalid; the message names it
         */
        public Cairn build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            BaseUrl parsed = BaseUrl.parse(baseUrl);
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("requestTimeout", requestTimeout);
            requirePositive("retryBackoff", retryBackoff);
            if (retryBackoff.compareTo(MAX_RETRY_BACKOFF) > 0) {
                throw new IllegalArgumentException("retryBackoff must be at most " + MAX_RETRY_BACKOFF + ", got "
                        + retryBackoff);
            }
            if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
                throw new IllegalArgumentException("maxRetries must be between 0 and " + MAX_RETRIES_LIMIT + ", got "
                        + maxRetries);
            }
            requireNonBlank("projectId", projectId);
            requireNonBlank("key", key);
            requireNonBlank("adminToken", adminToken);
            if (userAgent.isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            return new Cairn(new Builder(this), parsed);
        }

        private static void requirePositive(String name, Duration value) {
            if (!value.isPositive()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }

        // Null means "not set" and is allowed; an empty credential is always a mistake.
        private static void requireNonBlank(String name, String value) {
            if (value != null && value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank when set");
            }
        }
    }
}
