package io.nexusconnect.faults;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a scenario sent, what arrived, what was lost and what was duplicated, by identity (an order id, a webhook id, a
 * change's event id): one line in the build log per scenario, the figures the README quotes.
 *
 * @param sent       the identities that had to arrive
 * @param arrived    how many of them arrived at least once
 * @param lost       how many of them never arrived
 * @param duplicated how many records arrived beyond the first per identity
 * @param unexpected how many distinct identities arrived that were never sent
 */
record Tally(String scenario, long sent, long arrived, long lost, long duplicated, long unexpected) {

    /** @param received one identity per record that arrived, repeats included */
    static Tally of(String scenario, Collection<String> expected, Collection<String> received) {
        Set<String> wanted = new HashSet<>(expected);
        Set<String> distinct = new HashSet<>(received);
        long arrived = wanted.stream().filter(distinct::contains).count();
        long unexpected = distinct.stream().filter(id -> !wanted.contains(id)).count();
        return new Tally(scenario, wanted.size(), arrived, wanted.size() - arrived, received.size() - distinct.size(),
                unexpected);
    }

    Tally print(String detail) {
        System.out.printf("FAULT %-22s sent %6d / arrived %6d / lost %d / duplicated %d / unexpected %d  %s%n",
                scenario, sent, arrived, lost, duplicated, unexpected, detail);
        return this;
    }
}
