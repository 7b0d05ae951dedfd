package io.nexusconnect.adapterkit.auth;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenCacheTest {
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final AccessTokenCache cache = new AccessTokenCache(time, Duration.ofSeconds(60));
    private final AtomicInteger fetches = new AtomicInteger();

    private AccessToken fetchOneHour() {
        int n = fetches.incrementAndGet();
        return new AccessToken("Atza|token-number-" + n, time.instant().plusSeconds(3600));
    }

    @Test
    @DisplayName("A token is reused until 60 s before it expires, and refreshed from then on")
    void refreshesAheadOfExpiry() {
        // given a token fetched now that lives one hour
        AccessToken first = cache.get("conn-1", this::fetchOneHour);

        // when 58 minutes pass, the same token is served
        time.advance(Duration.ofMinutes(58));
        assertThat(cache.get("conn-1", this::fetchOneHour)).isSameAs(first);

        // then at 59 minutes (inside the 60 s skew) a new one is fetched
        time.advance(Duration.ofMinutes(1));
        AccessToken second = cache.get("conn-1", this::fetchOneHour);
        assertThat(second).isNotEqualTo(first);
        assertThat(fetches).hasValue(2);
    }

    @Test
    @DisplayName("A forgotten token is fetched again at once although it had most of its hour left")
    void forgetFetchesAgain() {
        // given a fresh token
        AccessToken first = cache.get("conn-1", this::fetchOneHour);

        // when the credential is forgotten (a reconnect)
        cache.forget("conn-1");

        // then the next caller gets a new token, and other credentials are untouched
        assertThat(cache.get("conn-1", this::fetchOneHour)).isNotEqualTo(first);
        assertThat(fetches).hasValue(2);
        cache.forget("never-seen");
        assertThat(fetches).hasValue(2);
    }

    @Test
    @DisplayName("Twenty threads asking for the same credential's token at once cause a single fetch")
    void singleFlight() throws Exception {
        // given a fetch that blocks until all callers are waiting
        CountDownLatch release = new CountDownLatch(1);
        TokenFetcher slow = () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fetchOneHour();
        };
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<AccessToken>> results = new ArrayList<>();

        // when twenty callers ask concurrently
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> cache.get("conn-1", slow)));
        }
        Thread.sleep(200); // lets the callers pile up behind the one fetch (not a timing assertion)
        release.countDown();

        // then all got the one token from one fetch
        for (Future<AccessToken> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).value()).isEqualTo("Atza|token-number-1");
        }
        assertThat(fetches).hasValue(1);
        pool.shutdownNow();
    }

    @Test
    @DisplayName("While one caller refreshes ahead of expiry, others keep using the still-valid token instead of waiting")
    void staleButValidServedDuringRefresh() throws Exception {
        // given a token inside its refresh window and a refresh in progress
        AccessToken old = cache.get("conn-1", this::fetchOneHour);
        time.advance(Duration.ofSeconds(3600 - 30));
        CountDownLatch inFetch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread refresher = new Thread(() -> cache.get("conn-1", () -> {
            inFetch.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fetchOneHour();
        }));
        refresher.start();
        assertThat(inFetch.await(10, TimeUnit.SECONDS)).isTrue();

        // when another caller asks meanwhile
        AccessToken served = cache.get("conn-1", () -> {
            throw new AssertionError("must not fetch twice");
        });

        // then it got the old, still valid token at once
        assertThat(served).isSameAs(old);
        release.countDown();
        refresher.join(10_000);
        assertThat(fetches).hasValue(2);
    }

    @Test
    @DisplayName("A call rejected with TOKEN_EXPIRED invalidates the token and is repeated once with a fresh one")
    void invalidationOnExpiredAnswer() {
        // given a marketplace that rejects the first token as expired
        List<String> used = new ArrayList<>();

        // when the call runs through the cache
        String result = cache.withToken("conn-1", this::fetchOneHour, token -> {
            used.add(token.value());
            if (used.size() == 1) {
                throw new MarketplaceException(ErrorCode.TOKEN_EXPIRED, "The access token you provided has expired.");
            }
            return "ok";
        });

        // then the second attempt used a new token
        assertThat(result).isEqualTo("ok");
        assertThat(used).containsExactly("Atza|token-number-1", "Atza|token-number-2");
    }

    @Test
    @DisplayName("A token rejected twice in a row is reported, not retried forever")
    void secondRejectionSurfaces() {
        // given a marketplace that always says the token expired, when the call runs, then the error surfaces
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> cache.withToken("conn-1", this::fetchOneHour, token -> {
            calls.incrementAndGet();
            throw new MarketplaceException(ErrorCode.TOKEN_EXPIRED, "expired");
        })).isInstanceOf(MarketplaceException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    @DisplayName("A failed fetch is passed to every waiting caller and the next call tries again")
    void failedFetchIsNotCached() {
        // given a fetch that fails once
        assertThatThrownBy(() -> cache.get("conn-1", () -> {
            throw new MarketplaceException(ErrorCode.TOKEN_EXPIRED, "invalid_grant");
        })).isInstanceOf(MarketplaceException.class);

        // when asked again, then a new fetch happens
        assertThat(cache.get("conn-1", this::fetchOneHour).value()).isEqualTo("Atza|token-number-1");
    }

    @Test
    @DisplayName("A token never prints in clear text")
    void tokenIsMasked() {
        assertThat(new AccessToken("Atza|IwEBIA-very-secret-value", time.instant()).toString())
                .doesNotContain("very-secret").contains("****alue");
    }
}
