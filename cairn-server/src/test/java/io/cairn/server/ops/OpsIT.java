package io.cairn.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cairn.core.project.CreatedProject;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

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

    @Test
    void everyRequestLeavesOneAccessLineWithTheRouteTemplateAndNoKey() throws InterruptedException {
        CreatedProject project = server.newProject();
        String projectId = project.project().id().value();
        String readKey = project.keys().get(2).secret();
        Logger access = (Logger) LoggerFactory.getLogger("io.cairn.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try {
            String requestId = server.http().get("/3.0/projects/" + projectId + "/events?api_key=" + readKey).send()
                    .assertStatus(200).header("X-Request-Id").orElseThrow();
            // The line is written once the answer is on its way, so it may follow the answer by a moment.
            Optional<String> line = Optional.empty();
            for (int wait = 0; wait < 100 && line.isEmpty(); wait++) {
                line = List.copyOf(lines.list).stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(text -> text.endsWith("requestId=" + requestId)).findFirst();
                Thread.sleep(line.isEmpty() ? 20 : 0);
            }
            assertThat(line).hasValueSatisfying(text -> assertThat(text)
                    .matches("request method=GET route=/3\\.0/projects/\\{projectId}/events status=200 ms=\\d+\\.\\d"
                            + " project=" + projectId + " requestId=" + requestId)
                    .doesNotContain(readKey));
        } finally {
            access.detachAppender(lines);
        }
    }
}
