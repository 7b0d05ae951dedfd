package io.nexusconnect.amazon.client;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.net.URI;

/** Pre-signed document URLs (feeds and reports) as Amazon answers them: checked before anything is fetched. */
public final class PresignedUrls {
    private PresignedUrls() {
    }

    /**
     * A document URL must be https (Amazon's storage) or on the configured SP-API host itself (a simulator): the
     * answer chooses the URL, so anything else is refused rather than fetched.
     */
    public static URI check(AmazonAccount account, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MarketplaceException(ErrorCode.MALFORMED_RESPONSE, "a document URL that is not a URL");
        }
        boolean sameHost = account.host().getHost().equalsIgnoreCase(uri.getHost())
                && account.host().getPort() == uri.getPort();
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !sameHost) {
            throw new MarketplaceException(ErrorCode.MALFORMED_RESPONSE, "a document URL that is neither https "
                    + "nor on the SP-API host: " + uri.getScheme() + "://" + uri.getHost());
        }
        return uri;
    }
}
