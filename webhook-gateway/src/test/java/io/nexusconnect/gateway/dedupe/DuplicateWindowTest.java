package io.nexusconnect.gateway.dedupe;

import io.nexusconnect.gateway.support.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateWindowTest {
    final TestClock clock = new TestClock();
    final DuplicateWindow window = new DuplicateWindow(clock, Duration.ofHours(24));

    @Test
    @DisplayName("The first delivery claims the id, a twin meanwhile finds it in flight, a retry after it is durable is a duplicate")
    void claimThenConfirm() {
        assertThat(window.claim("shopify/c/1")).isEqualTo(DuplicateWindow.Claim.FIRST);
        assertThat(window.claim("shopify/c/1")).isEqualTo(DuplicateWindow.Claim.IN_FLIGHT);

        window.confirm("shopify/c/1");

        assertThat(window.claim("shopify/c/1")).isEqualTo(DuplicateWindow.Claim.SEEN);
    }

    @Test
    @DisplayName("A failed publish releases the claim, so the marketplace's retry is published")
    void releaseAfterFailure() {
        window.claim("ebay/c/1");

        window.release("ebay/c/1");

        assertThat(window.claim("ebay/c/1")).isEqualTo(DuplicateWindow.Claim.FIRST);
    }

    @Test
    @DisplayName("A sighting from another replica makes the id a duplicate here; after the window it is new again")
    void sightingsExpireWithTheWindow() {
        window.seen("walmart/c/9", clock.instant());
        assertThat(window.claim("walmart/c/9")).isEqualTo(DuplicateWindow.Claim.SEEN);

        clock.advance(Duration.ofHours(25));
        assertThat(window.expire()).isEqualTo(1);

        assertThat(window.claim("walmart/c/9")).isEqualTo(DuplicateWindow.Claim.FIRST);
    }
}
