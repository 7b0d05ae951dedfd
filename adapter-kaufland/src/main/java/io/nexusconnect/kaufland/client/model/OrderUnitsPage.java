package io.nexusconnect.kaufland.client.model;

import java.util.List;

/** {@code CollectionApiResponse_OrderUnit_}: {@code data} and {@code pagination{offset, limit, total}}. */
public record OrderUnitsPage(List<OrderUnit> data, Pagination pagination) {
}
