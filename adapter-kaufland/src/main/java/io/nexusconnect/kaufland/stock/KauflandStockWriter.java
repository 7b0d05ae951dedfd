package io.nexusconnect.kaufland.stock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.KauflandApiClient;
import io.nexusconnect.kaufland.client.model.BulkUpdateResponse;
import io.nexusconnect.kaufland.client.model.Pagination;
import io.nexusconnect.kaufland.client.model.Unit;
import io.nexusconnect.kaufland.client.model.UnitsPage;
import io.nexusconnect.kaufland.config.KauflandConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sets {@code amount} of every unit of a SKU ({@code id_offer}) on every storefront of the connection — Kaufland
 * keeps stock per unit, one unit per storefront. A small command (at most {@code single-patch-max} SKUs) looks each
 * SKU up ({@code GET /units?id_offer=}) and PATCHes its units; a larger one reads the storefront's unit list once and
 * sends {@code POST /units/bulk} with at most 150 units. Per-unit refusals (4xx of a PATCH, a non-200 item of the
 * bulk answer, a SKU without unit) become rejected items; throttling, outages and credential problems are thrown for
 * the whole command, to be retried or reported by the kit.
 */
@ApplicationScoped
public class KauflandStockWriter implements StockWriter {
    private final KauflandApiClient api;
    private final KauflandConfig config;

    KauflandStockWriter(KauflandApiClient api, KauflandConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.KAUFLAND;
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        KauflandAccount account = KauflandAccount.of(connection, credentials, config);
        Map<String, Integer> quantities = StockWriter.lastQuantityPerSku(items);
        Map<String, String> rejected = new LinkedHashMap<>();
        Map<String, Boolean> found = new LinkedHashMap<>();
        quantities.keySet().forEach(sku -> found.put(sku, false));
        for (String storefront : account.storefronts()) {
            Map<String, List<Long>> unitsBySku = quantities.size() <= config.singlePatchMax()
                    ? lookUp(account, storefront, quantities.keySet().stream().toList())
                    : allUnits(account, storefront);
            unitsBySku.keySet().stream().filter(found::containsKey).forEach(sku -> found.put(sku, true));
            if (quantities.size() <= config.singlePatchMax()) {
                patch(account, storefront, unitsBySku, quantities, rejected);
            } else {
                bulk(account, storefront, unitsBySku, quantities, rejected);
            }
        }
        found.forEach((sku, any) -> {
            if (!any) {
                rejected.putIfAbsent(sku, "no unit with id_offer " + sku + " on storefronts "
                        + String.join(", ", account.storefronts()));
            }
        });
        return rejected.entrySet().stream().map(e -> new Rejection(e.getKey(), e.getValue())).toList();
    }

    private Map<String, List<Long>> lookUp(KauflandAccount account, String storefront, List<String> skus) {
        Map<String, List<Long>> result = new LinkedHashMap<>();
        for (String sku : skus) {
            MarketplaceResponse response = api.getUnits(account, q -> q.query("storefront", storefront)
                    .query("id_offer", sku).query("limit", "100"));
            collect(response, result);
        }
        return result;
    }

    private Map<String, List<Long>> allUnits(KauflandAccount account, String storefront) {
        Map<String, List<Long>> result = new LinkedHashMap<>();
        int pageSize = Math.max(1, Math.min(100, config.pageSize()));
        Paging.offsets(pageSize).forEach(request -> {
            MarketplaceResponse response = api.getUnits(account, q -> q.query("storefront", storefront)
                    .query("limit", Integer.toString(request.limit()))
                    .query("offset", Long.toString(request.offset())));
            UnitsPage page = collect(response, result);
            return Pagination.page(page.data(), page.pagination());
        }, page -> { });
        return result;
    }

    private static UnitsPage collect(MarketplaceResponse response, Map<String, List<Long>> result) {
        UnitsPage page = response.json(UnitsPage.class);
        if (page.data() == null) {
            throw response.malformed("a page of units without data", null);
        }
        for (Unit unit : page.data()) {
            if (unit.idOffer() != null && unit.idUnit() != null) {
                result.computeIfAbsent(unit.idOffer(), k -> new ArrayList<>()).add(unit.idUnit());
            }
        }
        return page;
    }

    private void patch(KauflandAccount account, String storefront, Map<String, List<Long>> unitsBySku,
                       Map<String, Integer> quantities, Map<String, String> rejected) {
        unitsBySku.forEach((sku, units) -> {
            for (long idUnit : units) {
                String body = Json.mapper().createObjectNode().put("amount", quantities.get(sku)).toString();
                try {
                    api.patchUnit(account, idUnit, storefront, body);
                } catch (MarketplaceException e) {
                    if (e.code() != ErrorCode.INTERNAL || e.httpStatus() == null || e.httpStatus() >= 500) {
                        throw e;
                    }
                    rejected.putIfAbsent(sku, storefront + " unit " + idUnit + ": " + e.getMessage());
                }
            }
        });
    }

    private void bulk(KauflandAccount account, String storefront, Map<String, List<Long>> unitsBySku,
                      Map<String, Integer> quantities, Map<String, String> rejected) {
        Map<Long, String> skuByUnit = new LinkedHashMap<>();
        unitsBySku.forEach((sku, units) -> {
            if (quantities.containsKey(sku)) {
                units.forEach(u -> skuByUnit.put(u, sku));
            }
        });
        List<Long> units = new ArrayList<>(skuByUnit.keySet());
        int batchSize = Math.max(1, Math.min(150, config.stockBatchSize()));
        for (int from = 0; from < units.size(); from += batchSize) {
            List<Long> batch = units.subList(from, Math.min(units.size(), from + batchSize));
            ArrayNode body = Json.mapper().createArrayNode();
            for (long idUnit : batch) {
                ObjectNode item = body.addObject().put("id_unit", idUnit);
                item.putObject("unit_data").put("amount", quantities.get(skuByUnit.get(idUnit)));
            }
            MarketplaceResponse response = api.bulkUpdateUnits(account, storefront, body.toString());
            BulkUpdateResponse answer = response.json(BulkUpdateResponse.class);
            if (answer.data() == null) {
                throw response.malformed("a bulk answer without data", null);
            }
            Map<Long, BulkUpdateResponse.Item> byUnit = answer.data().stream().filter(i -> i.idUnit() != null)
                    .collect(Collectors.toMap(BulkUpdateResponse.Item::idUnit, i -> i, (a, b) -> a));
            for (long idUnit : batch) {
                BulkUpdateResponse.Item item = byUnit.get(idUnit);
                String sku = skuByUnit.get(idUnit);
                if (item == null) {
                    rejected.putIfAbsent(sku, storefront + " unit " + idUnit + ": Kaufland gave no answer");
                } else if (item.statusCode() == null || item.statusCode().intValue() != 200) {
                    rejected.putIfAbsent(sku, storefront + " unit " + idUnit + ": status " + (item.statusCode() == null
                            ? "none" : item.statusCode().intValue()) + " " + describe(item));
                }
            }
        }
    }

    private static String describe(BulkUpdateResponse.Item item) {
        String errors = item.errors() == null ? "" : item.errors().stream()
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return (item.message() == null ? "" : item.message()) + (errors.isEmpty() ? "" : " (" + errors + ")");
    }
}
