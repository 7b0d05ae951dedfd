package io.nexusconnect.shopify.webhook;

import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.webhook.WebhookRecordHandler;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.webhooks.OrderPayloads;
import io.nexusconnect.testinfra.SharedInfra;
import io.nexusconnect.testinfra.bench.BenchResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P3: a verified {@code orders/create} delivery on {@code nexus.webhooks.shopify.v1} → the normalized order on
 * {@code nexus.orders.v1}, through the kit's webhook consumer and {@link ShopifyWebhookHandler} on the real
 * (embedded) broker. Payloads are the simulator's REST orders; deliveries go out at a steady rate over 8 connections
 * (8 partitions' worth of keys). Per delivery: from the delivery's record timestamp (the gateway's publish) to the
 * order's record timestamp (the adapter's publish, acknowledged before the webhook's offset is committed), and to the
 * moment a consumer could read it, after a warm-up of {@value #WARM_UP} deliveries. Prints the figures and records
 * each run as a P3 row of {@code ./nexus bench}. Runs in the {@code bench} profile (600 deliveries at 10/s and 2,000
 * at 200/s; 100 and 400 with {@code NEXUS_BENCH_QUICK=1}), or as
 * {@code java … WebhookLatencyBenchmark [deliveries=2000] [rate=200]}.
 */
public final class WebhookLatencyBenchmark {
    private static final int CONNECTIONS = 8;
    /** deliveries sent and awaited before measuring, so the consumer group has its partitions and the JIT is warm */
    private static final int WARM_UP = 100;

    @Test
    void webhookToOrder() throws Exception {
        boolean quick = "1".equals(System.getenv("NEXUS_BENCH_QUICK"));
        run(quick ? 100 : 600, 10);
        run(quick ? 400 : 2000, 200);
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 2000, args.length > 1 ? Integer.parseInt(args[1]) : 200);
        System.exit(0);
    }

    static void run(int deliveries, int rate) throws Exception {
        String bootstrap = SharedInfra.kafkaBootstrapServers();
        List<ConnectionSnapshot> connections = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            connections.add(TestConnections.of(Marketplace.SHOPIFY).accountId(ShopifySimulator.DEMO.myshopifyDomain())
                    .property("shopDomain", ShopifySimulator.DEMO.myshopifyDomain())
                    .secret("adminApiAccessToken", ShopifySimulator.DEMO.accessToken()).build());
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        try (ShopifySimulator sim = ShopifySimulator.start(ShopifySimConfig.defaults().withData(deliveries + WARM_UP, 50, 11));
             EventPublisher adapterPublisher = EventPublisher.create(bootstrap, "/nexus/adapter-shopify", "p3-adapter");
             EventPublisher gateway = EventPublisher.create(bootstrap, "/nexus/webhook-gateway", "p3-gateway");
             OrderedPartitionConsumer adapter = new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(
                     bootstrap, Topics.webhooks(Marketplace.SHOPIFY), "adapter-shopify-webhooks-p3", "p3", 4, 5,
                     Duration.ofMillis(200)), new WebhookRecordHandler(new ShopifyWebhookHandler(),
                     TestConnections.opener(), adapterPublisher, Clock.systemUTC(), Duration.ofSeconds(30),
                     KitMetrics.none()), adapterPublisher, Clock.systemUTC()).start();
             KafkaConsumer<String, String> orders = ordersConsumer(bootstrap)) {
            List<SimOrder> seeded = sim.store().orders();
            for (int i = 0; i < WARM_UP; i++) {
                SimOrder order = seeded.get(deliveries + i);
                gateway.publish(Topics.webhooks(Marketplace.SHOPIFY), delivery(connections.get(i % CONNECTIONS),
                        order, sim));
            }
            int warmed = 0;
            long warmDeadline = System.currentTimeMillis() + Duration.ofMinutes(3).toMillis();
            while (warmed < WARM_UP && System.currentTimeMillis() < warmDeadline) {
                warmed += orders.poll(Duration.ofMillis(100)).count();
            }
            AtomicLong published = new AtomicLong();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            Thread sender = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < deliveries; i++) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    SimOrder order = seeded.get(i);
                    ConnectionSnapshot connection = connections.get(i % CONNECTIONS);
                    WebhookReceived delivery = delivery(connection, order, sim);
                    String key = connection.connectionId() + "/" + order.id();
                    gateway.publish(Topics.webhooks(Marketplace.SHOPIFY), delivery)
                            .thenAccept(meta -> sentAt.put(key, meta.timestamp()));
                    published.incrementAndGet();
                }
            });
            // an order may be read before the gateway's ack callback stored its delivery's timestamp: match at the end
            Map<String, long[]> arrived = new ConcurrentHashMap<>();
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis() + deliveries * 1000L / rate;
            while (arrived.size() < deliveries && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : orders.poll(Duration.ofMillis(20))) {
                    arrived.putIfAbsent(record.key(), new long[]{record.timestamp(), System.currentTimeMillis()});
                }
            }
            sender.join();
            arrived.forEach((key, at) -> {
                Long sent = sentAt.get(key);
                if (sent != null) {
                    latencies.add(new long[]{at[0] - sent, at[1] - sent});
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            print(deliveries, rate, published.get(), latencies, seconds);
        }
    }

    /** A verified orders/create delivery of {@code order} as webhook-gateway publishes it. */
    private static WebhookReceived delivery(ConnectionSnapshot connection, SimOrder order, ShopifySimulator sim) {
        return WebhookReceived.of(UUID.randomUUID(), Marketplace.SHOPIFY, connection.connectionId(),
                connection.tenantId(), "orders/create", UUID.randomUUID().toString(), Instant.now(),
                Map.of("x-shopify-topic", "orders/create"), "application/json", OrderPayloads.order(order, sim.store()),
                "shopify-hmac-sha256", false).withConnection(connection);
    }

    private static KafkaConsumer<String, String> ordersConsumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.ORDERS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static void print(int deliveries, int rate, long published, List<long[]> latencies, double seconds) {
        long[] toPublished = latencies.stream().mapToLong(l -> l[0]).sorted().toArray();
        long[] toReadable = latencies.stream().mapToLong(l -> l[1]).sorted().toArray();
        System.out.printf("%nP3 Shopify webhook → normalized order (%d deliveries at %d/s over %d connections, %.1f s)%n",
                deliveries, rate, CONNECTIONS, seconds);
        System.out.printf("| measured to | orders | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        System.out.printf("| order published (record timestamp) | %d | %d | %d | %d |%n", toPublished.length,
                pct(toPublished, 50), pct(toPublished, 99), toPublished.length == 0 ? -1 : toPublished[toPublished.length - 1]);
        System.out.printf("| order readable by a consumer | %d | %d | %d | %d |%n", toReadable.length,
                pct(toReadable, 50), pct(toReadable, 99), toReadable.length == 0 ? -1 : toReadable[toReadable.length - 1]);
        System.out.printf("(published %d; %s)%n", published, latencies.size() == deliveries ? "every order arrived"
                : "MISSING " + (deliveries - latencies.size()) + " orders");
        BenchResult.of("P3", "shopify", String.format("%,d orders/create at %d/s, %d connections", deliveries, rate,
                        CONNECTIONS))
                .wallSeconds(seconds).figure("p50Ms", pct(toReadable, 50)).figure("p99Ms", pct(toReadable, 99))
                .figure("maxMs", toReadable.length == 0 ? -1 : toReadable[toReadable.length - 1])
                .figure("rate", rate).figure("publishedP50Ms", pct(toPublished, 50))
                .figure("publishedP99Ms", pct(toPublished, 99)).figure("missing", deliveries - latencies.size())
                .notes("delivery on nexus.webhooks.shopify.v1 (gateway's publish) → order readable on nexus.orders.v1; "
                        + "wall = sending until the last order arrived")
                .record();
    }

    private static long pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
