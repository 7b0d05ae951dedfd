package io.nexusconnect.sims.shopify.http;

import java.time.Duration;

/** One injected misbehaviour of the Admin API endpoint. */
public sealed interface ShopifyFault {
    /** HTTP 429 with {@code Retry-After: <seconds>} (what Shopify's edge answers under heavy load). */
    record TooManyRequests(Duration retryAfter) implements ShopifyFault {
    }

    /** HTTP 500, 502, 503 or 504 with Shopify's error body. */
    record ServerError(int status) implements ShopifyFault {
    }

    /** HTTP 401 as for a revoked or wrong access token (the app was uninstalled). */
    record InvalidToken() implements ShopifyFault {
    }

    /** HTTP 402 Payment Required: the shop is frozen (unpaid) or paused. */
    record ShopFrozen() implements ShopifyFault {
    }

    /** HTTP 403 without the access scope the field needs. */
    record AccessDenied() implements ShopifyFault {
    }

    /** 200 whose body is the real answer cut in half. */
    record MalformedJson() implements ShopifyFault {
    }

    /** The cost bucket is emptied first, so the request is THROTTLED. */
    record Throttled() implements ShopifyFault {
    }

    /** Answered normally, after the delay. */
    record Slow(Duration delay) implements ShopifyFault {
    }
}
