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
 * @param warmUp how long to keep asking before timing
 * @param runs the timed rounds
 */
public record Turns(Duration warmUp, int runs) {

    /** Rounds asked before timing however short {@link #warmUp} is, so that every way has run once at least. */
    private static final int MIN_WARM_ROUNDS = 3;

    public Turns {
        if (warmUp.isNegative() || runs < 1) {
            throw new IllegalArgumentException("the warm-up cannot be negative and there must be one run at least");
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
        for (int run = 0; run < runs; run++) {
            for (int way = 0; way < ways.size(); way++) {
                long start = System.nanoTime();
                ways.get(way).call();
                millis[way][run] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] medians = new double[ways.size()];
        for (int way = 0; way < ways.size(); way++) {
            Arrays.sort(millis[way]);
            medians[way] = millis[way][runs / 2];
        }
        return medians;
    }
}
