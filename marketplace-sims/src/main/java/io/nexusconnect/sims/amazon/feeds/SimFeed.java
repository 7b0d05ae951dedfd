package io.nexusconnect.sims.amazon.feeds;

import java.time.Instant;
import java.util.List;

/**
 * A feed as getFeed shows it. The status follows the simulator clock: IN_QUEUE for the first quarter of the
 * processing delay, IN_PROGRESS until {@code doneAt}, then DONE or FATAL once processed.
 */
record SimFeed(String feedId, String sellingPartnerId, String feedType, List<String> marketplaceIds,
               String inputFeedDocumentId, Instant createdTime, Instant startAt, Instant doneAt, String outcome,
               String resultFeedDocumentId) {

    static final String IN_QUEUE = "IN_QUEUE";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    static final String FATAL = "FATAL";

    SimFeed {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    String status(Instant now) {
        if (outcome != null) {
            return outcome;
        }
        return now.isBefore(startAt) ? IN_QUEUE : IN_PROGRESS;
    }

    boolean due(Instant now) {
        return outcome == null && !now.isBefore(doneAt);
    }

    SimFeed processed(String result, String resultDocumentId) {
        return new SimFeed(feedId, sellingPartnerId, feedType, marketplaceIds, inputFeedDocumentId, createdTime, startAt,
                doneAt, result, resultDocumentId);
    }
}
