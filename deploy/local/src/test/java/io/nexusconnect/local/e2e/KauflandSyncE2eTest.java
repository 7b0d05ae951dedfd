package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.kaufland.KauflandSimConfig;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.kaufland.model.OrderUnit;
import io.nexusconnect.sims.kaufland.model.Unit;
import io.nexusconnect.testinfra.SharedInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Kaufland connection through every real part: REST → outbox → Debezium → orchestrator → adapter-kaufland (a
 * process of its own, beside the shared stack's services) → topics, against the Kaufland simulator in this JVM at the
 * documented request rate, the adapter's backoff {@value #SPEED_FACTOR} times faster.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new Kaufland connection")
class KauflandSyncE2eTest {
    private static final int SEEDED_ORDERS = 1200;
    private static final double SPEED_FACTOR = 50;
    private static final String STOREFRONT = "de";
    private static KauflandSimulator simulator;
    private static ServiceProcess adapter;

    @AfterAll
    static void stop() throws Exception {
        FirstSync.closeAll(adapter, simulator);
    }

    /** The simulator (one storefront, 29-day lookback: every order inside the connection's 30 days) and its adapter. */
    private static void startKaufland(E2eStack stack) {
        KauflandSimConfig defaults = KauflandSimConfig.defaults();
        simulator = KauflandSimulator.start(new KauflandSimConfig(defaults.host(), 0, defaults.clock(), 11,
                SEEDED_ORDERS, 60, List.of(STOREFRONT), defaults.requestsPerSecond(), defaults.clockSkew(),
                Duration.ofDays(29)));
        adapter = FirstSync.startAdapter(NexusServices.adapterKaufland(NexusServices.repoRoot(),
                stack.logDir().getParent(), Ports.free(), SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(),
                SharedInfra.primaryKeyId(), simulator.baseUrl(), SPEED_FACTOR, Map.of(),
                ServiceProcess.DEFAULT_JVM_OPTIONS));
    }

    @Test
    @DisplayName("A connection created over REST is synced once: every seeded order lands exactly once on nexus.orders.v1 "
            + "over many pages with its storefront as the sales channel, a three-piece order is one line priced right, "
            + "the history shows one successful cycle, every event matches its contract, and no secret leaks")
    void newConnectionSyncsEveryOrderExactlyOnce(E2eStack stack) {
        // given: the simulator's seller, a new order of three pieces of one offer, and adapter-kaufland running
        startKaufland(stack);
        Unit offer = simulator.store().units().getFirst();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        for (int piece = 0; piece < 3; piece++) {
            simulator.store().put(new OrderUnit(900_000_000_000L + piece, "E2EMULTI", STOREFRONT, offer.currency(),
                    offer.idOffer(), offer.ean(), offer.title(), offer.listingPrice(), 0, "need_to_be_sent", now, now,
                    "multi@example.com", "DE"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientKey", KauflandSimulator.DEMO.clientKey());
        fields.put("secretKey", KauflandSimulator.DEMO.secretKey());
        fields.put("storefront", STOREFRONT);

        // when: a platform team adds the connection and the orchestrator asks adapter-kaufland for its first cycle
        FirstSync sync = FirstSync.ofNewConnection(stack, Marketplace.KAUFLAND, "E2E Kaufland", fields,
                List.of(KauflandSimulator.DEMO.secretKey()));

        // then: each order is on nexus.orders.v1 exactly once for that cycle, read over many order-units pages
        Set<String> seeded = simulator.store().orderUnits().stream().map(OrderUnit::idOrder)
                .collect(Collectors.toSet());
        assertThat(seeded).hasSize(SEEDED_ORDERS + 1);
        sync.assertEachOrderOnce(seeded);
        assertThat(simulator.requestLog().count("getOrderUnits", 200)).isGreaterThanOrEqualTo(SEEDED_ORDERS / 100);

        // then: every order is sold on the storefront, and the three pieces are one line of quantity 3 in euros
        assertThat(sync.orders).allSatisfy(r -> assertThat(TopicAudit.json(r.value()).path("salesChannel").asText())
                .as("sales channel of %s", r.key()).isEqualTo("kaufland." + STOREFRONT));
        BigDecimal unitPrice = BigDecimal.valueOf(offer.listingPrice(), 2);
        sync.assertFirstLine("E2EMULTI", 3, unitPrice, unitPrice.multiply(BigDecimal.valueOf(3)), offer.currency());
        JsonNode multi = sync.order("E2EMULTI");
        assertThat(multi.path("lines")).hasSize(1);

        // then: the products match the storefront's units, every event honours its contract, and no secret leaks
        assertThat(sync.cycle.path("counts").path("products").asLong())
                .isEqualTo(TopicAudit.recordsOf(Topics.PRODUCTS, sync.connectionId).size());
        Map<String, Integer> audited = sync.assertContractsAndNoSecrets(adapter);
        sync.report("Kaufland", audited, simulator.requestLog().countsByStatus());
    }
}
