package io.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.internal.ApiRequest.QueryParam;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseUrlTest {

    private static URI resolve(String baseUrl, String... path) {
        return BaseUrl.parse(baseUrl).resolve(List.of(path), List.of());
    }

    @Test
    void baseUrlWithOrWithoutTrailingSlashResolvesTheSame() {
        URI expected = URI.create("http://127.0.0.1:8080/admin/v1/projects");

        assertThat(resolve("http://127.0.0.1:8080", "admin", "v1", "projects")).isEqualTo(expected);
        assertThat(resolve("http://127.0.0.1:8080/", "admin", "v1", "projects")).isEqualTo(expected);
        assertThat(resolve("http://127.0.0.1:8080//", "admin", "v1", "projects")).isEqualTo(expected);
    }

    @Test
    void pathPrefixOfTheBaseUrlIsKept() {
        assertThat(resolve("https://example.com/cairn/", "admin", "v1"))
                .isEqualTo(URI.create("https://example.com/cairn/admin/v1"));
        assertThat(resolve("https://example.com/a/b", "x")).isEqualTo(URI.create("https://example.com/a/b/x"));
    }

    @Test
    void schemeIsNormalizedToLowerCase() {
        assertThat(BaseUrl.parse("HTTP://Example.com:81").uri()).isEqualTo(URI.create("http://Example.com:81"));
    }

    @Test
    void pathSegmentsArePercentEncodedSoReservedCharactersStayInsideTheSegment() {
        assertThat(resolve("http://h", "a b/c?d#e%f", "é+&=;").getRawPath())
                .isEqualTo("/a%20b%2Fc%3Fd%23e%25f/%C3%A9%2B%26%3D%3B");
    }

    @Test
    void unreservedCharactersAreLeftAsTheyAre() {
        assertThat(resolve("http://h", "AZaz09-._~").getRawPath()).isEqualTo("/AZaz09-._~");
    }

    @Test
    void queryNamesAndValuesArePercentEncodedInOrder() {
        URI uri = BaseUrl.parse("http://h/p").resolve(List.of("q"),
                List.of(new QueryParam("filter", "a&b=c d+e"), new QueryParam("api key", "k/1"),
                        new QueryParam("filter", "2")));

        assertThat(uri.getRawQuery()).isEqualTo("filter=a%26b%3Dc%20d%2Be&api%20key=k%2F1&filter=2");
        assertThat(uri.getQuery()).isEqualTo("filter=a&b=c d+e&api key=k/1&filter=2");
    }

    @Test
    void emptyAndDotSegmentsAreRejectedBecauseAServerWouldCollapseThem() {
        for (String segment : List.of("", ".", "..")) {
            assertThatThrownBy(() -> resolve("http://h", "projects", segment))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("path segment");
        }
    }

    @Test
    void parseAcceptsOnlyHttpAndHttpsUrlsWithAHost() {
        for (String url : List.of("ftp://h", "localhost:8080", "/relative", "http:opaque", "http:///nohost", "h t")) {
            assertThatThrownBy(() -> BaseUrl.parse(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void parseRejectsCredentialsQueryAndFragment() {
        for (String url : List.of("http://u:p@h", "http://h/?a=1", "http://h/#top")) {
            assertThatThrownBy(() -> BaseUrl.parse(url))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not carry");
        }
    }
}
