package io.nexusconnect.connectionservice.outbox;

import io.nexusconnect.connectionservice.outbox.DebeziumOutboxProperties.Database;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseCoordinatesTest {

    @Test
    @DisplayName("Debezium takes host, port and database from the service's JDBC url, parameters and all")
    void fromJdbcUrl() {
        assertThat(Database.fromJdbcUrl("jdbc:postgresql://db.internal:6543/nexus?sslmode=require&ApplicationName=cs"))
                .isEqualTo(new Database("db.internal", 6543, "nexus"));
        assertThat(Database.fromJdbcUrl("jdbc:postgresql://localhost/nexus")).isEqualTo(new Database("localhost", 5432, "nexus"));
        assertThat(Database.fromJdbcUrl("jdbc:postgresql://localhost:5432/")).isEqualTo(new Database("localhost", 5432, "postgres"));
    }

    @Test
    @DisplayName("A url of another database kind is refused with a message that names the expected form")
    void otherKind() {
        assertThatThrownBy(() -> Database.fromJdbcUrl("jdbc:mysql://localhost/nexus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }
}
