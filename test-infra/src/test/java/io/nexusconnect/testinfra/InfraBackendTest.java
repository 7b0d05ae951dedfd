package io.nexusconnect.testinfra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraBackendTest {
    private final String before = System.getProperty(InfraBackend.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(InfraBackend.PROPERTY);
        } else {
            System.setProperty(InfraBackend.PROPERTY, before);
        }
    }

    @Test
    @DisplayName("Without a choice (or an empty one, as the build passes it) the backend is the embedded one")
    void embeddedByDefault() {
        System.setProperty(InfraBackend.PROPERTY, "");

        assertThat(InfraBackend.selected()).isEqualTo(System.getenv("NEXUS_TEST_INFRA") == null
                ? InfraBackend.EMBEDDED : InfraBackend.valueOf(System.getenv("NEXUS_TEST_INFRA").trim().toUpperCase()));
    }

    @Test
    @DisplayName("nexus.test.infra=containers selects Testcontainers, in any case")
    void containersOnRequest() {
        System.setProperty(InfraBackend.PROPERTY, " Containers ");

        assertThat(InfraBackend.selected()).isEqualTo(InfraBackend.CONTAINERS);
    }

    @Test
    @DisplayName("An unknown backend is refused with the choices")
    void unknownRefused() {
        System.setProperty(InfraBackend.PROPERTY, "docker");

        assertThatThrownBy(InfraBackend::selected).hasMessageContaining("embedded or containers");
    }
}
