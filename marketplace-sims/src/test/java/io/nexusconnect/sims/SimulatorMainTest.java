package io.nexusconnect.sims;

import io.nexusconnect.sims.amazon.AmazonSimConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorMainTest {

    @Test
    @DisplayName("Given the documented command line, when parsed, then ports, counts, speed and seed are taken and the sandbox sits on the next port")
    void parsesTheCommandLine() {
        AmazonSimConfig config = SimulatorMain.parse(new String[]{"--amazon-port", "9101", "--orders", "1500",
                "--listings", "200", "--speed", "2.5", "--seed", "42", "--token-ttl", "PT10M"});

        assertThat(config.port()).isEqualTo(9101);
        assertThat(config.sandboxPort()).isEqualTo(9102);
        assertThat(config.orderCount()).isEqualTo(1500);
        assertThat(config.listingCount()).isEqualTo(200);
        assertThat(config.speedFactor()).isEqualTo(2.5);
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("Given an unknown option or a bad number, when parsed, then a clear error names it")
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[]{"--colour", "blue"}))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[]{"--orders", "many"}))
                .hasMessageContaining("--orders");
    }

    @Test
    @DisplayName("Given --ebay-* options among the Amazon ones, when parsed, then the eBay simulator is configured and the Amazon options are left as they were")
    void parsesTheEbayOptions() {
        EbayLaunch launch = EbayLaunch.parse(new String[]{"--amazon-port", "9101", "--ebay-port", "9111",
                "--ebay-orders", "1200", "--ebay-fulfillment-daily-limit", "500"});

        assertThat(launch.config()).isPresent();
        assertThat(launch.config().get().port()).isEqualTo(9111);
        assertThat(launch.config().get().orderCount()).isEqualTo(1200);
        assertThat(launch.config().get().dailyLimit(io.nexusconnect.sims.ebay.EbayApi.FULFILLMENT)).isEqualTo(500);
        assertThat(SimulatorMain.parse(launch.remaining()).port()).isEqualTo(9101);
        assertThat(EbayLaunch.parse(new String[]{"--orders", "5"}).config()).isEmpty();
    }

    @Test
    @DisplayName("Given --walmart-port among the Amazon options, when parsed, then the Walmart port is taken and the Amazon options are left as they were")
    void parsesTheWalmartPort() {
        SimulatorMain.PortOption walmart = SimulatorMain.PortOption.take("--walmart-port",
                new String[]{"--amazon-port", "9101", "--walmart-port", "9121"});

        assertThat(walmart.port()).isEqualTo(9121);
        assertThat(SimulatorMain.parse(walmart.rest()).port()).isEqualTo(9101);
    }
}
