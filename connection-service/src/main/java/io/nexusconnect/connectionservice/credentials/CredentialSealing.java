package io.nexusconnect.connectionservice.credentials;

import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sealer of this service, over the key ring of {@code nexus.credentials.keys} (a Kubernetes Secret in production). */
@ApplicationScoped
public class CredentialSealing {

    @Produces
    @Singleton
    CredentialSealer sealer(@ConfigProperty(name = "nexus.credentials.keys") String keys,
                            @ConfigProperty(name = "nexus.credentials.primary-key") String primaryKeyId) {
        return new CredentialSealer(KeyRing.parse(keys, primaryKeyId));
    }
}
