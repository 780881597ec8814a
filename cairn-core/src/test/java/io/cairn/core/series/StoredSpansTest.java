package io.cairn.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoredSpansTest {

    @Test
    void aTimeBetweenSpansHoldsNothingAndOneInsideMay() {
        StoredSpans spans = new StoredSpans();
        spans.add(100, 149);
        spans.add(0, 49);
        assertThat(spans.mayHold(50)).isFalse();
        assertThat(spans.mayHold(99)).isFalse();
        assertThat(spans.mayHold(0)).isTrue();
        assertThat(spans.mayHold(149)).isTrue();
        assertThat(spans.mayHold(150)).isFalse();
        spans.add(40, 120);
        assertThat(spans.mayHold(75)).isTrue();
    }

    @Test
    void neverSaysNoForATimeThatWasWrittenEvenWhenSpansMerge() {
        StoredSpans spans = new StoredSpans();
        TreeSet<Long> written = new TreeSet<>();
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            long from = random.nextLong(1_000_000);
            long to = from + random.nextLong(100);
            spans.add(from, to);
            written.add(from);
            written.add(to);
        }
        for (long time : written) {
            assertThat(spans.mayHold(time)).as("%d", time).isTrue();
        }
    }
}
