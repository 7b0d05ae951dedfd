package io.nexusconnect.shopify.client;

/**
 * The GraphQL documents the adapter sends, each with its requested cost computed the way Shopify calculates it
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits: object 1, scalar/enum 0, connection
 * 2 + first × one item). Page sizes are derived from the single-query maximum, so no query is ever planned above it.
 */
public final class Queries {
    /** A MoneyBag with its shopMoney: two objects. */
    static final int MONEY_BAG = 2;
    /** One line item: itself, two money bags, discountAllocations (list + bag), taxLines (list + bag), variant. */
    public static final int LINE_COST = 1 + 2 * MONEY_BAG + (1 + MONEY_BAG) + (1 + MONEY_BAG) + 1;
    /** One order without its lines: itself and four money bags. */
    public static final int ORDER_COST = 1 + 4 * MONEY_BAG;
    /** One variant: itself, inventoryItem, inventoryLevel, quantities. */
    public static final int VARIANT_COST = 4;
    public static final int PRODUCT_COST = 1;
    public static final int MAX_PAGE = 250;

    private static final String MONEY = "{ shopMoney { amount currencyCode } }";
    public static final String LINE_FIELDS = "id title sku quantity unfulfilledQuantity originalUnitPriceSet " + MONEY
            + " originalTotalSet " + MONEY + " discountAllocations { allocatedAmountSet " + MONEY + " } taxLines { "
            + "priceSet " + MONEY + " } variant { id }";
    public static final String ORDER_FIELDS = "id name createdAt processedAt updatedAt cancelledAt "
            + "displayFinancialStatus displayFulfillmentStatus currencyCode totalPriceSet " + MONEY
            + " subtotalPriceSet " + MONEY + " totalTaxSet " + MONEY + " totalShippingPriceSet " + MONEY;
    public static final String VARIANT_FIELDS = "id title sku price inventoryQuantity inventoryItem { id "
            + "inventoryLevel(locationId: $location) { quantities(names: [\"available\", \"on_hand\", \"committed\"]) "
            + "{ name quantity } } }";
    public static final String PRODUCT_FIELDS = "id title handle status productType createdAt updatedAt publishedAt";

    public static final String SHOP = "query Shop { shop { name myshopifyDomain currencyCode plan { displayName } } }";
    public static final int SHOP_COST = 2;

    public static final String LOCATIONS = "query Locations { locations(first: 50) { nodes { id name isActive "
            + "fulfillsOnlineOrders } } }";
    public static final int LOCATIONS_COST = 2 + 50;

    public static final String ORDERS = "query Orders($first: Int!, $after: String, $query: String!, $lines: Int!) { "
            + "orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) { pageInfo { hasNextPage "
            + "endCursor } nodes { " + ORDER_FIELDS + " lineItems(first: $lines) { pageInfo { hasNextPage endCursor } "
            + "nodes { " + LINE_FIELDS + " } } } } }";

    public static final String ORDER_LINES = "query OrderLines($id: ID!, $first: Int!, $after: String) { order(id: $id) "
            + "{ lineItems(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { " + LINE_FIELDS
            + " } } } }";

    public static final String PRODUCTS_COUNT = "query ProductsCount($query: String) { productsCount(query: $query) "
            + "{ count precision } }";
    public static final int PRODUCTS_COUNT_COST = 1;

    public static final String PRODUCTS = "query Products($first: Int!, $after: String, $query: String, "
            + "$variants: Int!, $location: ID!) { products(first: $first, after: $after, query: $query, "
            + "sortKey: UPDATED_AT) { pageInfo { hasNextPage endCursor } nodes { " + PRODUCT_FIELDS
            + " variants(first: $variants) { pageInfo { hasNextPage endCursor } nodes { " + VARIANT_FIELDS
            + " } } } } }";

    public static final String PRODUCT_VARIANTS = "query ProductVariants($id: ID!, $first: Int!, $after: String, "
            + "$location: ID!) { product(id: $id) { variants(first: $first, after: $after) { pageInfo { hasNextPage "
            + "endCursor } nodes { " + VARIANT_FIELDS + " } } } }";

