package io.nexusconnect.ebay.client.model;

import java.util.List;

/** getOrders' {@code OrderSearchPagedCollection}. */
public record OrdersPage(Long total, Integer limit, Integer offset, String next, List<EbayOrder> orders) {
}
