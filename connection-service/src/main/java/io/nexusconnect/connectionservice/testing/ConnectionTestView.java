package io.nexusconnect.connectionservice.testing;

import io.nexusconnect.connectionservice.connection.ConnectionView;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What Test Connection shows: the verdict line(s) of the product page, or the classified error with its resolution. */
@Schema(name = "ConnectionTestResult")
public record ConnectionTestView(
        boolean valid,
        @Schema(example = "Connection valid — marketplace: Amazon US\nSeller name: Your Store Name") String message,
        String marketplace,
        @Schema(example = "Amazon US") String marketplaceName,
        @Schema(example = "Your Store Name") String sellerName,
        @Schema(description = "the classified failure, when not valid") ConnectionView.StatusErrorView error,
        Instant testedAt) {

    public static ConnectionTestView of(ConnectionTestResult result) {
        // an adapter that leaves out the marketplace still gets its verdict shown
        String marketplace = result.marketplace() == null ? null : result.marketplace().id();
        if (result.valid()) {
            String message = "Connection valid — marketplace: " + result.marketplaceName()
                    + (result.sellerName() == null ? "" : "\nSeller name: " + result.sellerName());
            return new ConnectionTestView(true, message, marketplace, result.marketplaceName(),
                    result.sellerName(), null, result.testedAt());
        }
        ErrorCode code = result.errorCode() == null ? ErrorCode.INTERNAL : result.errorCode();
        String message = code.title() + (result.message() == null ? "" : ": " + result.message());
        return new ConnectionTestView(false, message, marketplace, null, null,
                new ConnectionView.StatusErrorView(code.json(), code.title(), result.message(), code.resolution(),
                        code.cause()),
                result.testedAt());
    }
}
