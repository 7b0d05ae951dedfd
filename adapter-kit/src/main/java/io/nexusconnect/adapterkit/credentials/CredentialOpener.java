package io.nexusconnect.adapterkit.credentials;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.sync.ErrorCode;

/**
 * Opens the sealed credentials a connection snapshot carries, with the key ring shared with connection-service
 * ({@code nexus.credentials.keys} = {@code id:base64key,...}, {@code nexus.credentials.primary-key}).
 */
public final class CredentialOpener {
    private final CredentialSealer sealer;

    public CredentialOpener(KeyRing keyRing) {
        this.sealer = new CredentialSealer(keyRing);
    }

    public static CredentialOpener fromConfig(String keys, String primaryKeyId) {
        return new CredentialOpener(KeyRing.parse(keys, primaryKeyId));
    }

    /**
     * The clear-text fields. Credentials that cannot be opened (a key missing from our ring, tampering) are an
     * operator's problem, not the seller's: INTERNAL, with a message that names the connection and key id only.
     */
    public ConnectionCredentials open(ConnectionSnapshot connection) {
        try {
            return new ConnectionCredentials(connection.connectionId(),
                    sealer.open(connection.connectionId().toString(), connection.credentials()));
        } catch (CredentialSealer.SealingException e) {
            throw new MarketplaceException(ErrorCode.INTERNAL, e.getMessage(), null, null, null, null, e);
        }
    }

    @Override
    public String toString() {
        return "CredentialOpener[" + sealer.keyRing() + "]";
    }
}
