package io.nexusconnect.amazon.stock;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.client.SpApiPayload;
import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.amazon.client.model.ListingsSubmission;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sets merchant-fulfilled (DEFAULT) quantities. A batch above {@code nexus.amazon.feeds.threshold} SKUs goes as a
 * listings feed ({@link FeedStockWriter}); a smaller one with one {@code patchListingsItem} per SKU (5 rps, burst 5), after a
 * {@code getListingsItem} (5 rps, burst 10, its own bucket) that gives the product type the PATCH needs and tells
 * FBA-only SKUs apart: Amazon manages their quantity, and adding a DEFAULT entry to them would turn the offer into a
 * merchant-fulfilled one, so they are refused here rather than sent. What Amazon refuses for an item (an INVALID
 * submission, an unknown SKU) is a rejection of that item; the other items of the command are still set. Throttling,
 * outages and credential problems are thrown for the whole command, to be retried or reported by the kit.
 */
@ApplicationScoped
public class AmazonStockWriter implements StockWriter {
    private static final Logger LOG = Logger.getLogger(AmazonStockWriter.class);

    private final SpApiClient api;
    private final AmazonConfig config;
    private final FeedStockWriter feeds;
    private final FeedsConfig feedsConfig;

    AmazonStockWriter(SpApiClient api, AmazonConfig config, FeedStockWriter feeds, FeedsConfig feedsConfig) {
        this.api = api;
        this.config = config;
        this.feeds = feeds;
        this.feedsConfig = feedsConfig;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.AMAZON;
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        AmazonAccount account = AmazonAccount.of(connection, credentials, config);
        return items.size() > feedsConfig.threshold() ? feeds.setStock(account, items) : patchEach(account, items);
    }

    /** The PATCH path: getListingsItem and patchListingsItem per SKU. */
    List<Rejection> patchEach(AmazonAccount account, List<SetStock.Item> items) {
        List<Rejection> rejections = new ArrayList<>();
        for (SetStock.Item item : items) {
            set(account, item).ifPresent(rejections::add);
        }
        return rejections;
    }

    private Optional<Rejection> set(AmazonAccount account, SetStock.Item item) {
        ListingItem listing;
        try {
            listing = SpApiPayload.body(api.getListingsItem(account, item.sku(), "summaries,fulfillmentAvailability"),
                    ListingItem.class);
        } catch (MarketplaceException e) {
            return refusal(item, e);
        }
        Optional<Rejection> fbaOnly = ListingFacts.fulfilledByAmazonOnly(item.sku(), listing);
        if (fbaOnly.isPresent()) {
            return fbaOnly;
        }
        MarketplaceResponse response;
        try {
            response = api.patchListingsItem(account, item.sku(),
                    QuantityPatch.body(ListingFacts.productType(listing, account), item.quantity()));
        } catch (MarketplaceException e) {
            return refusal(item, e);
        }
        ListingsSubmission submission = SpApiPayload.body(response, ListingsSubmission.class);
        if (ListingsSubmission.ACCEPTED.equals(submission.status())) {
            LOG.debugf("connection %s: %s set to %d (submission %s)", account.connectionId(), item.sku(), item.quantity(),
                    submission.submissionId());
            return Optional.empty();
        }
        if (ListingsSubmission.INVALID.equals(submission.status())) {
            return Optional.of(new Rejection(item.sku(), "submission " + submission.submissionId() + " INVALID: "
                    + issues(submission) + response.requestId().map(id -> " (request " + id + ")").orElse("")));
        }
        throw response.malformed("a listings submission with status " + submission.status(), null);
    }

    /**
     * A 4xx about this item (400 for an unknown SKU or a body Amazon will not read, 404 on GET) refuses the item;
     * everything else (throttled, down, token or role refused) concerns the whole command and is thrown.
     */
    private static Optional<Rejection> refusal(SetStock.Item item, MarketplaceException e) {
        Integer status = e.httpStatus();
        if (e.code() == ErrorCode.INTERNAL && status != null && status >= 400 && status < 500) {
            return Optional.of(new Rejection(item.sku(), e.getMessage()
                    + (e.requestId() == null ? "" : " (request " + e.requestId() + ")")));
        }
        throw e;
    }

    private static String issues(ListingsSubmission submission) {
        if (submission.issues() == null || submission.issues().isEmpty()) {
            return "no issues given";
        }
        return submission.issues().stream()
                .map(i -> i.severity() + " " + i.code() + " " + i.message()
                        + (i.attributeNames() == null || i.attributeNames().isEmpty() ? ""
                        : " " + i.attributeNames()))
                .collect(Collectors.joining("; "));
    }
}
