package io.nexusconnect.shopify.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.normalized.Money;

import java.math.BigDecimal;

/** MoneyBag / MoneyV2 reading: amounts are decimal strings (Decimal scalar) and stay exact. */
final class ShopifyMoney {
    private ShopifyMoney() {
    }

    /** The shop-currency amount of a MoneyBag, or null when the bag is absent. */
    static Money shop(JsonNode bag, String currencyOverride) {
        JsonNode money = bag == null ? null : bag.path("shopMoney");
        if (money == null || money.isMissingNode() || money.isNull()) {
            return null;
        }
        return money(money.path("amount"), currencyOverride != null ? currencyOverride
                : money.path("currencyCode").asText(null));
    }

    static BigDecimal amount(JsonNode bag) {
        JsonNode amount = bag.path("shopMoney").path("amount");
        if (!amount.isTextual() && !amount.isNumber()) {
            throw new IllegalArgumentException("a money amount is missing");
        }
        return new BigDecimal(amount.asText());
    }

    static Money money(JsonNode amount, String currency) {
        if (!amount.isTextual() && !amount.isNumber()) {
            throw new IllegalArgumentException("a money amount is missing");
        }
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("a money amount without currency");
        }
        return Money.of(new BigDecimal(amount.asText()), currency);
    }
}
