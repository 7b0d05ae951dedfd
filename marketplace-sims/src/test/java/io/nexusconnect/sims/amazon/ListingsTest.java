package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.common.SimClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.nexusconnect.sims.amazon.SimHttp.encode;
import static io.nexusconnect.sims.amazon.SimHttp.get;
import static io.nexusconnect.sims.amazon.SimHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

class ListingsTest extends AmazonSimTest {
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-03-02T10:00:00Z"));
    private static final String SELLER = AmazonSimulator.DEMO.sellingPartnerId();
    private String token;
    private String items;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(10).listingCount(45).clock(CLOCK)
                .accessTokenTtl(Duration.ofDays(30)).build();
    }

    @BeforeAll
    void start() {
        token = SimHttp.demoToken(sim);
        items = sim.baseUrl() + "/listings/2021-08-01/items/" + SELLER;
    }

    private List<JsonNode> searchAll(String query) {
        List<JsonNode> found = new ArrayList<>();
        String pageToken = null;
        do {
            sim.resetRateLimits();
            SimHttp.Reply reply = get(items + "?" + query + (pageToken == null ? "" : "&pageToken=" + encode(pageToken)),
                    token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            reply.json().path("items").forEach(found::add);
            pageToken = reply.json().path("pagination").path("nextToken").asText(null);
        } while (pageToken != null);
        return found;
    }

    private String patch(String quantityJson) {
        return "{\"productType\":\"PRODUCT\",\"patches\":[{\"op\":\"merge\",\"path\":\"/attributes/fulfillment_availability\","
                + "\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":" + quantityJson + "}]}]}";
    }

    private SimListing sellerFulfilled(int index) {
        return sim.listings().stream().filter(l -> !l.fulfilledByAmazon()).skip(index).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("Given 45 listings, when searchListingsItems is paged 7 at a time, then every SKU comes once, newest update first, with summaries, offers and availability")
    void searchPagesThroughEverything() {
        List<JsonNode> found = searchAll("marketplaceIds=ATVPDKIKX0DER&includedData=summaries,offers,fulfillmentAvailability"
                + "&pageSize=7");

        assertThat(found).extracting(i -> i.path("sku").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sim.listings().stream().map(SimListing::sku).toList());
        List<Instant> updated = found.stream()
                .map(i -> Instant.parse(i.path("summaries").path(0).path("lastUpdatedDate").asText())).toList();
        assertThat(updated).isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode first = found.getFirst();
        SimListing listing = sim.listing(first.path("sku").asText()).orElseThrow();
        assertThat(first.path("summaries").path(0).path("asin").asText()).isEqualTo(listing.asin()).startsWith("B0");
        assertThat(first.path("summaries").path(0).path("itemName").asText()).isEqualTo(listing.title());
        assertThat(first.path("summaries").path(0).path("productType").asText()).isEqualTo(listing.productType());
        assertThat(new BigDecimal(first.path("offers").path(0).path("price").path("amount").asText()))
                .isEqualByComparingTo(listing.price());
        assertThat(first.path("fulfillmentAvailability").path(0).path("quantity").asInt()).isEqualTo(listing.quantity());
    }

    @Test
    @DisplayName("Given a first page, when numberOfResults and the default page size are read, then all matches are counted and 10 are served")
    void defaultPageSize() {
        SimHttp.Reply reply = get(items + "?marketplaceIds=ATVPDKIKX0DER", token);

        assertThat(reply.json().path("numberOfResults").asInt()).isEqualTo(45);
        assertThat(reply.json().path("items")).hasSize(10);
        assertThat(reply.json().path("items").path(0).has("summaries")).isTrue();
        assertThat(reply.json().path("items").path(0).has("offers")).isFalse();
        assertThat(reply.header("x-amzn-RateLimit-Limit")).isEqualTo("5");
    }

    @Test
    @DisplayName("Given sortBy=sku ASC, when paging, then SKUs come in ascending order")
    void sortBySku() {
        List<String> skus = searchAll("marketplaceIds=ATVPDKIKX0DER&sortBy=sku&sortOrder=ASC&pageSize=20").stream()
                .map(i -> i.path("sku").asText()).toList();

        assertThat(skus).isSorted().hasSize(45);
    }

    @Test
    @DisplayName("Given a merge PATCH of fulfillment_availability, when applied, then the quantity and lastUpdatedDate change and lastUpdatedAfter finds the SKU")
    void patchUpdatesQuantity() {
        SimListing listing = sellerFulfilled(0);
        CLOCK.advance(Duration.ofMinutes(5));

        SimHttp.Reply reply = send("PATCH", items + "/" + encode(listing.sku()) + "?marketplaceIds=ATVPDKIKX0DER", token,
                patch("7"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.json().path("sku").asText()).isEqualTo(listing.sku());
        assertThat(reply.json().path("submissionId").asText()).isNotBlank();
        assertThat(reply.json().path("issues")).isEmpty();
        SimListing after = sim.listing(listing.sku()).orElseThrow();
        assertThat(after.quantity()).isEqualTo(7);
        assertThat(after.lastUpdatedDate()).isEqualTo(CLOCK.instant());
        List<JsonNode> changed = searchAll("marketplaceIds=ATVPDKIKX0DER&includedData=fulfillmentAvailability"
                + "&lastUpdatedAfter=" + encode(CLOCK.instant().toString()));
        assertThat(changed).extracting(i -> i.path("sku").asText()).containsExactly(listing.sku());
        assertThat(changed.getFirst().path("fulfillmentAvailability").path(0).path("quantity").asInt()).isEqualTo(7);
    }

    @Test
    @DisplayName("Given mode=VALIDATION_PREVIEW, when a valid PATCH is sent, then it is VALID with identifiers and nothing changes")
    void validationPreviewChangesNothing() {
        SimListing listing = sellerFulfilled(1);

        SimHttp.Reply reply = send("PATCH", items + "/" + encode(listing.sku())
                + "?marketplaceIds=ATVPDKIKX0DER&mode=VALIDATION_PREVIEW&includedData=identifiers,issues", token, patch("99"));

        assertThat(reply.json().path("status").asText()).isEqualTo("VALID");
        assertThat(reply.json().path("identifiers").path(0).path("asin").asText()).isEqualTo(listing.asin());
        assertThat(sim.listing(listing.sku()).orElseThrow()).isEqualTo(listing);
    }

    @Test
    @DisplayName("Given an invalid quantity, when PATCHed, then the submission is INVALID with an attribute issue and nothing changes")
    void invalidQuantityIsAnIssue() {
        SimListing listing = sellerFulfilled(2);

        SimHttp.Reply reply = send("PATCH", items + "/" + encode(listing.sku()) + "?marketplaceIds=ATVPDKIKX0DER", token,
                patch("-3"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("INVALID");
        assertThat(reply.json().path("issues").path(0).path("code").asText()).isEqualTo("90000900");
        assertThat(reply.json().path("issues").path(0).path("attributeNames").path(0).asText())
                .isEqualTo("fulfillment_availability");
        assertThat(sim.listing(listing.sku()).orElseThrow()).isEqualTo(listing);
    }

    @Test
    @DisplayName("Given the INVALID_SUBMISSION fault, when a valid quantity PATCH is sent, then it is INVALID with the model's issue, nothing changes, and the next PATCH is accepted and shown by getListingsItem")
    void invalidSubmissionFault() {
        SimListing listing = sellerFulfilled(3);
        String url = items + "/" + encode(listing.sku()) + "?marketplaceIds=ATVPDKIKX0DER";
        sim.faults().next("patchListingsItem", io.nexusconnect.sims.common.faults.Fault.invalidSubmission());

        SimHttp.Reply refused = send("PATCH", url, token, patch("11"));
        SimListing unchanged = sim.listing(listing.sku()).orElseThrow();
        SimHttp.Reply accepted = send("PATCH", url, token, patch("12"));
        SimHttp.Reply read = get(items + "/" + encode(listing.sku())
                + "?marketplaceIds=ATVPDKIKX0DER&includedData=fulfillmentAvailability", token);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("status").asText()).isEqualTo("INVALID");
        assertThat(refused.json().path("sku").asText()).isEqualTo(listing.sku());
        assertThat(refused.json().path("submissionId").asText()).isNotBlank();
        JsonNode issue = refused.json().path("issues").path(0);
        assertThat(issue.path("code").asText()).isEqualTo("90000900");
        assertThat(issue.path("severity").asText()).isEqualTo("ERROR");
        assertThat(issue.path("attributeNames").path(0).asText()).isEqualTo("fulfillment_availability");
        assertThat(issue.path("categories").path(0).asText()).isEqualTo("INVALID_ATTRIBUTE");
        assertThat(unchanged).isEqualTo(listing);
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(read.json().path("fulfillmentAvailability").path(0).path("quantity").asInt()).isEqualTo(12);
    }

    @Test
    @DisplayName("Given a purchasable_offer PATCH, when applied, then offers show the new price")
    void patchPrice() {
        SimListing listing = sellerFulfilled(3);
        String body = "{\"productType\":\"" + listing.productType() + "\",\"patches\":[{\"op\":\"replace\","
                + "\"path\":\"/attributes/purchasable_offer\",\"value\":[{\"marketplace_id\":\"ATVPDKIKX0DER\","
                + "\"currency\":\"USD\",\"our_price\":[{\"schedule\":[{\"value_with_tax\":12.5}]}]}]}]}";

        send("PATCH", items + "/" + encode(listing.sku()) + "?marketplaceIds=ATVPDKIKX0DER", token, body);
        JsonNode item = get(items + "/" + encode(listing.sku()) + "?marketplaceIds=ATVPDKIKX0DER&includedData=offers,attributes",
                token).json();

        assertThat(item.path("offers").path(0).path("price").path("amount").asText()).isEqualTo("12.50");
        assertThat(item.path("attributes").path("purchasable_offer").path(0).path("our_price").path(0)
                .path("schedule").path(0).path("value_with_tax").decimalValue()).isEqualByComparingTo("12.50");
    }

    @Test
    @DisplayName("Given malformed requests, when sent, then 400 BAD_REQUEST (body, pageSize, includedData, marketplace, unknown SKU on PATCH) and 404 for an unknown SKU on GET")
    void badRequests() {
        SimListing listing = sellerFulfilled(4);
        String patchUrl = items + "/" + encode(listing.sku()) + "?marketplaceIds=ATVPDKIKX0DER";

        assertThat(send("PATCH", patchUrl, token, "{\"patches\":[]}").error("code")).isEqualTo("BAD_REQUEST");
        assertThat(send("PATCH", patchUrl, token, "not json").status()).isEqualTo(400);
        assertThat(send("PATCH", items + "/NO-SUCH-SKU?marketplaceIds=ATVPDKIKX0DER", token, patch("1")).status())
                .isEqualTo(400);
        assertThat(get(items + "?marketplaceIds=ATVPDKIKX0DER&pageSize=21", token).status()).isEqualTo(400);
        assertThat(get(items + "?marketplaceIds=ATVPDKIKX0DER&includedData=everything", token).status()).isEqualTo(400);
        assertThat(get(items + "?marketplaceIds=A1PA6795UKMFR9", token).error("message"))
                .isEqualTo("Invalid 'marketplaceIds' provided.");
        assertThat(get(items, token).status()).isEqualTo(400);
        SimHttp.Reply unknown = get(items + "/NO-SUCH-SKU?marketplaceIds=ATVPDKIKX0DER", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    @DisplayName("Given the test API, when setQuantity is called, then GET shows the quantity and BUYABLE follows stock")
    void setQuantityFromTests() {
        SimListing listing = sellerFulfilled(5);
        sim.setQuantity(listing.sku(), 0);

        JsonNode item = get(items + "/" + encode(listing.sku())
                + "?marketplaceIds=ATVPDKIKX0DER&includedData=summaries,fulfillmentAvailability", token).json();

        assertThat(item.path("fulfillmentAvailability").path(0).path("quantity").asInt()).isZero();
        assertThat(item.path("summaries").path(0).path("status").toString()).doesNotContain("BUYABLE");
    }

    @Test
    @DisplayName("Given a listing suppressed by an enforcement, when searched with includedData=issues, then the issue carries its enforcement and the summary drops BUYABLE only")
    void suppressedListingIssues() {
        SimListing listing = sellerFulfilled(7);
        sim.setIssues(listing.sku(), List.of(new ListingIssue("18155", "Potential pricing error.", "ERROR",
                List.of("purchasable_offer"), List.of("INVALID_PRICE"), List.of(ListingIssue.LISTING_SUPPRESSED))));

        JsonNode item = searchAll("marketplaceIds=ATVPDKIKX0DER&includedData=summaries,issues&pageSize=20").stream()
                .filter(i -> i.path("sku").asText().equals(listing.sku())).findFirst().orElseThrow();

        JsonNode issue = item.path("issues").path(0);
        assertThat(issue.path("code").asText()).isEqualTo("18155");
        assertThat(issue.path("enforcements").path("actions").path(0).path("action").asText()).isEqualTo("LISTING_SUPPRESSED");
        assertThat(issue.path("enforcements").path("exemption").path("status").asText()).isEqualTo("NOT_EXEMPT");
        assertThat(item.path("summaries").path(0).path("status").toString()).doesNotContain("BUYABLE").contains("DISCOVERABLE");
    }
}
