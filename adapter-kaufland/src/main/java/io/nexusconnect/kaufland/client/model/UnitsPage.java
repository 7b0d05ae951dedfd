package io.nexusconnect.kaufland.client.model;

import java.util.List;

/** {@code GET /units}: {@code data} and {@code pagination}. */
public record UnitsPage(List<Unit> data, Pagination pagination) {
}
