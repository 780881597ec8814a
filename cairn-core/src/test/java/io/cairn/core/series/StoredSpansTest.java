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

    @Test
    void withFewSpansAnswersExactlyTheUnionOfWhatWasAdded() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            StoredSpans spans = new StoredSpans();
            boolean[] covered = new boolean[2_000];
            for (int i = random.nextInt(StoredSpans.MAX_SPANS); i > 0; i--) {
                int from = random.nextInt(covered.length - 100);
                int to = from + random.nextInt(100);
                spans.add(from, to);
                for (int t = from; t <= to; t++) {
                    covered[t] = true;
                }
            }
            for (int t = 0; t < covered.length; t++) {
                assertThat(spans.mayHold(t)).as("round %d, time %d", round, t).isEqualTo(covered[t]);
            }
            for (int i = 0; i < 100; i++) {
                int from = random.nextInt(covered.length);
                int to = Math.min(covered.length - 1, from + random.nextInt(50));
                boolean any = false;
                for (int t = from; t <= to; t++) {
                    any |= covered[t];
                }
                assertThat(spans.mayHoldAny(from, to)).as("round %d, [%d, %d]", round, from, to).isEqualTo(any);
            }
        }
    }
}
