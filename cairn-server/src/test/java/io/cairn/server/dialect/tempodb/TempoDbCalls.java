package io.cairn.server.dialect.tempodb;

import io.cairn.core.project.CreatedProject;
import io.cairn.core.project.IssuedKey;
import io.cairn.server.testing.TestHttp;
import io.cairn.server.testing.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests as TempoDB's client sends them: HTTP Basic with a key's id and secret, keys encoded with no safe chars. */
final class TempoDbCalls {

    private final TestHttp http;
    final String master;
    final String write;
    final String read;

    TempoDbCalls(TestHttp http, CreatedProject project) {
        this.http = http;
        this.master = basic(project.keys().get(0));
        this.write = basic(project.keys().get(1));
        this.read = basic(project.keys().get(2));
    }

    static String basic(IssuedKey key) {
        return "Basic " + Base64.getEncoder().encodeToString((key.key().id().value() + ":" + key.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A series key as the client puts it in a path: every reserved character encoded, '/' included. */
    static String pathKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    TestResponse get(String path, String auth) {
        return http.get(path).header("Authorization", auth).send();
    }

    TestResponse delete(String path, String auth) {
        return http.delete(path).header("Authorization", auth).send();
    }

    TestResponse post(String path, String auth, String json) {
        return http.post(path).header("Authorization", auth).json(json).send();
    }

    TestResponse put(String path, String auth, String json) {
        return http.put(path).header("Authorization", auth).json(json).send();
    }
}
