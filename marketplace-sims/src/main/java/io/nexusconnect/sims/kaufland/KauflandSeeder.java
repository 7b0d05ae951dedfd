package io.nexusconnect.sims.kaufland;

import io.nexusconnect.sims.kaufland.model.OrderUnit;
import io.nexusconnect.sims.kaufland.model.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic data: units spread over the seller's storefronts, and orders of one to three offers with one to three
 * pieces each, every piece its own order unit (Kaufland's model: an order unit is quantity 1).
 */
final class KauflandSeeder {
    private static final String[] STATUSES = {"need_to_be_sent", "need_to_be_sent", "sent", "received", "open",
            "cancelled", "sent_and_autopaid"};
    private static final String ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Random random;

    KauflandSeeder(long seed) {
        this.random = new Random(seed);
    }

    static String currency(String storefront) {
        return switch (storefront) {
            case "cz" -> "CZK";
            case "pl" -> "PLN";
            default -> "EUR";
        };
    }

    List<Unit> units(int count, List<String> storefronts, Instant now) {
        List<Unit> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String storefront = storefronts.get(i % storefronts.size());
            String status = i % 17 == 5 ? "INCOMPLETE" : i % 23 == 7 ? "ONHOLD" : "AVAILABLE";
            long price = 500 + random.nextInt(20_000);
            units.add(new Unit(100_000_001L + i, String.format("KL-SKU-%05d", i + 1), 20_000_000L + i,
                    String.format("40%011d", 1_000_000L + i), "Demo product " + (i + 1), storefront,
                    currency(storefront), random.nextInt(50), price, Math.max(1, price - 200), status,
                    now.minus(Duration.ofDays(1 + random.nextInt(60)))));
        }
        return units;
    }

    List<OrderUnit> orderUnits(int orderCount, Duration lookback, Instant now, List<Unit> units) {
        List<OrderUnit> result = new ArrayList<>();
        long nextId = 314_567_896_000_000L;
        for (int o = 0; o < orderCount; o++) {
            String idOrder = idOrder();
            Instant created = now.minusSeconds(60 + (long) random.nextInt((int) Math.max(1, lookback.toSeconds())));
            Instant updated = created.plusSeconds(random.nextInt(3600));
            if (updated.isAfter(now)) {
                updated = now;
            }
            String status = STATUSES[random.nextInt(STATUSES.length)];
            Unit first = units.get(random.nextInt(units.size()));
            int offers = 1 + random.nextInt(3);
            for (int l = 0; l < offers; l++) {
                Unit unit = l == 0 ? first : sameStorefront(units, first.storefront());
                int pieces = 1 + random.nextInt(3);
                for (int p = 0; p < pieces; p++) {
                    result.add(new OrderUnit(nextId++, idOrder, unit.storefront(), unit.currency(), unit.idOffer(),
                            unit.ean(), unit.title(), unit.listingPrice(), l == 0 && p == 0 ? 390 : 0, status,
                            created, updated, "buyer" + o + "@example.com", unit.storefront().toUpperCase()));
                }
            }
        }
        return result;
    }

    private Unit sameStorefront(List<Unit> units, String storefront) {
        for (int tries = 0; tries < 20; tries++) {
            Unit candidate = units.get(random.nextInt(units.size()));
            if (candidate.storefront().equals(storefront)) {
                return candidate;
            }
        }
        return units.stream().filter(u -> u.storefront().equals(storefront)).findFirst().orElseThrow();
    }

    private String idOrder() {
        StringBuilder id = new StringBuilder(7);
        for (int i = 0; i < 7; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
