package io.nexusconnect.bol.mapping;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * bol's offer export file read by its header row (columns in any order, unknown ones ignored): one {@link Row} per
 * offer. The SKU is {@code referenceCode}, else the EAN, as for order lines.
 */
public final class OfferExport {

    public record Row(String offerId, String ean, String sku, BigDecimal price, Integer stock,
                      String fulfilmentType, boolean onHold) {
    }

    private final List<Row> rows;
    private final Map<String, Row> bySku = new HashMap<>();

    private OfferExport(List<Row> rows) {
        this.rows = List.copyOf(rows);
        rows.forEach(r -> bySku.putIfAbsent(r.ean(), r));
        rows.forEach(r -> bySku.put(r.sku(), r));
    }

    /** @throws IllegalArgumentException when the header lacks offerId or a row has fewer cells than the header */
    public static OfferExport parse(String csv) {
        String[] lines = csv.replace("\r", "").split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException("an offer export without a header row");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines[0].split(",", -1);
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i].trim().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("offerid") || !columns.containsKey("ean")) {
            throw new IllegalArgumentException("an offer export without offerId and ean columns");
        }
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] cells = lines[n].split(",", -1);
            if (cells.length < header.length) {
                throw new IllegalArgumentException("line " + (n + 1) + " of the offer export has " + cells.length
                        + " cells, the header " + header.length);
            }
            String ean = cell(cells, columns, "ean");
            String reference = cell(cells, columns, "referencecode");
            String price = cell(cells, columns, "bundlepricesprice");
            String stock = cell(cells, columns, "stockamount");
            try {
                rows.add(new Row(cell(cells, columns, "offerid"), ean, reference.isBlank() ? ean : reference,
                        price.isBlank() ? null : new BigDecimal(price), stock.isBlank() ? null : Integer.valueOf(stock),
                        cell(cells, columns, "fulfilmenttype"), "true".equalsIgnoreCase(cell(cells, columns,
                        "onholdbyretailer"))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (n + 1) + " of the offer export has an unreadable number");
            }
        }
        return new OfferExport(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The offer of a SKU (reference code or EAN). */
    public Optional<Row> bySku(String sku) {
        return Optional.ofNullable(bySku.get(sku));
    }

    public static Product toProduct(Row row, UUID connectionId, String tenantId, UUID syncId, Instant observedAt) {
        return new Product(connectionId, tenantId, Marketplace.BOL, row.offerId(), row.sku(), row.ean(), null,
                null, List.of(row.onHold() ? "ON_HOLD" : "FOR_SALE", row.fulfilmentType()), "BOL_COM",
                row.price() == null ? null : Money.of(row.price(), OrderMapper.CURRENCY), null, null, syncId,
                observedAt);
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : cells[index].trim();
    }
}
