package io.cairn.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A response received over real HTTP, with assertion helpers for the wire contract. */
public record TestResponse(int status, HttpResponse<byte[]> raw) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String text() {
        return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(raw.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (status " + status + "): " + text(), e);
        }
    }

    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public TestResponse assertStatus(int expected) {
        assertThat(status).as("status of %s %s, body: %s", raw.request().method(), raw.uri(), text())
                .isEqualTo(expected);
        return this;
    }

    /** Asserts an RFC 9457 problem with this status and code, carrying the response's request id. */
    public JsonNode assertProblem(int expectedStatus, String expectedCode) {
        assertStatus(expectedStatus);
        assertThat(contentType()).startsWith("application/problem+json");
        JsonNode problem = json();
        assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(problem.path("code").asText()).isEqualTo(expectedCode);
        assertThat(problem.path("type").asText()).isEqualTo("urn:cairn:error:" + expectedCode);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("requestId").asText()).isEqualTo(header("X-Request-Id").orElseThrow());
        assertThat(text()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
