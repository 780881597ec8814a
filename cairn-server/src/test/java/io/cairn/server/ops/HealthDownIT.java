package io.cairn.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /health} says DOWN, with 503, as soon as storage stops answering. */
class HealthDownIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    @Test
    void healthIsDownOnceStorageIsClosed() {
        server.http().get("/health").send().assertStatus(200);
        server.core().close();
        TestResponse down = server.http().get("/health").send().assertStatus(503);
        assertThat(down.json().toString()).isEqualTo("{\"status\":\"DOWN\"}");
    }
}
