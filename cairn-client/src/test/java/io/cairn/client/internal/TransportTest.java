package io.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.error.ServerErrorException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportTest {

    private static final Duration TINY = Duration.ofMillis(1);

    private final StubServer server = StubServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Transport transport(String baseUrl, RetryPolicy retryPolicy, Duration requestTimeout) {
        return new Transport(BaseUrl.parse(baseUrl), null, Duration.ofSeconds(2), requestTimeout, retryPolicy,
                "cairn-test");
    }

    private Transport transport(int maxRetries) {
        return transport(server.baseUrl(), new RetryPolicy(maxRetries, TINY, TINY), Duration.ofSeconds(5));
    }

    @Test
    void getIsRetriedAfter503AndSucceeds() {
        server.reply(503, "busy").reply(200, "{\"ok\":true}");
        try (Transport transport = transport(2)) {
            ApiResponse response = transport.send(ApiRequest.of(Method.GET, "things"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("{\"ok\":true}");
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void postIsNeverRetried() {
        server.reply(503, "busy").reply(200, "{}");
        try (Transport transport = transport(2)) {
            assertThatThrownBy(() -> transport.send(ApiRequest.of(Method.POST, "things").withBody(Map.of())))
                    .isInstanceOf(ServerErrorException.class)
                    .hasMessage("HTTP 503: busy");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void getGivesUpAfterMaxRetriesWithTheLast503() {
        server.reply(503, "one").reply(503, "two").reply(503, "three").reply(200, "{}");
        try (Transport transport = transport(2)) {
            assertThatThrownBy(() -> transport.send(ApiRequest.of(Method.GET, "things")))
                    .isInstanceOf(ServerErrorException.class)
                    .hasMessage("HTTP 503: three");
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void retryAfterIsHonouredButCappedAtTheMaxBackoff() {
        server.reply(503, "", "Retry-After", "30").reply(200, "{}");
        Duration cap = Duration.ofMillis(200);
        try (Transport transport = transport(server.baseUrl(), new RetryPolicy(1, TINY, cap), Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            transport.send(ApiRequest.of(Method.GET, "things"));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            // Without Retry-After the wait would be about 1ms; honoured uncapped it would be 30s.
            assertThat(elapsed).isBetween(cap, Duration.ofSeconds(5));
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void requestTimeoutOnGetIsRetried() {
        server.replyAfter(Duration.ofSeconds(2), 200, "late").reply(200, "on time");
        try (Transport transport = transport(server.baseUrl(), new RetryPolicy(1, TINY, TINY),
                Duration.ofMillis(300))) {
            assertThat(transport.send(ApiRequest.of(Method.GET, "things")).text()).isEqualTo("on time");
        }
    }

    @Test
    void connectionRefusedOnGetThrowsCairnConnectionExceptionAfterTheRetries() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        try (Transport transport = transport(deadUrl, new RetryPolicy(2, TINY, TINY), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> transport.send(ApiRequest.of(Method.GET, "things").withQuery("api_key", "s3")))
                    .isInstanceOf(CairnConnectionException.class)
                    .hasMessageStartingWith("GET " + deadUrl + "/things failed after 3 attempts: ")
                    .hasMessageNotContaining("s3")
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void connectionRefusedOnPostIsNotRetried() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        try (Transport transport = transport(deadUrl, new RetryPolicy(2, TINY, TINY), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> transport.send(ApiRequest.of(Method.POST, "things")))
                    .isInstanceOf(CairnConnectionException.class)
                    .hasMessageContaining("failed after 1 attempt: ");
        }
    }

    @Test
    void postWithAnIdempotencyKeyIsRetriedWithTheSameKey() throws IOException {
        server.reply(503, "busy").reply(200, "{}");
        try (Transport transport = transport(2)) {
            transport.send(ApiRequest.of(Method.POST, "things").withBody(Map.of()).withIdempotencyKey("k-1"));
        }
        assertThat(server.received()).hasSize(2)
                .allSatisfy(received -> assertThat(received.header("Idempotency-Key")).contains("k-1"));

        String deadUrl = "http://127.0.0.1:" + freePort();
        try (Transport transport = transport(deadUrl, new RetryPolicy(2, TINY, TINY), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> transport.send(ApiRequest.of(Method.POST, "things").withIdempotencyKey("k-2")))
                    .isInstanceOf(CairnConnectionException.class)
                    .hasMessageContaining("failed after 3 attempts: ");
        }
    }

    @Test
    void onlyIdempotentMethodsAndKeyedRequestsAreRetryable() {
        assertThat(ApiRequest.of(Method.GET, "a").retryable()).isTrue();
        assertThat(ApiRequest.of(Method.DELETE, "a").retryable()).isTrue();
        assertThat(ApiRequest.of(Method.POST, "a").retryable()).isFalse();
        assertThat(ApiRequest.of(Method.POST, "a").withIdempotencyKey("k").retryable()).isTrue();
        assertThat(ApiRequest.of(Method.POST, "a").withIdempotencyKey("k").withIdempotencyKey(null).retryable())
                .isFalse();
    }

    @Test
    void idempotencyKeyMustBeAShortVisibleAsciiToken() {
        ApiRequest request = ApiRequest.of(Method.POST, "a");
        for (String bad : List.of("", "a b", "caf\u00e9", "x\ny", "k".repeat(256))) {
            assertThatThrownBy(() -> request.withIdempotencyKey(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("idempotency key");
        }
        assertThat(request.withIdempotencyKey("k".repeat(255)).idempotencyKey()).hasSize(255);
    }

    @Test
    void requestTimeoutOnPostIsAConnectionFailure() {
        server.replyAfter(Duration.ofSeconds(2), 200, "late");
        try (Transport transport = transport(server.baseUrl(), new RetryPolicy(2, TINY, TINY),
                Duration.ofMillis(200))) {
            assertThatThrownBy(() -> transport.send(ApiRequest.of(Method.POST, "things")))
                    .isInstanceOf(CairnConnectionException.class)
                    .hasCauseInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void eachCallSendsTheCredentialStyleItChose() {
        for (int i = 0; i < 5; i++) {
            server.reply(200, "");
        }
        try (Transport transport = transport(0)) {
            transport.send(ApiRequest.of(Method.GET, "a").withAuth(Auth.bearer("tok")));
            transport.send(ApiRequest.of(Method.GET, "a").withAuth(Auth.raw("k1")));
            transport.send(ApiRequest.of(Method.GET, "a").withAuth(Auth.scheme("Key", "k2")));
            transport.send(ApiRequest.of(Method.GET, "a").withAuth(Auth.basic("id", "sécret")));
            transport.send(ApiRequest.of(Method.GET, "a"));
        }
        assertThat(server.received()).extracting(received -> received.header("Authorization").orElse("(none)"))
                .containsExactly("Bearer tok", "k1", "Key k2", "Basic aWQ6c8OpY3JldA==", "(none)");
    }

    @Test
    void jsonBodyIsSentWithItsContentTypeAndTheUserAgent() {
        server.reply(201, "{}");
        try (Transport transport = transport(0)) {
            transport.send(ApiRequest.of(Method.POST, "things").withBody(Map.of("name", "acme")));
        }
        StubServer.Received received = server.lastReceived();
        assertThat(received.body()).isEqualTo("{\"name\":\"acme\"}");
        assertThat(received.header("Content-Type")).contains("application/json");
        assertThat(received.header("User-Agent")).contains("cairn-test");
    }

    @Test
    void bodilessRequestHasNoContentType() {
        server.reply(204, "");
        try (Transport transport = transport(0)) {
            assertThat(transport.send(ApiRequest.of(Method.DELETE, "things", "1")).body()).isEmpty();
        }
        assertThat(server.lastReceived().method()).isEqualTo("DELETE");
        assertThat(server.lastReceived().header("Content-Type")).isEmpty();
    }

    @Test
    void sendAfterCloseIsRefused() {
        Transport transport = transport(0);
        transport.close();
        transport.close();

        assertThatThrownBy(() -> transport.send(ApiRequest.of(Method.GET, "things")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void credentialsAreMaskedInToString() {
        assertThat(Auth.bearer("s3cr3t")).hasToString("Header[Authorization: ***]");
        assertThat(ApiRequest.of(Method.GET, "a").withAuth(Auth.raw("s3cr3t")).toString()).doesNotContain("s3cr3t");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
