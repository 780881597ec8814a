package io.cairn.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.client.error.ApiError;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.ConflictException;
import io.cairn.client.error.ForbiddenException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.RateLimitedException;
import io.cairn.client.error.ServerErrorException;
import io.cairn.client.error.UnauthorizedException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    private static final String CONFLICT_PROBLEM = """
            {"type":"urn:cairn:error:project_name_taken","title":"Conflict","status":409,\
            "detail":"a project named acme already exists","instance":"/admin/v1/projects",\
            "code":"project_name_taken","requestId":"4f3a9c"}""";

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static CairnApiException exception(int status, String body, String... headerPairs) {
        return ApiErrors.toException(status, headers(headerPairs), body.getBytes(UTF_8));
    }

    @Test
    void problemDetailsFillEveryFieldAndTheMessage() {
        CairnApiException e = exception(409, CONFLICT_PROBLEM, "X-Request-Id", "from-header");

        assertThat(e).isInstanceOf(ConflictException.class)
                .hasMessage("HTTP 409 project_name_taken (request 4f3a9c): a project named acme already exists");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("project_name_taken");
        assertThat(e.requestId()).isEqualTo("4f3a9c");
        assertThat(e.detail()).isEqualTo("a project named acme already exists");
        assertThat(e.field()).isNull();
        assertThat(e.body()).isEqualTo(CONFLICT_PROBLEM);
    }

    @Test
    void invalidFieldProblemNamesTheField() {
        CairnApiException e = exception(422, """
                {"type":"urn:cairn:error:invalid_field","title":"Unprocessable Content","status":422,\
                "detail":"name must be 1 to 64 characters","code":"invalid_field","requestId":"r1","field":"name"}""");

        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.field()).isEqualTo("name");
    }

    @Test
    void requestIdFallsBackToTheResponseHeader() {
        CairnApiException e = exception(404, "{\"title\":\"Not Found\",\"code\":\"project_not_found\"}",
                "X-Request-Id", "hdr-7");

        assertThat(e).isInstanceOf(NotFoundException.class)
                .hasMessage("HTTP 404 project_not_found (request hdr-7): Not Found");
    }

    @Test
    void keenErrorGivesMessageAndErrorCode() {
        CairnApiException e = exception(401, """
                {"message": "Invalid API key.", "error_code": "InvalidApiKeyError"}""");

        assertThat(e).isInstanceOf(UnauthorizedException.class)
                .hasMessage("HTTP 401 InvalidApiKeyError: Invalid API key.");
    }

    @Test
    void cartoErrorListIsJoined() {
        CairnApiException e = exception(400, """
                {"error": ["relation \\"foo\\" does not exist", "second"]}""");

        assertThat(e.detail()).isEqualTo("relation \"foo\" does not exist; second");
        assertThat(e.code()).isNull();
    }

    @Test
    void plainTextBodyBecomesTheDetailOnOneLineTruncated() {
        String page = "<html>\n  <body>" + "x".repeat(600) + "</body>\n</html>";
        CairnApiException e = exception(502, page, "X-Request-Id", "gw");

        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.detail()).startsWith("<html> <body>xxx").endsWith("...").hasSize(ApiErrors.MAX_DETAIL + 3);
        assertThat(e.body()).isEqualTo(page);
        assertThat(e.requestId()).isEqualTo("gw");
    }

    @Test
    void malformedJsonIsTreatedAsText() {
        assertThat(exception(500, "{oops").detail()).isEqualTo("{oops");
    }

    @Test
    void emptyBodyGivesJustTheStatus() {
        CairnApiException e = exception(503, "");

        assertThat(e).hasMessage("HTTP 503");
        assertThat(e.detail()).isEmpty();
    }

    @Test
    void statusChoosesTheExceptionClass() {
        Map<Integer, Class<?>> expected = Map.ofEntries(
                Map.entry(400, BadRequestException.class),
                Map.entry(401, UnauthorizedException.class),
                Map.entry(403, ForbiddenException.class),
                Map.entry(404, NotFoundException.class),
                Map.entry(405, BadRequestException.class),
                Map.entry(409, ConflictException.class),
                Map.entry(413, BadRequestException.class),
                Map.entry(415, BadRequestException.class),
                Map.entry(422, BadRequestException.class),
                Map.entry(429, RateLimitedException.class),
                Map.entry(500, ServerErrorException.class),
                Map.entry(503, ServerErrorException.class));
        expected.forEach((status, type) ->
                assertThat(exception(status, "")).as("status %d", status).isExactlyInstanceOf(type));
        assertThat(exception(302, "")).isExactlyInstanceOf(CairnApiException.class);
    }

    @Test
    void rateLimitedCarriesRetryAfterWhenTheServerSendsSeconds() {
        RateLimitedException limited = (RateLimitedException) exception(429, "", "Retry-After", "7");
        RateLimitedException dated = (RateLimitedException) exception(429, "", "Retry-After",
                "Wed, 21 Oct 2026 07:28:00 GMT");

        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(dated.retryAfter()).isEmpty();
        assertThat(((RateLimitedException) exception(429, "")).retryAfter()).isEmpty();
    }

    @Test
    void summaryLeavesOutAbsentParts() {
        assertThat(new ApiError(418, null, null, "", null, "").summary()).isEqualTo("HTTP 418");
        assertThat(new ApiError(418, "teapot", null, "short and stout", null, "").summary())
                .isEqualTo("HTTP 418 teapot: short and stout");
    }
}
