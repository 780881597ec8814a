package io.cairn.cli.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic purchase events: thirteen properties nested three deep, users with a skewed popularity over 200,000
 * ids, 5,000 items, a few dozen countries; timestamps advance through {@code span} so analyses have a real range.
 * Deterministic for a seed.
 */
public final class BenchEvents {

    /** Distinct user ids: count_unique benchmarks run against this cardinality. */
    public static final int USERS = 200_000;
    static final int ITEMS = 5_000;
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "ES", "IT", "NL", "SE", "NO", "DK", "FI", "PL",
        "PT", "IE", "BE", "AT", "CH", "CZ", "JP", "KR", "CN", "IN", "BR", "MX", "AR", "CA", "AU", "NZ", "ZA", "NG"};
    private static final String[] PLANS = {"free", "free", "free", "pro", "pro", "enterprise"};
    private static final String[] CATEGORIES = {"books", "music", "games", "garden", "kitchen", "sports", "toys",
        "tools", "beauty", "health", "office", "pets", "baby", "auto", "shoes", "watches", "phones", "laptops",
        "cameras", "audio"};
    private static final String[] OS = {"ios", "android", "windows", "macos", "linux"};
    private static final String[] BROWSERS = {"safari", "chrome", "firefox", "edge", "app"};
    private static final String[] REFERRERS = {"https://www.google.com/", "https://news.ycombinator.com/",
        "https://twitter.com/", "https://www.facebook.com/", "", "https://duckduckgo.com/", "https://www.bing.com/",
        "https://mail.example.com/", "https://blog.example.org/post/1", "https://partner.example.net/"};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final SplittableRandom random;
    private final long startMillis;
    private final long stepMillis;
    private long index;

    /** Events whose timestamps go from {@code start} by {@code totalEvents} equal steps over {@code spanMillis}. */
    public BenchEvents(long seed, Instant start, long spanMillis, long totalEvents) {
        this.random = new SplittableRandom(seed);
        this.startMillis = start.toEpochMilli();
        this.stepMillis = Math.max(1, spanMillis / Math.max(1, totalEvents));
    }

    /** A Keen batch body: {@code {"<collection>": [ ...events ]}}. */
    public byte[] batch(String collection, int events) {
        StringBuilder json = new StringBuilder(events * 420).append("{\"").append(collection).append("\":[");
        for (int i = 0; i < events; i++) {
            if (i > 0) {
                json.append(',');
            }
            appendEvent(json);
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One event as a JSON object. */
    public byte[] event() {
        StringBuilder json = new StringBuilder(420);
        appendEvent(json);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Request bodies to cycle through: {@code count} batches of {@code size} events (or single events for 1). */
    public List<byte[]> bodies(String collection, int count, int size) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(size == 1 ? event() : batch(collection, size));
        }
        return bodies;
    }

    private void appendEvent(StringBuilder json) {
        // Squaring a uniform draw makes low ids far more popular, as real users are.
        double u = random.nextDouble();
        int user = (int) (u * u * USERS);
        int item = random.nextInt(ITEMS);
        long at = startMillis + stepMillis * index++;
        json.append("{\"user\":{\"id\":\"user-").append(user)
                .append("\",\"country\":\"").append(COUNTRIES[user % COUNTRIES.length])
                .append("\",\"plan\":\"").append(PLANS[user % PLANS.length])
                .append("\",\"age\":").append(18 + user % 60)
                .append("},\"item\":{\"id\":\"item-").append(item)
                .append("\",\"category\":\"").append(CATEGORIES[item % CATEGORIES.length])
                .append("\",\"price\":").append((item % 500) + 0.99)
                .append("},\"session\":{\"id\":\"").append(Long.toHexString(random.nextLong()))
                .append("\",\"referrer\":\"").append(REFERRERS[random.nextInt(REFERRERS.length)])
                .append("\"},\"device\":{\"os\":\"").append(OS[random.nextInt(OS.length)])
                .append("\",\"browser\":\"").append(BROWSERS[random.nextInt(BROWSERS.length)])
                .append("\"},\"quantity\":").append(1 + random.nextInt(5))
                .append(",\"gift\":").append(random.nextInt(10) == 0)
                .append(",\"keen\":{\"timestamp\":\"").append(ISO.format(Instant.ofEpochMilli(at))).append("\"}}");
    }
}
