package io.nexusconnect.bol.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolApiClient;
import io.nexusconnect.bol.config.BolConfig;
import io.nexusconnect.contracts.sync.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits for bol's asynchronous writes. Every round asks for the open processes with the bulk form
 * ({@code POST /shared/process-status}, up to 1,000 ids a call, shared.json {@code get-process-status-bulk}), so
 * 10,000 stock updates cost 10 calls a round, not 10,000; one pause of
 * {@code nexus.bol.process-status.poll-interval} between rounds keeps polling within bol's limit. Ends when every
 * process is SUCCESS, FAILURE or TIMEOUT, or {@code give-up-after} has passed (the rest stay PENDING).
 */
@ApplicationScoped
public class ProcessStatusPoller {
    static final int BULK_MAX = 1000;

    private final BolApiClient api;
    private final BolConfig.ProcessStatus config;
    private final Clock clock;
    private final Sleeper sleeper;

    ProcessStatusPoller(BolApiClient api, BolConfig config, Clock clock, Sleeper sleeper) {
        this.api = api;
        this.config = config.processStatus();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The final status of each process (by id); the ones still pending at the deadline as PENDING. */
    public Map<String, ProcessStatus> await(BolAccount account, Collection<ProcessStatus> started) {
        Map<String, ProcessStatus> latest = new LinkedHashMap<>();
        started.forEach(s -> latest.put(s.id(), s));
        Instant deadline = clock.instant().plus(config.giveUpAfter());
        while (true) {
            List<String> open = latest.values().stream().filter(s -> !s.done()).map(ProcessStatus::id).toList();
            if (open.isEmpty()) {
                return latest;
            }
            if (!clock.instant().isBefore(deadline)) {
                return latest;
            }
            pause();
            for (int from = 0; from < open.size(); from += BULK_MAX) {
                MarketplaceResponse response = api.getProcessStatuses(account,
                        open.subList(from, Math.min(open.size(), from + BULK_MAX)));
                JsonNode statuses = response.json().path("processStatuses");
                if (!statuses.isArray()) {
                    throw response.malformed("a bulk process status answer without processStatuses", null);
                }
                for (JsonNode node : statuses) {
                    try {
                        ProcessStatus status = ProcessStatus.of(node);
                        latest.computeIfPresent(status.id(), (id, old) -> status);
                    } catch (IllegalArgumentException e) {
                        throw response.malformed("a process status that cannot be read", e);
                    }
                }
            }
        }
    }

    private void pause() {
        try {
            sleeper.sleep(config.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting for a bol process status");
        }
    }
}
