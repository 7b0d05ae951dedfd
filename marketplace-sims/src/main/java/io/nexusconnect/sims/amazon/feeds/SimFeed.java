package io.nexusconnect.sims.amazon.feeds;

import io.nexusconnect.sims.amazon.http.Processing;

import java.time.Instant;
import java.util.List;

/**
 * A feed as getFeed shows it. The status follows the simulator clock: IN_QUEUE for the first quarter of the
 * processing delay, IN_PROGRESS until {@code doneAt}, then DONE or FATAL once processed.
 */
record SimFeed(String feedId, String sellingPartnerId, String feedType, List<String> marketplaceIds,
               String inputFeedDocumentId, Instant createdTime, Instant startAt, Instant doneAt, String outcome,
               String resultFeedDocumentId) {

    static final String DONE = "DONE";
    static final String FATAL = "FATAL";

    SimFeed {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    String status(Instant now) {
        return Processing.status(now, startAt, outcome);
    }

    boolean due(Instant now) {
        return Processing.due(now, doneAt, outcome);
    }

    SimFeed processed(String result, String resultDocumentId) {
        return new SimFeed(feedId, sellingPartnerId, feedType, marketplaceIds, inputFeedDocumentId, createdTime, startAt,
                doneAt, result, resultDocumentId);
    }
}
