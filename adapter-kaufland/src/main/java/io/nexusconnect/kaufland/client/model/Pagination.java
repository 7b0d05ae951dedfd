package io.nexusconnect.kaufland.client.model;

/** The spec's {@code Pagination}. */
public record Pagination(Integer offset, Integer limit, Integer total) {
}
