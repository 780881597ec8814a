package io.cairn.server.http;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.project.Credential;
import io.cairn.core.project.Principal;
import io.cairn.core.project.ProjectService;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one auth component: takes a credential out of a request in whichever of the accepted {@link CredentialStyle}s
 * it comes, and resolves it to a {@link Principal} through the project service. Missing, malformed, unknown or
 * revoked credentials are 401; the role check (403) is the caller's, with {@link Principal#require}.
 * Thread-safe.
 */
public final class Authenticator {

    private final ProjectService projects;

    public Authenticator(ProjectService projects) {
        this.projects = requireNonNull(projects, "projects is null");
    }

    /** The principal of the request; also recorded on the request for the access log. */
    public Principal authenticate(Context ctx, Set<CredentialStyle> accepted) {
        Credential credential = extract(ctx, accepted).orElseThrow(() -> new UnauthenticatedException(
                ErrorCode.MISSING_CREDENTIALS, "this request needs a key"));
        Principal principal = projects.authenticate(credential);
        ctx.attribute(RequestAttributes.PRINCIPAL, principal);
        return principal;
    }

    /** The credential carried by the request in one of the accepted styles, if any. */
    public static Optional<Credential> extract(Context ctx, Set<CredentialStyle> accepted) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            Optional<Credential> fromHeader = fromHeader(header.trim(), accepted);
            if (fromHeader.isPresent()) {
                return fromHeader;
            }
        }
        if (accepted.contains(CredentialStyle.QUERY_API_KEY)) {
            String apiKey = ctx.queryParam("api_key");
            if (apiKey != null && !apiKey.isBlank()) {
                return Optional.of(new Credential.Secret(apiKey.trim()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Credential> fromHeader(String header, Set<CredentialStyle> accepted) {
        int space = header.indexOf(' ');
        if (space < 0) {
            // A key never contains a space, so a value without one is a raw key.
            return accepted.contains(CredentialStyle.HEADER_KEY)
                    ? Optional.of(new Credential.Secret(header))
                    : Optional.empty();
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).trim();
        return switch (scheme) {
            case "key" -> accepted.contains(CredentialStyle.KEY_SCHEME)
                    ? Optional.of(new Credential.Secret(value)) : Optional.empty();
            case "bearer" -> accepted.contains(CredentialStyle.BEARER)
                    ? Optional.of(new Credential.Secret(value)) : Optional.empty();
            case "basic" -> accepted.contains(CredentialStyle.BASIC) ? Optional.of(basic(value)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Credential basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS, "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS,
                    "Basic credentials must be id:secret");
        }
        return new Credential.IdAndSecret(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
