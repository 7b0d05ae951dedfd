package io.nexusconnect.walmart.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * How the adapter reads and writes Walmart beyond the HTTP settings of {@code nexus.apis.walmart*}. Values the
 * documentation leaves uncertain (BEHAVIOR.md) are settings here.
 */
@ConfigMapping(prefix = "nexus.walmart")
public interface WalmartConfig {
    /** {@code WM_SVC.NAME}, required on every call. */
    @WithName("service-name")
    @WithDefault("Walmart Marketplace")
    String serviceName();

    Orders orders();

    Inventory inventory();

    Webhooks webhooks();

    interface Webhooks {
        /** The order events nexus subscribes to (resource ORDER, version V1; BEHAVIOR.md). */
        @WithName("event-types")
        @WithDefault("PO_CREATED,PO_LINE_AUTOCANCELLED")
        java.util.List<String> eventTypes();

        /**
         * {@code authDetails.authHeaderName} of an HMAC subscription. Uncertain (BEHAVIOR.md): notifications.json
         * names a header carrying the HMAC, the security page the {@code WM_SEC.*} headers the gateway checks.
         */
        @WithName("auth-header-name")
        @WithDefault("WM_SEC.SIGNATURE")
        String authHeaderName();
    }

    interface Orders {
        /** getAllOrders' maximum {@code limit} (orders.json: 200). */
        @WithName("page-size")
        @WithDefault("200")
        int pageSize();

        /** The window ends this long before now, so an order modified while we read is taken next cycle. */
        @WithName("end-guard")
        @WithDefault("PT5S")
        Duration endGuard();

        /** Walmart wants Created orders acknowledged within four hours (BEHAVIOR.md); later ones are reported. */
        @WithName("acknowledge-within")
        @WithDefault("PT4H")
        Duration acknowledgeWithin();

        /** Whether a PRODUCT charge's {@code chargeAmount} is the unit price (UNIT) or the line total (LINE). */
        @WithName("charge-basis")
        @WithDefault("UNIT")
        String chargeBasis();
    }

    interface Inventory {
        /** getAllItems' page size. */
        @WithName("page-size")
        @WithDefault("200")
        int pageSize();

        /** Commands with more SKUs than this go as one inventory feed instead of single-SKU PUTs. */
        @WithName("feed-threshold")
        @WithDefault("20")
        int feedThreshold();

        /** How long to wait between polls of a submitted feed, and how many polls before giving up. */
        @WithName("feed-poll-interval")
        @WithDefault("PT10S")
        Duration feedPollInterval();

        @WithName("feed-max-polls")
        @WithDefault("60")
        int feedMaxPolls();
    }
}
