package io.cairn.server;

import static java.util.Objects.requireNonNull;

import io.cairn.core.config.Settings;
import io.cairn.core.model.DataSize;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP listener.
 *
 * @param bind            address to listen on ({@code http.bind}); {@code 0.0.0.0} for every interface
 * @param port            port ({@code http.port}); 0 picks a free one
 * @param maxBodySize     largest request body accepted; larger ones get 413
 * @param shutdownTimeout how long in-flight requests may run on after a stop signal
 */
public record HttpConfig(String bind, int port, DataSize maxBodySize, Duration shutdownTimeout) {

    public static final String BIND = "http.bind";
    public static final String PORT = "http.port";
    public static final String MAX_BODY_SIZE = "http.max-body-size";
    public static final String SHUTDOWN_TIMEOUT = "http.shutdown-timeout";

    public HttpConfig {
        requireNonNull(bind, "bind is null");
        requireNonNull(maxBodySize, "maxBodySize is null");
        requireNonNull(shutdownTimeout, "shutdownTimeout is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static HttpConfig from(Settings s) {
        return new HttpConfig(
                s.string(BIND, "127.0.0.1").trim(),
                s.integer(PORT, 8080, 0, 65535),
                s.size(MAX_BODY_SIZE, DataSize.ofMegabytes(64)),
                s.duration(SHUTDOWN_TIMEOUT, Duration.ofSeconds(30)));
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(BIND, bind);
        p.put(PORT, Integer.toString(port));
        p.put(MAX_BODY_SIZE, maxBodySize.toString());
        p.put(SHUTDOWN_TIMEOUT, Settings.format(shutdownTimeout));
        return p;
    }

    public HttpConfig withPort(int port) {
        return new HttpConfig(bind, port, maxBodySize, shutdownTimeout);
    }

    public HttpConfig withMaxBodySize(DataSize maxBodySize) {
        return new HttpConfig(bind, port, maxBodySize, shutdownTimeout);
    }
}
