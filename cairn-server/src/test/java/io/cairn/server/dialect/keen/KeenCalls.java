package io.cairn.server.dialect.keen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.project.CreatedProject;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestHttp;
import io.cairn.server.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Raw Keen calls against one project, keys sent the way Keen's clients send them, and Keen's error shape. A project
 * made by {@link #forNewProject} also carries its master, write and read keys.
 */
record KeenCalls(TestHttp http, String pid, String master, String write, String read) {

    KeenCalls(TestHttp http, String pid) {
        this(http, pid, null, null, null);
    }

    /** A new project of {@code server} with its three keys. */
    static KeenCalls forNewProject(CairnServerExtension server) {
        CreatedProject project = server.newProject();
        return new KeenCalls(server.http(), project.project().id().value(), project.keys().get(0).secret(),
                project.keys().get(1).secret(), project.keys().get(2).secret());
    }

    String path(String suffix) {
        return "/3.0/projects/" + pid + suffix;
    }

    TestResponse post(String suffix, String key, String json) {
        return http.post(path(suffix)).header("Authorization", key).json(json).send();
    }

    TestResponse put(String suffix, String key, String json) {
        return http.put(path(suffix)).header("Authorization", key).json(json).send();
    }

    TestResponse get(String suffix, String key) {
        return http.get(path(suffix)).header("Authorization", key).send();
    }

    TestResponse delete(String suffix, String key) {
        return http.delete(path(suffix)).header("Authorization", key).send();
    }

    /** An image beacon write, key in {@code ?api_key=}. */
    TestResponse beacon(String collection, String key, String json) {
        String data = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return http.get(path("/events/" + collection) + "?api_key=" + key + "&data=" + data)
                .header("Accept", "application/json").send();
    }

    /** Asserts Keen's error shape with this status and error code, and returns the body. */
    static JsonNode keenError(TestResponse response, int status, String errorCode) {
        response.assertStatus(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("error_code").asText()).as(body.toString()).isEqualTo(errorCode);
        assertThat(body.path("message").asText()).isNotBlank();
        return body;
    }
}
