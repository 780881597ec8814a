package io.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.internal.StubServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CairnTest {

    private static final String BASE = "http://127.0.0.1:8080";

    private static void assertRejected(UnaryOperator<Cairn.Builder> setting, String message) {
        Cairn.Builder builder = setting.apply(Cairn.builder().baseUrl(BASE));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void onlyTheBaseUrlIsRequiredAndEverythingElseHasADefault() {
        try (Cairn cairn = Cairn.builder().baseUrl(BASE + "/").build()) {
            assertThat(cairn.baseUrl()).isEqualTo(URI.create(BASE));
            assertThat(cairn.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(cairn.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(cairn.maxRetries()).isEqualTo(2);
            assertThat(cairn.retryBackoff()).isEqualTo(Duration.ofMillis(200));
            assertThat(cairn.userAgent()).isEqualTo("cairn-java");
            assertThat(Cairn.MAX_RETRY_BACKOFF).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void buildWithoutBaseUrlFails() {
        assertThatThrownBy(() -> Cairn.builder().adminToken("t").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("baseUrl is required");
    }

    @Test
    void baseUrlMustBeHttpOrHttps() {
        for (String url : List.of("ftp://h", "127.0.0.1:8080", "not a url")) {
            assertThatThrownBy(() -> Cairn.builder().baseUrl(url).build())
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseUrl");
        }
        Cairn.builder().baseUrl("https://example.com/cairn").build().close();
    }

    @Test
    void timeoutsAndBackoffMustBePositive() {
        assertRejected(b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be positive");
        assertRejected(b -> b.requestTimeout(Duration.ofSeconds(-1)), "requestTimeout must be positive");
        assertRejected(b -> b.retryBackoff(Duration.ZERO), "retryBackoff must be positive");
        assertRejected(b -> b.retryBackoff(Duration.ofSeconds(6)), "retryBackoff must be at most PT5S");
    }

    @Test
    void maxRetriesMustBeBetweenZeroAndTen() {
        assertRejected(b -> b.maxRetries(-1), "maxRetries must be between 0 and 10, got -1");
        assertRejected(b -> b.maxRetries(11), "maxRetries must be between 0 and 10, got 11");
        Cairn.builder().baseUrl(BASE).maxRetries(0).build().close();
        Cairn.builder().baseUrl(BASE).maxRetries(10).build().close();
    }

    @Test
    void credentialsAreOptionalButNeverBlank() {
        assertRejected(b -> b.key(" "), "key must not be blank");
        assertRejected(b -> b.adminToken(""), "adminToken must not be blank");
        assertRejected(b -> b.userAgent(" "), "userAgent must not be blank");
    }

    @Test
    void newBuilderStartsFromThisInstancesSettingsWithoutChangingIt() {
        try (StubServer server = StubServer.start();
                Cairn original = Cairn.builder()
                        .baseUrl(server.baseUrl() + "/prefix")
                        .key("k")
                        .adminToken("adm")
                        .connectTimeout(Duration.ofSeconds(3))
                        .requestTimeout(Duration.ofSeconds(4))
                        .maxRetries(5)
                        .retryBackoff(Duration.ofMillis(7))
                        .userAgent("agent/1")
                        .build();
                Cairn copy = original.newBuilder().build();
                Cairn changed = original.newBuilder().maxRetries(0).userAgent("agent/2").build()) {
            assertThat(List.of(copy.baseUrl(), copy.connectTimeout(), copy.requestTimeout(), copy.maxRetries(),
                    copy.retryBackoff(), copy.userAgent()))
                    .isEqualTo(List.of(original.baseUrl(), original.connectTimeout(), original.requestTimeout(),
                            original.maxRetries(), original.retryBackoff(), original.userAgent()));
            assertThat(changed.maxRetries()).isZero();
            assertThat(original.maxRetries()).isEqualTo(5);

            server.reply(200, "{\"projects\":[]}");
            copy.admin().listProjects();
            assertThat(server.lastReceived().header("Authorization")).contains("Bearer adm");
            assertThat(server.lastReceived().header("User-Agent")).contains("agent/1");
            assertThat(server.lastReceived().path()).isEqualTo("/prefix/admin/v1/projects");
        }
    }

    @Test
    void callsAfterCloseFailAndCloseIsIdempotent() {
        Cairn cairn = Cairn.builder().baseUrl(BASE).adminToken("t").build();
        cairn.close();
        cairn.close();

        assertThatThrownBy(() -> cairn.admin().listProjects())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closeLeavesAGivenHttpClientOpenForItsOwner() throws Exception {
        try (StubServer server = StubServer.start(); HttpClient shared = HttpClient.newHttpClient()) {
            Cairn.builder().baseUrl(server.baseUrl()).httpClient(shared).build().close();

            server.reply(200, "still open");
            String body = shared.send(HttpRequest.newBuilder(URI.create(server.baseUrl())).build(),
                    BodyHandlers.ofString()).body();
            assertThat(body).isEqualTo("still open");
        }
    }
}
