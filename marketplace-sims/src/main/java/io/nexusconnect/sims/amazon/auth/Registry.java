package io.nexusconnect.sims.amazon.auth;

import io.nexusconnect.sims.amazon.LwaApp;
import io.nexusconnect.sims.amazon.SellerAccount;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The applications and the seller authorizations (refresh tokens) the simulator knows. */
public final class Registry {
    private final Map<String, LwaApp> apps;
    private final Map<String, SellerAccount> sellersById;
    private final List<SellerAccount> sellers;

    public Registry(List<LwaApp> apps, List<SellerAccount> sellers) {
        this.apps = apps.stream().collect(Collectors.toMap(LwaApp::clientId, Function.identity()));
        this.sellersById = sellers.stream().collect(Collectors.toMap(SellerAccount::sellingPartnerId, Function.identity()));
        this.sellers = List.copyOf(sellers);
    }

    /** The app, if the secret matches (compared in constant time). */
    public Optional<LwaApp> authenticate(String clientId, String clientSecret) {
        LwaApp app = apps.get(clientId);
        if (app == null || clientSecret == null) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(app.clientSecret().getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(app) : Optional.empty();
    }

    /** The seller whose authorization of {@code clientId} produced {@code refreshToken}. */
    public Optional<SellerAccount> authorization(String clientId, String refreshToken) {
        return sellers.stream()
                .filter(s -> s.lwaClientId().equals(clientId) && s.refreshToken().equals(refreshToken))
                .findFirst();
    }

    public Optional<SellerAccount> seller(String sellingPartnerId) {
        return Optional.ofNullable(sellersById.get(sellingPartnerId));
    }

    public List<SellerAccount> sellers() {
        return sellers;
    }
}