    public static final String VARIANTS_BY_SKU = "query VariantsBySku($first: Int!, $query: String!, $location: ID!) "
            + "{ productVariants(first: $first, query: $query) { nodes { " + VARIANT_FIELDS + " } } }";

    public static final String BULK_RUN = "mutation BulkRun($query: String!) { bulkOperationRunQuery(query: $query) { "
            + "bulkOperation { id status } userErrors { field message } } }";
    public static final String BULK_POLL = "query BulkPoll($id: ID!) { node(id: $id) { ... on BulkOperation { id "
            + "status errorCode objectCount url partialDataUrl } } }";
    public static final int BULK_POLL_COST = 1;

    public static final String SET_QUANTITIES = "mutation SetQuantities($input: InventorySetQuantitiesInput!) { "
            + "inventorySetQuantities(input: $input) @idempotent(key: \"%s\") { inventoryAdjustmentGroup { id } "
            + "userErrors { code field message } } }";
    public static final int MUTATION_COST = 10;

    /** The app's subscriptions on the shop; nexus' are told apart by their uri. */
    public static final String WEBHOOK_SUBSCRIPTIONS = "query WebhookSubscriptions($first: Int!, $after: String) { "
            + "webhookSubscriptions(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { id topic "
            + "uri } } }";
    public static final int WEBHOOK_PAGE = 100;
    public static final int WEBHOOK_SUBSCRIPTIONS_COST = 2 + WEBHOOK_PAGE;

    public static final String WEBHOOK_CREATE = "mutation WebhookCreate($topic: WebhookSubscriptionTopic!, "
            + "$subscription: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, "
            + "webhookSubscription: $subscription) { webhookSubscription { id topic uri } userErrors { field message } "
            + "} }";

    public static final String WEBHOOK_DELETE = "mutation WebhookDelete($id: ID!) { webhookSubscriptionDelete(id: $id) "
            + "{ deletedWebhookSubscriptionId userErrors { field message } } }";

    private Queries() {
    }

    /** Orders per page so that a page with {@code lines} lines per order stays within {@code maxCost}. */
    public static int ordersPageSize(int lines, int maxCost) {
        return clamp((maxCost - 2) / ordersItemCost(lines));
    }

    public static int ordersItemCost(int lines) {
        return ORDER_COST + 2 + lines * LINE_COST;
    }

    public static int ordersCost(int first, int lines) {
        return 2 + first * ordersItemCost(lines);
    }

    public static int orderLinesPageSize(int maxCost) {
        return clamp((maxCost - 3) / LINE_COST);
    }

    public static int orderLinesCost(int first) {
        return 1 + 2 + first * LINE_COST;
    }

    public static int productsPageSize(int variants, int maxCost) {
        return clamp((maxCost - 2) / productsItemCost(variants));
    }

    public static int productsItemCost(int variants) {
        return PRODUCT_COST + 2 + variants * VARIANT_COST;
    }

    public static int productsCost(int first, int variants) {
        return 2 + first * productsItemCost(variants);
    }

    public static int productVariantsPageSize(int maxCost) {
        return clamp((maxCost - 3) / VARIANT_COST);
    }

    public static int productVariantsCost(int first) {
        return 1 + 2 + first * VARIANT_COST;
    }

    public static int variantsBySkuCost(int first) {
        return 2 + first * VARIANT_COST;
    }

    /** The bulk export of every product with its variants and the location's quantities (no variables allowed). */
    public static String bulkProducts(String location, String search) {
        String inner = VARIANT_FIELDS.replace("$location", "\"" + location + "\"");
        String filter = search == null ? "" : "(query: \"" + search.replace("\"", "\\\"") + "\")";
        return "{ products" + filter + " { edges { node { " + PRODUCT_FIELDS + " variants { edges { node { " + inner
                + " } } } } } } }";
    }

    private static int clamp(int size) {
        return Math.max(1, Math.min(MAX_PAGE, size));
    }
}
