package io.cairn.server.dialect.tempodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TempoDB's series endpoints over raw HTTP, as its 0.x client sends and reads them. */
class TempoDbSeriesIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    private TempoDbCalls calls;

    @BeforeEach
    void setUp() {
        calls = new TempoDbCalls(server.http(), server.newProject());
    }

    @Test
    void createAnswers200WithTheSeriesAndGeneratesTheKeyWhenAbsent() {
        TestResponse named = calls.post("/v1/series/", calls.write, "{\"key\": \"my-custom-key\"}").assertStatus(200);
        assertThat(named.contentType()).startsWith("application/json");
        JsonNode series = named.json();
        assertThat(series.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(series.toString()).isEqualTo("{\"id\":\"" + series.path("id").asText()
                + "\",\"key\":\"my-custom-key\",\"name\":\"\",\"attributes\":{},\"tags\":[]}");
        JsonNode generated = calls.post("/v1/series", calls.write, "{}").assertStatus(200).json();
        assertThat(generated.path("key").asText()).matches("[0-9a-f]{32}");
        calls.post("/v1/series/", calls.write, "{\"key\": \"my-custom-key\"}").assertStatus(409);
    }

    @Test
    void updateReplacesTagsAttributesAndNameInAReadModifyWriteCycle() {
        JsonNode created = calls.post("/v1/series/", calls.write, "{\"key\": \"test1\"}").json();
        String id = created.path("id").asText();
        TestResponse updated = calls.put("/v1/series/id/" + id + "/", calls.write, "{\"id\": \"" + id
                + "\", \"key\": \"test1\", \"name\": \"Test\", \"attributes\": {\"a\": \"1\"}, \"tags\": [\"tag3\"]}")
                .assertStatus(200);
        assertThat(updated.json().toString()).isEqualTo("{\"id\":\"" + id + "\",\"key\":\"test1\",\"name\":\"Test\","
                + "\"attributes\":{\"a\":\"1\"},\"tags\":[\"tag3\"]}");
        assertThat(calls.get("/v1/series/?key=test1", calls.read).json().get(0)).isEqualTo(updated.json());
        calls.put("/v1/series/id/" + id + "/", calls.write, "{\"key\": \"other\"}").assertStatus(400);
        calls.put("/v1/series/id/0123456789abcdef0123456789abcdef/", calls.write, "{}").assertStatus(404);
    }

    @Test
    void listFiltersUniteTheValuesOfOneKindAndRequireEveryKind() {
        String a = tagged("a", "[\"t1\", \"t2\"]", "{\"color\": \"red\"}");
        String b = tagged("b", "[\"t1\"]", "{\"color\": \"blue\"}");
        String c = tagged("c", "[\"t2\"]", "{\"color\": \"red\", \"size\": \"L\"}");
        assertThat(keys("/v1/series/")).containsExactly("a", "b", "c");
        assertThat(keys("/v1/series/?key=a&key=c")).containsExactly("a", "c");
        assertThat(keys("/v1/series/?id=" + a + "&id=" + b)).containsExactly("a", "b");
        assertThat(keys("/v1/series/?tag=t1&tag=t2")).containsExactly("a", "b", "c");
        assertThat(keys("/v1/series/?tag=t1")).containsExactly("a", "b");
        assertThat(keys("/v1/series/?attr%5Bcolor%5D=red")).containsExactly("a", "c");
        assertThat(keys("/v1/series/?attr%5Bcolor%5D=blue&attr%5Bsize%5D=L")).containsExactly("b", "c");
        assertThat(keys("/v1/series/?tag=t2&attr%5Bcolor%5D=blue")).isEmpty();
        assertThat(keys("/v1/series/?key=a&key=b&attr%5Bcolor%5D=red")).containsExactly("a");
        assertThat(keys("/v1/series/?id=" + c + "&tag=t1")).isEmpty();
    }

    @Test
    void deleteNeedsAFilterOrAllowTruncationAndCountsWhatItDeleted() {
        tagged("a", "[\"x\"]", "{}");
        tagged("b", "[\"x\"]", "{}");
        tagged("c", "[]", "{}");
        calls.delete("/v1/series/?allow_truncation=false", calls.master).assertStatus(400);
        assertThat(calls.delete("/v1/series/?tag=x&allow_truncation=false", calls.master).assertStatus(200).json()
                .toString()).isEqualTo("{\"deleted\":2}");
        assertThat(keys("/v1/series/")).containsExactly("c");
        assertThat(calls.delete("/v1/series/?allow_truncation=true", calls.master).assertStatus(200).json()
                .toString()).isEqualTo("{\"deleted\":1}");
        assertThat(keys("/v1/series/")).isEmpty();
    }

    @Test
    void rolesGateEachEndpoint() {
        calls.post("/v1/series/", calls.read, "{\"key\": \"k\"}").assertStatus(403);
        calls.post("/v1/series/", calls.write, "{\"key\": \"k\"}").assertStatus(200);
        calls.get("/v1/series/", calls.write).assertStatus(403);
        calls.delete("/v1/series/?key=k", calls.write).assertStatus(403);
        calls.delete("/v1/series/?key=k", calls.read).assertStatus(403);
        TestResponse anonymous = server.http().get("/v1/series/").send().assertStatus(401);
        assertThat(anonymous.header("WWW-Authenticate")).contains("Basic realm=\"cairn\"");
        assertThat(anonymous.contentType()).startsWith("text/plain");
        String wrong = calls.read.substring(0, calls.read.length() - 4) + "AAA=";
        calls.get("/v1/series/", wrong).assertStatus(401);
        assertThat(keys("/v1/series/")).containsExactly("k");
    }

    private String tagged(String key, String tags, String attributes) {
        String id = calls.post("/v1/series/", calls.write, "{\"key\": \"" + key + "\"}").json().path("id").asText();
        calls.put("/v1/series/id/" + id + "/", calls.write, "{\"tags\": " + tags + ", \"attributes\": " + attributes
                + "}").assertStatus(200);
        return id;
    }

    private List<String> keys(String path) {
        List<String> keys = new ArrayList<>();
        calls.get(path, calls.read).assertStatus(200).json().forEach(series -> keys.add(series.path("key").asText()));
        return keys;
    }
}
