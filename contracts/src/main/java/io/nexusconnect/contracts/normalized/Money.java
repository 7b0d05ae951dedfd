package io.nexusconnect.contracts.normalized;

import java.math.BigDecimal;

/** An amount as a decimal string (never a float) and its ISO 4217 currency. */
public record Money(String amount, String currency) {
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.toPlainString(), currency);
    }

    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }
}
