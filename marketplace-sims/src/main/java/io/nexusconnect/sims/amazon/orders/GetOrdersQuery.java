package io.nexusconnect.sims.amazon.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.http.Dates;
import io.nexusconnect.sims.amazon.http.OpaqueToken;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.state.SellerStore.OrderKey;
import io.nexusconnect.sims.common.http.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The validated parameters of one getOrders call. Rules come from the parameter descriptions of ordersV0.json:
 * exactly one of CreatedAfter/LastUpdatedAfter, the *Before bound not before the *After bound and at least two
 * minutes (the configured lag) before now, MaxResultsPerPage 1–100, at most 50 marketplace and order ids.
 */
record GetOrdersQuery(boolean byLastUpdate, Set<String> marketplaceIds, Instant after, Instant before,
                      Set<String> statuses, Set<String> channels, Set<String> paymentMethods,
                      Set<String> amazonOrderIds, String sellerOrderId, Set<String> easyShipStatuses, int pageSize,
                      OrderKey position, String fingerprint) {

    private static final Set<String> PAYMENT_METHODS = Set.of("COD", "CVS", "Other");
    private static final Set<String> EASY_SHIP = Set.of("PendingSchedule", "PendingPickUp", "PendingDropOff",
            "LabelCanceled", "PickedUp", "DroppedOff", "AtOriginFC", "AtDestinationFC", "Delivered",
            "RejectedByBuyer", "Undeliverable", "ReturningToSeller", "ReturnedToSeller", "Lost", "OutForDelivery",
            "Damaged");
    private static final Set<String> ELECTRONIC_INVOICE = Set.of("NotRequired", "NotFound", "Processing", "Errored",
            "Accepted");

    static GetOrdersQuery parse(SpApiCall call, Duration lag) {
        Instant latestAllowed = call.now().minus(lag);
        List<String> marketplaceIds = call.queryList("MarketplaceIds");
        if (marketplaceIds.isEmpty()) {
            throw invalid("Missing required parameter MarketplaceIds.");
        }
        limit("MarketplaceIds", marketplaceIds, 50);
        String createdAfter = call.query("CreatedAfter");
        String updatedAfter = call.query("LastUpdatedAfter");
        if ((createdAfter == null) == (updatedAfter == null)) {
            throw invalid("Exactly one of CreatedAfter and LastUpdatedAfter is required.");
        }
        boolean byLastUpdate = updatedAfter != null;
        if (byLastUpdate && call.has("CreatedBefore")) {
            throw invalid("CreatedBefore cannot be set when LastUpdatedAfter is set.");
        }
        if (!byLastUpdate && call.has("LastUpdatedBefore")) {
            throw invalid("LastUpdatedBefore cannot be set when CreatedAfter is set.");
        }
        String afterName = byLastUpdate ? "LastUpdatedAfter" : "CreatedAfter";
        String beforeName = byLastUpdate ? "LastUpdatedBefore" : "CreatedBefore";
        Instant after = date(afterName, byLastUpdate ? updatedAfter : createdAfter);
        String beforeValue = call.query(beforeName);
        Instant explicitBefore = beforeValue == null ? null : date(beforeName, beforeValue);
        if (explicitBefore != null && explicitBefore.isAfter(latestAllowed)) {
            throw invalid(beforeName + " must be at least " + lag.toMinutes() + " minutes before the current time.");
        }

        Set<String> statuses = enumValues("OrderStatuses", call.queryList("OrderStatuses"),
                Arrays.stream(OrderStatus.values()).map(OrderStatus::wire).toList());
        Set<String> channels = enumValues("FulfillmentChannels", call.queryList("FulfillmentChannels"),
                Arrays.stream(FulfillmentChannel.values()).map(Enum::name).toList());
        Set<String> payments = enumValues("PaymentMethods", call.queryList("PaymentMethods"), PAYMENT_METHODS);
        Set<String> easyShip = enumValues("EasyShipShipmentStatuses", call.queryList("EasyShipShipmentStatuses"),
                EASY_SHIP);
        enumValues("ElectronicInvoiceStatuses", call.queryList("ElectronicInvoiceStatuses"), ELECTRONIC_INVOICE);
        List<String> orderIds = call.queryList("AmazonOrderIds");
        limit("AmazonOrderIds", orderIds, 50);
        String sellerOrderId = call.query("SellerOrderId");
        if (sellerOrderId != null) {
            for (String excluded : List.of("FulfillmentChannels", "OrderStatuses", "PaymentMethods",
                    "LastUpdatedAfter", "LastUpdatedBefore", "BuyerEmail")) {
                if (call.has(excluded)) {
                    throw invalid(excluded + " cannot be specified with SellerOrderId.");
                }
            }
        }
        String isIspu = call.query("IsISPU");
        if (isIspu != null && !isIspu.equals("true") && !isIspu.equals("false")) {
            throw invalid("IsISPU must be true or false.");
        }
        for (String dateFilter : List.of("EarliestDeliveryDateBefore", "EarliestDeliveryDateAfter",
                "LatestDeliveryDateBefore", "LatestDeliveryDateAfter")) {
            if (call.has(dateFilter)) {
                date(dateFilter, call.query(dateFilter));
            }
        }
        int pageSize = pageSize(call.query("MaxResultsPerPage"));

        String fingerprint = OpaqueToken.fingerprint(String.join("|", byLastUpdate ? "U" : "C", Json.time(after),
                new TreeSet<>(marketplaceIds).toString(), statuses.toString(), channels.toString(), payments.toString(),
                new TreeSet<>(orderIds).toString(), String.valueOf(sellerOrderId), easyShip.toString(),
                String.valueOf(call.query("BuyerEmail"))));
        Instant before = explicitBefore != null ? explicitBefore : latestAllowed.truncatedTo(ChronoUnit.SECONDS);
        OrderKey position = null;
        String nextToken = call.query("NextToken");
        if (nextToken != null) {
            ObjectNode token = OpaqueToken.decode(nextToken);
            if (token == null || !fingerprint.equals(token.path("f").asText())) {
                throw invalid("Invalid NextToken: pass the NextToken of the previous page together with the same "
                        + "filter parameters as the first request.");
            }
            Instant tokenBefore = Instant.ofEpochSecond(token.path("b").asLong());
            if (explicitBefore != null && !explicitBefore.equals(tokenBefore)) {
                throw invalid("Invalid NextToken: " + beforeName + " differs from the first request.");
            }
            before = tokenBefore;
            position = new OrderKey(Instant.ofEpochSecond(token.path("t").asLong()), token.path("o").asText());
        }
        if (before.isBefore(after)) {
            throw invalid(beforeName + " must be equal to or after " + afterName + ".");
        }
        return new GetOrdersQuery(byLastUpdate, new TreeSet<>(marketplaceIds), after, before, statuses, channels,
                payments, new TreeSet<>(orderIds), sellerOrderId, easyShip, pageSize, position, fingerprint);
    }

    /** The token of the page after {@code last}: where to continue, under which window and filters. */
    String nextToken(SimOrder last) {
        ObjectNode token = Json.object().put("f", fingerprint).put("b", before.getEpochSecond())
                .put("t", (byLastUpdate ? last.lastUpdateDate() : last.purchaseDate()).getEpochSecond())
                .put("o", last.amazonOrderId());
        return OpaqueToken.encode(token);
    }

    Predicate<SimOrder> filter() {
        return order -> marketplaceIds.contains(order.marketplaceId())
                && (statuses.isEmpty() || statuses.contains(order.status().wire()))
                && (channels.isEmpty() || channels.contains(order.fulfillmentChannel().name()))
                && (paymentMethods.isEmpty() || paymentMethods.contains("Other"))
                && (amazonOrderIds.isEmpty() || amazonOrderIds.contains(order.amazonOrderId()))
                && (sellerOrderId == null || sellerOrderId.equals(order.amazonOrderId()))
                // no simulated order is an Easy Ship order
                && easyShipStatuses.isEmpty();
    }

    private static Instant date(String name, String value) {
        return Dates.parse(name, value, n -> invalid("Invalid date/time field [" + n + "]"));
    }

    private static int pageSize(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= 100) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("MaxResultsPerPage must be an integer from 1 to 100.");
    }

    private static Set<String> enumValues(String name, List<String> values, java.util.Collection<String> allowed) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw invalid("Invalid value '" + value + "' for " + name + ".");
            }
        }
        return new TreeSet<>(values);
    }

    private static void limit(String name, List<String> values, int max) {
        if (values.size() > max) {
            throw invalid(name + " accepts at most " + max + " values.");
        }
    }

    private static SpApiException invalid(String details) {
        return SpApiException.invalidInput(details);
    }
}
