package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.connectionservice.problem.ConflictProblem;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.AmazonMarketplaces;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Multi-account rules: a tenant may connect several accounts of one marketplace (and one Amazon seller account with
 * several marketplaces), but never the same account (Amazon: the same seller in the same marketplace) twice.
 */
@ApplicationScoped
public class Accounts {

    /** The account identity stored in {@code account_key}; null when the form names no account. */
    public static String key(Marketplace marketplace, String accountId, Map<String, String> properties) {
        if (accountId == null) {
            return null;
        }
        String account = accountId.toLowerCase(Locale.ROOT);
        return marketplace == Marketplace.AMAZON ? account + "|" + String.join(",", amazonMarketplaceIds(properties)) : account;
    }

    /** The marketplace's own currency for the account, shown when the connection has no override (null: unknown). */
    public static String defaultCurrency(Marketplace marketplace, Map<String, String> properties) {
        return switch (marketplace) {
            // several marketplaces: the first one listed is the account's home marketplace
            case AMAZON -> Arrays.stream(properties.getOrDefault("marketplaceIds", "").split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).findFirst()
                    .flatMap(AmazonMarketplaces::find).map(AmazonMarketplaces.AmazonMarketplace::currency).orElse(null);
            case BOL, ZALANDO -> "EUR";
            case WALMART -> "USD";
            case KAUFLAND -> switch (properties.getOrDefault("storefront", "de")) {
                case "cz" -> "CZK";
                case "pl" -> "PLN";
                default -> "EUR";
            };
            // eBay and Shopify sell in the currency of the site / shop, which only the marketplace knows
            default -> null;
        };
    }

    /** Fails with a 409 problem when another live connection of the tenant is the same account. */
    public Uni<Void> ensureUnique(Mutiny.Session session, String tenantId, Marketplace marketplace, String accountId,
                                  Map<String, String> properties, UUID self) {
        if (accountId == null) {
            return Uni.createFrom().voidItem();
        }
        return session.createSelectionQuery("""
                        from ConnectionEntity where tenantId = :tenant and marketplace = :marketplace
                            and lower(accountId) = :account and removedAt is null and id <> :self""", ConnectionEntity.class)
                .setParameter("tenant", tenantId)
                .setParameter("marketplace", marketplace.id())
                .setParameter("account", accountId.toLowerCase(Locale.ROOT))
                .setParameter("self", self)
                .getResultList()
                .map(others -> {
                    for (ConnectionEntity other : others) {
                        if (marketplace != Marketplace.AMAZON) {
                            throw new ConflictProblem("a " + marketplace.displayName() + " connection for account "
                                    + accountId + " already exists: " + other.id);
                        }
                        Set<String> shared = amazonMarketplaceIds(properties);
                        shared.retainAll(amazonMarketplaceIds(other.properties));
                        if (!shared.isEmpty()) {
                            throw new ConflictProblem("seller " + accountId + " is already connected for marketplace(s) "
                                    + String.join(", ", shared) + ": " + other.id);
                        }
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private static Set<String> amazonMarketplaceIds(Map<String, String> properties) {
        String ids = properties == null ? null : properties.get("marketplaceIds");
        if (ids == null) {
            return new TreeSet<>();
        }
        return Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
