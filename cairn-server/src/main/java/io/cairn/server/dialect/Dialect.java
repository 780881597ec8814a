package io.cairn.server.dialect;

import io.cairn.server.http.ErrorRenderer;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * One wire dialect: the paths it owns, its routes, and how it renders errors. The server routes every request
 * under one of {@link #pathPrefixes()} to this dialect's {@link #errors()}, including requests that match none of
 * its routes.
 */
public interface Dialect {

    /** A short lower-case name for logs and metrics, e.g. {@code keen}. */
    String name();

    /** The path roots this dialect owns, e.g. {@code /3.0}; they must not overlap another dialect's. */
    List<String> pathPrefixes();

    /** Registers the dialect's routes. Called once, while the server is being built. */
    void mount(RoutesConfig routes);

    /** How this dialect's clients expect errors. */
    ErrorRenderer errors();
}
