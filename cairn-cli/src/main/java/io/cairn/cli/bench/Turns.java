package io.cairn.cli.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * How the read benchmarks time one question asked several ways (over HTTP, of the service, of the engine): in turns,
 * so that the load of a shared machine, which moves by the second, weighs on every way alike; after a warm-up; the
 * median of each way's runs.
 *
 * <p>The warm-up is a time, not a count of rounds: a server answers in steady state, and the JIT needs several
 * hundred requests before it has compiled the whole HTTP path (a one-series rollup read over HTTP took 16 ms after 20
 * rounds and 10 ms after 500, on the 2-core machine). Questions that take long get fewer rounds, but each round warms
 * more.
 *
 * <p>The timed part is a time too, with a least number of rounds: a median of a few fast rounds (21 of a 7 ms read
 * take 0.15 s) moved by tens of percent when a JIT compilation or a collection fell into them.
 *
 * @param warmUp how long to keep asking before timing
 * @param runs the least number of timed rounds
 * @param timed how long to keep timing rounds at least
 */
public record Turns(Duration warmUp, int runs, Duration timed) {

    /** Rounds asked before timing however short {@link #warmUp} is, so that every way has run once at least. */
    private static final int MIN_WARM_ROUNDS = 3;

    public Turns {
        if (warmUp.isNegative() || timed.isNegative() || runs < 1) {
            throw new IllegalArgumentException("durations cannot be negative and there must be one run at least");
        }
    }

    /** The median milliseconds of each way, in the order given. */
    public double[] medianMillis(List<? extends Callable<?>> ways) throws Exception {
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        for (int round = 0; round < MIN_WARM_ROUNDS || System.nanoTime() < warmUntil; round++) {
            for (Callable<?> way : ways) {
                way.call();
            }
        }
        double[][] millis = new double[ways.size()][runs];
        long timedUntil = System.nanoTime() + timed.toNanos();
        int run = 0;
        for (; run < runs || System.nanoTime() < timedUntil; run++) {
            for (int way = 0; way < ways.size(); way++) {
                if (run == millis[way].length) {
                    millis[way] = Arrays.copyOf(millis[way], 2 * run);
                }
                long start = System.nanoTime();
                ways.get(way).call();
                millis[way][run] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] medians = new double[ways.size()];
        for (int way = 0; way < ways.size(); way++) {
            medians[way] = median(millis[way], run);
        }
        return medians;
    }

    /** The median of the first {@code count} values (the array may be longer: it grows by doubling). */
    static double median(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted[count / 2];
    }
}
