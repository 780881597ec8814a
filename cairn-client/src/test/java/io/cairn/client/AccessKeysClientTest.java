package io.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.internal.StubServer;
import io.cairn.client.internal.StubServer.Received;
import io.cairn.client.model.AccessKey;
import io.cairn.client.model.AccessKeySpec;
import io.cairn.client.model.AccessPermission;
import io.cairn.client.model.Filter;
import io.cairn.client.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the access keys client sends and how it reads Keen's key objects; the server is a stub. */
class AccessKeysClientTest {

    private static final String KEY_OBJECT = "{\"key\": \"k-123\", \"name\": \"fr\", \"is_active\": true,"
            + " \"permitted\": [\"queries\", \"saved_queries\"], \"options\": {\"queries\": {\"filters\":"
            + " [{\"property_name\": \"country\", \"operator\": \"eq\", \"property_value\": \"FR\"}]}},"
            + " \"project_id\": \"p1\", \"created_date\": \"2024-01-02T03:04:05.000Z\","
            + " \"last_modified_date\": \"2024-01-03T00:00:00.000Z\"}";

    private final StubServer server = StubServer.start();
    private final Cairn cairn = Cairn.builder().baseUrl(server.baseUrl()).projectId("p1").key("m4ster")
            .retryBackoff(Duration.ofMillis(1)).build();
    private final AccessKeysClient keys = cairn.events().accessKeys();

    @AfterEach
    void close() {
        cairn.close();
        server.close();
    }

    private Received assertSent(String method, String path) {
        return server.assertLastSent(method, path, "m4ster");
    }

    @Test
    void createSendsTheWholeSpecWithFiltersAndTimeframesInKeensForm() {
        server.reply(201, KEY_OBJECT);

        AccessKey key = keys.create(AccessKeySpec.of("fr").withPermitted(AccessPermission.SAVED_QUERIES,
                        AccessPermission.QUERIES).withQueryFilters(Filter.eq("country", "FR"))
                .withQueryTimeframe(Timeframe.relative("this_30_days")));

        assertThat(assertSent("POST", "/3.0/projects/p1/keys").body()).isEqualTo("{\"name\":\"fr\",\"is_active\":true,"
                + "\"permitted\":[\"queries\",\"saved_queries\"],\"options\":{\"queries\":{\"filters\":"
                + "[{\"property_name\":\"country\",\"operator\":\"eq\",\"property_value\":\"FR\"}],"
                + "\"timeframe\":\"this_30_days\"}}}");
        assertThat(key.key()).isEqualTo("k-123");
        assertThat(key.name()).isEqualTo("fr");
        assertThat(key.active()).isTrue();
        assertThat(key.permitted()).containsExactly(AccessPermission.QUERIES, AccessPermission.SAVED_QUERIES);
        assertThat(key.options()).isEqualTo(Map.of("queries", Map.of("filters", List.of(Map.of(
                "property_name", "country", "operator", "eq", "property_value", "FR")))));
        assertThat(key.createdDate()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(key.toString()).doesNotContain("k-123");
    }

    @Test
    void everyOtherCallAddressesTheKeyByItsValue() {
        server.reply(200, "[" + KEY_OBJECT + ", {\"key\": \"k-2\", \"name\": \"bare\", \"is_active\": false,"
                + " \"permitted\": [], \"options\": {}}]");
        List<AccessKey> list = keys.list();
        assertSent("GET", "/3.0/projects/p1/keys");
        assertThat(list).extracting(AccessKey::key).containsExactly("k-123", "k-2");
        assertThat(list.get(1).active()).isFalse();
        assertThat(list.get(1).createdDate()).isNull();

        server.reply(200, KEY_OBJECT);
        keys.get("k-123");
        assertSent("GET", "/3.0/projects/p1/keys/k-123");

        server.reply(200, KEY_OBJECT);
        keys.update("k-123", list.get(0).spec().withName("renamed").withActive(false));
        assertThat(assertSent("POST", "/3.0/projects/p1/keys/k-123").body())
                .startsWith("{\"name\":\"renamed\",\"is_active\":false,");

        server.reply(200, KEY_OBJECT);
        keys.revoke("k-123");
        assertSent("POST", "/3.0/projects/p1/keys/k-123/revoke");
        server.reply(200, KEY_OBJECT);
        keys.unrevoke("k-123");
        assertSent("POST", "/3.0/projects/p1/keys/k-123/unrevoke");

        server.reply(204, "");
        keys.delete("k-123");
        assertSent("DELETE", "/3.0/projects/p1/keys/k-123");
    }

    @Test
    void unknownKeysAndUnknownPermissionsAreReported() {
        server.reply(404, "{\"message\": \"no such key\", \"error_code\": \"ResourceNotFoundError\"}");
        assertThatThrownBy(() -> keys.get("nope")).isInstanceOf(NotFoundException.class);
        server.reply(200, "{\"key\": \"k\", \"name\": \"n\", \"permitted\": [\"teleport\"]}");
        assertThatThrownBy(() -> keys.get("k")).isInstanceOf(CairnClientException.class)
                .hasMessageContaining("teleport");
    }
}
