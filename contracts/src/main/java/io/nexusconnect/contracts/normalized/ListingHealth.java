package io.nexusconnect.contracts.normalized;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;

/**
 * Whether a listing can be bought, in one verdict every adapter maps into, with the marketplace's own issues as it
 * reported them (so a seller sees why, in the marketplace's words).
 *
 * @param verdict the normalized state of the listing
 * @param issues  the marketplace's issues for the listing, possibly empty; never null once read
 */
public record ListingHealth(Verdict verdict, List<Issue> issues) {

    public ListingHealth {
        if (verdict == null) {
            throw new IllegalArgumentException("a listing health needs a verdict");
        }
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /** True unless the listing is live and buyable. */
    public boolean unhealthy() {
        return verdict != Verdict.ACTIVE;
    }

    /** The normalized state of a listing, from best to worst for a buyer. */
    public enum Verdict {
        /** Live and buyable. */
        ACTIVE,
        /** Known to the marketplace but not offered (closed by the seller, out of stock, not yet live). */
        INACTIVE,
        /** Taken off the storefront by the marketplace because of an issue the seller must fix. */
        SUPPRESSED,
        /** Missing data the marketplace requires before it can be offered (attributes, offer, images). */
        INCOMPLETE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Verdict of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** How bad a marketplace issue is, in the three levels the marketplaces share. */
    public enum Severity {
        ERROR, WARNING, INFO;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Severity of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One issue as the marketplace reported it.
     *
     * @param code     the marketplace's issue code (Amazon: e.g. "90220"; kept as text, codes are not numbers everywhere)
     * @param severity error, warning or info
     * @param message  the marketplace's human-readable text
     */
    public record Issue(String code, Severity severity, String message) {
    }
}
