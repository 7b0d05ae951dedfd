package io.nexusconnect.examples.orders;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.subscriber.kafka.NexusRecord;
import io.nexusconnect.subscriber.state.Freshness;
import io.nexusconnect.subscriber.state.UpsertRule;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The {@code order_subscriber.orders} table: one row per order key, replaced only by a newer record
 * ({@link UpsertRule}), deleted by the key's tombstone. Each record is one transaction; the row lock and the upsert's
 * own condition keep the rule even when two consumers meet on a key during a rebalance.
 */
@ApplicationScoped
public class OrderTable {
    private static final String LOCK = "select updated_at, observed_at from order_subscriber.orders where order_key = ? for update";
    private static final String UPSERT = """
            insert into order_subscriber.orders (order_key, connection_id, external_id, tenant_id, marketplace, status,
                total_amount, currency, updated_at, observed_at, document)
            values (?, ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?::jsonb)
            on conflict (order_key) do update set status = excluded.status, total_amount = excluded.total_amount,
                currency = excluded.currency, updated_at = excluded.updated_at, observed_at = excluded.observed_at,
                document = excluded.document
            where (orders.updated_at, orders.observed_at) < (excluded.updated_at, excluded.observed_at)""";
    private static final String DELETE = "delete from order_subscriber.orders where order_key = ?";

    private final DataSource dataSource;

    public OrderTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public UpsertRule.Decision apply(NexusRecord<Order> record) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                UpsertRule.Decision decision = record.event()
                        .map(order -> upsert(connection, record.key(), order))
                        .orElseGet(() -> delete(connection, record.key()));
                connection.commit();
                return decision;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply " + record.key() + ": " + e.getMessage(), e);
        }
    }

    private UpsertRule.Decision upsert(Connection connection, String key, Order order) {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, key);
            Freshness stored = null;
            try (ResultSet row = lock.executeQuery()) {
                if (row.next()) {
                    stored = new Freshness(instant(row.getTimestamp(1)), instant(row.getTimestamp(2)));
                }
            }
            UpsertRule.Decision decision = UpsertRule.decide(stored, Freshness.of(order));
            if (decision == UpsertRule.Decision.APPLY) {
                write(connection, key, order);
            }
            return decision;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void write(Connection connection, String key, Order order) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, key);
            upsert.setObject(2, order.connectionId());
            upsert.setString(3, order.externalId());
            upsert.setString(4, order.tenantId());
            upsert.setString(5, order.marketplace().id());
            upsert.setString(6, order.status().json());
            upsert.setString(7, order.total() == null ? null : order.total().amount());
            upsert.setString(8, order.total() == null ? null : order.total().currency());
            upsert.setTimestamp(9, Timestamp.from(order.updatedAt()));
            upsert.setTimestamp(10, Timestamp.from(order.observedAt()));
            upsert.setString(11, Json.write(order));
            upsert.executeUpdate();
        }
    }

    private UpsertRule.Decision delete(Connection connection, String key) {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, key);
            delete.executeUpdate();
            return UpsertRule.Decision.APPLY;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
