package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.client.Cairn;
import io.cairn.client.model.CreatedProject;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.ProjectId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every event answered 2xx survives {@code kill -9} of the server, singles and batches alike. */
class EventDurabilityIT {

    @TempDir
    Path workDir;

    @Test
    void everyAcknowledgedEventSurvivesKillMinus9() throws Exception {
        Path dataDir = workDir.resolve("data");
        String token = "durability-admin-token-1";
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        String projectId;
        try (ServerProcess server = ServerProcess.start(dataDir, "--admin-token", token)) {
            CreatedProject project;
            try (Cairn cairn = Cairn.builder().baseUrl(server.baseUri().toString()).adminToken(token).build()) {
                project = cairn.admin().createProject("durable");
            }
            projectId = project.project().id();
            String write = project.writeKey().secret();
            URI base = server.baseUri();
            AtomicLong sequence = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            HttpClient client = HttpClient.newHttpClient();
            try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
                for (int t = 0; t < 6; t++) {
                    boolean batches = t % 2 == 0;
                    pool.submit(() -> {
                        while (!stop.get()) {
                            List<Long> seqs = new ArrayList<>();
                            String body;
                            String path;
                            if (batches) {
                                StringBuilder events = new StringBuilder();
                                for (int i = 0; i < 50; i++) {
                                    long seq = sequence.incrementAndGet();
                                    seqs.add(seq);
                                    events.append(i == 0 ? "" : ",").append("{\"seq\": ").append(seq).append('}');
                                }
                                body = "{\"acks\": [" + events + "]}";
                                path = "/events";
                            } else {
                                long seq = sequence.incrementAndGet();
                                seqs.add(seq);
                                body = "{\"seq\": " + seq + "}";
                                path = "/events/acks";
                            }
                            try {
                                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                        base.resolve("/3.0/projects/" + project.project().id() + path))
                                        .header("Authorization", write).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() / 100 == 2) {
                                    acknowledged.addAll(seqs);
                                }
                            } catch (Exception e) {
                                return null;
                            }
                        }
                        return null;
                    });
                }
                while (acknowledged.size() < 3000) {
                    Thread.sleep(10);
                }
                server.kill();
                stop.set(true);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3000);

        CoreConfig defaults = CoreConfig.defaults();
        try (CairnCore core = CairnCore.open(defaults.withStorage(defaults.storage().withDataDir(dataDir)))) {
            List<Long> all = new ArrayList<>(acknowledged);
            for (int from = 0; from < all.size(); from += 1000) {
                List<Object> chunk = new ArrayList<>(all.subList(from, Math.min(all.size(), from + 1000)));
                long found = core.events().count(ProjectId.of(projectId), "acks",
                        List.of(Filter.of("seq", FilterOperator.IN, chunk)), null);
                assertThat(found).as("acknowledged events found in chunk at %d", from).isEqualTo(chunk.size());
            }
        }
    }
}
