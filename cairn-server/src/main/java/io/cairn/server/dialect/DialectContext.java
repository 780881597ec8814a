package io.cairn.server.dialect;

import static java.util.Objects.requireNonNull;

import io.cairn.core.CairnCore;
import io.cairn.server.http.Authenticator;
import io.cairn.server.http.RequestBodies;

/** What a dialect is built from: the core's services and the server's shared request plumbing. */
public record DialectContext(CairnCore core, Authenticator authenticator, RequestBodies bodies) {

    public DialectContext {
        requireNonNull(core, "core is null");
        requireNonNull(authenticator, "authenticator is null");
        requireNonNull(bodies, "bodies is null");
    }
}
