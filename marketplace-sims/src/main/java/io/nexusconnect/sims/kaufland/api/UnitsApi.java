package io.nexusconnect.sims.kaufland.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.kaufland.KauflandStore;
import io.nexusconnect.sims.kaufland.http.KauflandCall;
import io.nexusconnect.sims.kaufland.http.KauflandErrors;
import io.nexusconnect.sims.kaufland.model.Unit;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Units (offers): {@code GET /v2/units}, {@code PATCH /v2/units/{id_unit}} and {@code POST /v2/units/bulk} (at most
 * 150 units, no duplicates, else the whole request is refused; per-unit results with 207). Only {@code amount} is
 * simulated among the writable fields; other known fields are accepted and ignored, unknown ones refused
 * ({@code additionalProperties: false} in the spec).
 */
public final class UnitsApi {
    public static final int BULK_MAX_UNITS = 150;
    private static final Set<String> WRITABLE = Set.of("status", "amount", "handling_time", "listing_price",
            "minimum_price", "note", "id_shipping_group", "id_warehouse", "vat_indicator", "eco_participation",
            "battery_participation");

    private final KauflandStore store;
    private final Set<String> storefronts;

    public UnitsApi(KauflandStore store, Set<String> storefronts) {
        this.store = store;
        this.storefronts = storefronts;
    }

    public SimResponse ping(KauflandCall call) {
        ObjectNode body = Json.object();
        body.putObject("data").put("message", "Never tell me the odds");
        return SimResponse.json(200, body);
    }

    public SimResponse list(KauflandCall call) {
        Optional<SimResponse> refused = storefrontRefusal(call);
        if (refused.isPresent()) {
            return refused.get();
        }
        OrderUnitsApi.Paging paging;
        try {
            paging = OrderUnitsApi.Paging.of(call, 30);
        } catch (IllegalArgumentException e) {
            return KauflandErrors.badRequest(e.getMessage(), "out of range");
        }
        String storefront = call.query("storefront");
        String idOffer = call.query("id_offer");
        List<Unit> matching = store.units().stream().filter(u -> u.storefront().equals(storefront))
                .filter(u -> idOffer == null || idOffer.equals(u.idOffer())).toList();
        return SimResponse.json(200, KauflandJson.page(KauflandJson.array(paging.slice(matching).stream()
                .map(KauflandJson::unit).toList()), paging.offset(), paging.limit(), matching.size()));
    }

    public SimResponse patch(KauflandCall call) {
        Optional<SimResponse> refused = storefrontRefusal(call);
        if (refused.isPresent()) {
            return refused.get();
        }
        long idUnit;
        try {
            idUnit = Long.parseLong(call.path("id_unit"));
        } catch (NumberFormatException e) {
            return KauflandErrors.badRequest("id_unit", "must be a positive integer");
        }
        Optional<Unit> unit = store.unit(idUnit).filter(u -> u.storefront().equals(call.query("storefront")));
        if (unit.isEmpty()) {
            return KauflandErrors.notFound("Unit");
        }
        Optional<String> invalid = invalidPatch(call.bodyJson());
        if (invalid.isPresent()) {
            return KauflandErrors.badRequest(invalid.get(), "missing or has a wrong value");
        }
        if (call.rejectSubmission()) {
            return KauflandErrors.badRequest("amount", "rejected by the marketplace");
        }
        JsonNode amount = call.bodyJson().get("amount");
        Unit result = amount == null ? unit.get() : store.setAmount(idUnit, amount.intValue(), call.now());
        ObjectNode body = Json.object();
        body.set("data", KauflandJson.unit(result));
        return SimResponse.json(200, body);
    }

    public SimResponse bulk(KauflandCall call) {
        Optional<SimResponse> refused = storefrontRefusal(call);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode body = call.bodyJson();
        if (body == null || !body.isArray()) {
            return KauflandErrors.badRequest("body", "must be an array of {id_unit, unit_data}");
        }
        if (body.size() > BULK_MAX_UNITS) {
            return KauflandErrors.badRequest("body", "at most " + BULK_MAX_UNITS + " units per request");
        }
        Set<Long> seen = new HashSet<>();
        for (JsonNode item : body) {
            if (!item.path("id_unit").canConvertToLong() || !seen.add(item.path("id_unit").longValue())) {
                return KauflandErrors.badRequest("id_unit", "missing or duplicate unit in the request");
            }
        }
        ArrayNode results = Json.array();
        for (JsonNode item : body) {
            long idUnit = item.get("id_unit").longValue();
            Optional<Unit> unit = store.unit(idUnit).filter(u -> u.storefront().equals(call.query("storefront")));
            Optional<String> invalid = invalidPatch(item.get("unit_data"));
            if (unit.isEmpty()) {
                results.addObject().put("id_unit", idUnit).put("status_code", 404).put("key", "not_found")
                        .put("message", "Unit not found");
            } else if (invalid.isPresent() || call.rejectSubmission()) {
                ObjectNode error = results.addObject().put("id_unit", idUnit).put("status_code", 400)
                        .put("message", "Parameters are missing or have wrong value.");
                error.putArray("errors").addObject().put("field", invalid.orElse("amount"))
                        .put("message", "invalid value");
            } else {
                JsonNode amount = item.get("unit_data").get("amount");
                Unit result = amount == null ? unit.get() : store.setAmount(idUnit, amount.intValue(), call.now());
                ObjectNode ok = results.addObject().put("id_unit", idUnit).put("status_code", 200);
                ok.set("unit", KauflandJson.unit(result));
            }
        }
        ObjectNode answer = Json.object();
        answer.set("data", results);
        return SimResponse.json(207, answer);
    }

    /** The first field of a patch that is unknown or out of range, if any. */
    private static Optional<String> invalidPatch(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return Optional.of("body");
        }
        Iterator<String> names = patch.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!WRITABLE.contains(name)) {
                return Optional.of(name);
            }
        }
        JsonNode amount = patch.get("amount");
        if (amount != null && (!amount.canConvertToInt() || !amount.isIntegralNumber() || amount.intValue() < 0)) {
            return Optional.of("amount");
        }
        JsonNode listingPrice = patch.get("listing_price");
        if (listingPrice != null && (!listingPrice.isIntegralNumber() || listingPrice.longValue() < 1)) {
            return Optional.of("listing_price");
        }
        return Optional.empty();
    }

    private Optional<SimResponse> storefrontRefusal(KauflandCall call) {
        String storefront = call.query("storefront");
        if (storefront == null || storefront.isBlank()) {
            return Optional.of(KauflandErrors.badRequest("storefront", "is required"));
        }
        if (!storefronts.contains(storefront)) {
            return Optional.of(KauflandErrors.storefrontNotConfigured(storefront));
        }
        return Optional.empty();
    }
}
