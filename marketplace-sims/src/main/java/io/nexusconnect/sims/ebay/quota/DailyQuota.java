package io.nexusconnect.sims.ebay.quota;

import io.nexusconnect.sims.ebay.EbayApi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eBay's daily call limits: per application and API, a number of calls per day; the day ends at midnight in the
 * configured zone (Pacific time on eBay). Only successful authorizations count; a refused call does not.
 */
public final class DailyQuota {
    private final Map<EbayApi, Long> limits;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, long[]> used = new ConcurrentHashMap<>();

    public DailyQuota(Map<EbayApi, Long> limits, ZoneId zone, Clock clock) {
        this.limits = new ConcurrentHashMap<>(limits);
        this.zone = zone;
        this.clock = clock;
    }

    /** Counts one call; false = the day's quota is used up. */
    public boolean tryAcquire(EbayApi api, String clientId) {
        long day = today().toEpochDay();
        long[] counter = used.computeIfAbsent(api + "|" + clientId, k -> new long[]{day, 0});
        synchronized (counter) {
            if (counter[0] != day) {
                counter[0] = day;
                counter[1] = 0;
            }
            if (counter[1] >= limits.get(api)) {
                return false;
            }
            counter[1]++;
            return true;
        }
    }

    /** Changes an API's daily limit while running (tests: a quota used up without making 100,000 calls). */
    public void setLimit(EbayApi api, long callsPerDay) {
        if (callsPerDay < 0) {
            throw new IllegalArgumentException("callsPerDay must not be negative");
        }
        limits.put(api, callsPerDay);
    }

    public long limit(EbayApi api) {
        return limits.get(api);
    }

    public long remaining(EbayApi api, String clientId) {
        long[] counter = used.get(api + "|" + clientId);
        if (counter == null) {
            return limits.get(api);
        }
        synchronized (counter) {
            return counter[0] == today().toEpochDay() ? Math.max(0, limits.get(api) - counter[1]) : limits.get(api);
        }
    }

    /** When the current day's quota is renewed. */
    public Instant reset() {
        return today().plusDays(1).atStartOfDay(zone).toInstant();
    }

    public void clear() {
        used.clear();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
