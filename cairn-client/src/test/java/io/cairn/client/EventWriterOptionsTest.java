package io.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EventWriterOptionsTest {

    private static void assertRejected(UnaryOperator<EventWriter.Options.Builder> setting, String message) {
        EventWriter.Options.Builder builder = setting.apply(EventWriter.Options.builder());
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void everyOptionHasADefault() {
        EventWriter.Options defaults = EventWriter.Options.defaults();

        assertThat(defaults.maxBatchSize()).isEqualTo(500);
        assertThat(defaults.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.queueCapacity()).isEqualTo(10_000);
        assertThat(defaults.blockWhenFull()).isTrue();
        assertThat(defaults.onFailure()).isNotNull();
        assertThat(EventWriter.Options.builder().build()).isEqualTo(defaults);
    }

    @Test
    void everyOptionCanBeSetAndCarriedOverByToBuilder() {
        Consumer<WriteFailure> callback = failure -> { };
        EventWriter.Options options = EventWriter.Options.builder()
                .maxBatchSize(10)
                .flushInterval(Duration.ofMillis(20))
                .queueCapacity(30)
                .onFailure(callback)
                .blockWhenFull(false)
                .build();

        assertThat(options).isEqualTo(new EventWriter.Options(10, Duration.ofMillis(20), 30, callback, false));
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toBuilder().maxBatchSize(5).build().maxBatchSize()).isEqualTo(5);
    }

    @Test
    void outOfRangeValuesAreRejectedNamingTheOption() {
        assertRejected(b -> b.maxBatchSize(0), "maxBatchSize must be between 1 and 10000, got 0");
        assertRejected(b -> b.maxBatchSize(10_001), "maxBatchSize must be between 1 and 10000");
        assertRejected(b -> b.flushInterval(Duration.ZERO), "flushInterval must be positive");
        assertRejected(b -> b.flushInterval(Duration.ofHours(2)), "flushInterval must be positive and at most PT1H");
        assertRejected(b -> b.maxBatchSize(100).queueCapacity(99), "queueCapacity must be at least maxBatchSize");
        assertThatThrownBy(() -> EventWriter.Options.builder().onFailure(null))
                .isInstanceOf(NullPointerException.class);
    }
}
