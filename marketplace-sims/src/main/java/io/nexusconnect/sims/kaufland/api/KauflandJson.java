package io.nexusconnect.sims.kaufland.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.kaufland.model.OrderUnit;
import io.nexusconnect.sims.kaufland.model.Unit;

import java.util.List;

/** The spec's shapes: {@code OrderUnit}, {@code Unit} and the {@code data}/{@code pagination} envelope. */
final class KauflandJson {
    private KauflandJson() {
    }

    static ObjectNode page(ArrayNode data, int offset, int limit, int total) {
        ObjectNode page = Json.object();
        page.set("data", data);
        page.putObject("pagination").put("offset", offset).put("limit", limit).put("total", total);
        return page;
    }

    static ObjectNode orderUnit(OrderUnit u) {
        ObjectNode node = Json.object()
                .put("id_order_unit", u.idOrderUnit())
                .put("id_order", u.idOrder())
                .put("ts_created_iso", Json.time(u.tsCreated()))
                .put("ts_updated_iso", Json.time(u.tsUpdated()))
                .put("status", u.status())
                .put("price", u.price())
                .put("id_offer", u.idOffer())
                .put("revenue_gross", u.price() + u.shippingRate())
                .put("revenue_net", Math.round((u.price() + u.shippingRate()) / 1.19))
                .put("shipping_rate", u.shippingRate())
                .put("storefront", u.storefront().toUpperCase())
                .put("currency", u.currency())
                .put("fulfillment_type", "fulfilled_by_merchant")
                .put("unit_condition", "new")
                .put("is_marketplace_deemed_supplier", false);
        node.putNull("cancel_reason");
        node.putObject("buyer").put("email", u.buyerEmail()).put("id_buyer", Math.abs(u.buyerEmail().hashCode()));
        ObjectNode address = node.putObject("shipping_address").put("first_name", "Demo").put("last_name", "Buyer")
                .put("street", "Hauptstr.").put("house_number", "1").put("postcode", "10115")
                .put("city", "Berlin").put("country", u.shippingCountry());
        node.set("billing_address", address.deepCopy());
        ObjectNode product = node.putObject("product").put("id_product", 20_000_000L).put("title", u.title());
        product.putArray("eans").add(u.ean());
        return node;
    }

    static ObjectNode unit(Unit u) {
        return Json.object()
                .put("id_unit", u.idUnit())
                .put("id_offer", u.idOffer())
                .put("id_product", u.idProduct())
                .put("amount", u.amount())
                .put("listing_price", u.listingPrice())
                .put("minimum_price", u.minimumPrice())
                .put("price", u.listingPrice())
                .put("currency", u.currency())
                .put("condition", "NEW")
                .put("status", u.status())
                .put("storefront", u.storefront().toUpperCase())
                .put("fulfillment_type", "fulfilled_by_merchant")
                .put("date_lastchange_iso", Json.time(u.lastChange()));
    }

    static ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode array = Json.array();
        nodes.forEach(array::add);
        return array;
    }
}
