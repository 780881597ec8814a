package io.cairn.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which {@link ErrorRenderer} answers a failed request: the one of the dialect owning the path's root, else
 * {@link ProblemDetails}. Looked up from the path when a request fails, so that requests that succeed pay nothing
 * for it.
 */
public final class ErrorRenderers {

    /** Path root (e.g. {@code /3.0}) to its dialect's renderer. */
    private final Map<String, ErrorRenderer> byRoot = new LinkedHashMap<>();

    /** Gives paths under {@code root} (a path such as {@code /3.0}) to {@code renderer}. */
    public ErrorRenderers add(String root, ErrorRenderer renderer) {
        byRoot.put(root, renderer);
        return this;
    }

    /** The renderer for a request path; repeated slashes count as one, as they do for routing. */
    public ErrorRenderer forPath(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        for (Map.Entry<String, ErrorRenderer> root : byRoot.entrySet()) {
            String prefix = root.getKey();
            if (normalized.startsWith(prefix)
                    && (normalized.length() == prefix.length() || normalized.charAt(prefix.length()) == '/')) {
                return root.getValue();
            }
        }
        return ProblemDetails.INSTANCE;
    }
}
