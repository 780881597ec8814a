package io.cairn.core.model;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the {@code timezone} of an analysis request the way Keen clients send it. */
public final class TimeZones {

    /** Keen's limit, and {@link ZoneOffset}'s: offsets reach at most 18 hours either side of UTC. */
    public static final int MAX_OFFSET_SECONDS = 18 * 60 * 60;

    private static final Pattern SECONDS = Pattern.compile("[+-]?\\d{1,10}");

    // Clients write zone names in any case ("america/new_york"); java.time only knows the canonical spelling.
    private static final Map<String, String> CANONICAL_NAMES = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(),
                    (first, second) -> first));

    private TimeZones() {}

    /**
     * The zone named by {@code text}: an IANA name ({@code America/New_York}, {@code UTC}, any case), an ISO offset
     * ({@code +05:30}), or an offset from UTC in whole seconds as Keen sends it ({@code -28800}, {@code +3600},
     * {@code 0}). Offsets in seconds become fixed {@link ZoneOffset}s, with no daylight saving.
     *
     * @param text the request's value; {@code null} or blank means UTC
     * @return never null; {@link ZoneOffset#UTC} for {@code null}, blank and {@code 0}
     * @throws InvalidRequestException with {@link ErrorCode#INVALID_TIMEZONE} (field {@code timezone}) for an unknown
     *     name or an offset beyond ±18 hours
     */
    public static ZoneId parse(String text) {
        if (text == null || text.isBlank()) {
            return ZoneOffset.UTC;
        }
        String trimmed = text.trim();
        if (SECONDS.matcher(trimmed).matches()) {
            return offset(trimmed, text);
        }
        return named(trimmed).orElseThrow(() -> invalid(text,
                "an IANA zone name such as America/New_York or an offset in seconds such as -28800"));
    }

    private static ZoneId offset(String digits, String text) {
        long seconds = Long.parseLong(digits); // cannot overflow: at most 10 digits
        if (Math.abs(seconds) > MAX_OFFSET_SECONDS) {
            throw invalid(text, "an offset in seconds within ±" + MAX_OFFSET_SECONDS + " (18 hours)");
        }
        return seconds == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((int) seconds);
    }

    private static Optional<ZoneId> named(String name) {
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.ofNullable(CANONICAL_NAMES.get(name.toLowerCase(Locale.ROOT))).map(ZoneId::of);
        }
    }

    private static InvalidRequestException invalid(String text, String expected) {
        return TimeSyntax.invalid(ErrorCode.INVALID_TIMEZONE, "timezone",
                "timezone must be " + expected + ", got " + TimeSyntax.quoted(text));
    }
}
