package io.nexusconnect.kaufland.client.model;

import io.nexusconnect.adapterkit.paging.Page;

import java.util.List;

/** The spec's {@code Pagination}. */
public record Pagination(Integer offset, Integer limit, Integer total) {

    /** A page for the kit's offset paging: with Kaufland's total when given, else ended by a short page. */
    public static <T> Page<T> page(List<T> data, Pagination pagination) {
        return pagination == null || pagination.total() == null ? Page.of(data)
                : Page.withTotal(data, pagination.total());
    }
}
