package io.cairn.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpsIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    @Test
    void healthIsUpWhenStorageAnswers() {
        TestResponse health = server.http().get("/health").send().assertStatus(200);
        assertThat(health.contentType()).startsWith("application/json");
        assertThat(health.json().toString()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsServePrometheusTextWithRequestsJvmAndStorage() {
        String projectId = server.newProject().project().id().value();
        server.http().get("/admin/v1/projects/" + projectId).bearer(server.adminToken()).send().assertStatus(200);
        server.http().get("/admin/v1/projects/" + projectId).send().assertStatus(401);

        TestResponse metrics = server.http().get("/metrics").send().assertStatus(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        String text = metrics.text();
        assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/admin/v1/projects/{id}\","
                + "status=\"200\"}");
        assertThat(text).contains("route=\"/admin/v1/projects/{id}\",status=\"401\"");
        assertThat(text).doesNotContain(projectId + "\",status");
        assertThat(text).contains("jvm_memory_used_bytes");
        assertThat(text).containsPattern("cairn_storage_open_databases \\d");
        assertThat(text).containsPattern("cairn_storage_database_size_bytes\\{database=\"catalog\"} \\d");
        assertThat(text).contains("cairn_storage_database_size_bytes{database=\"" + projectId + "\"}");
    }
}
