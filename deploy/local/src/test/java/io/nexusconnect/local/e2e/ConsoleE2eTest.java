package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.testinfra.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connections console in a real headless Chromium, against the whole system: connection-service serving the
 * console, the orchestrator and adapter-amazon as processes, real Kafka and PostgreSQL, the Amazon simulator. Each
 * story signs in as a tenant of its own, so the other end-to-end tests' connections never show on its pages.
 */
@ExtendWith(E2eExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("End to end: the Connections console in a browser")
class ConsoleE2eTest {
    private static final String CARD = "article.card";
    private ConsoleBrowser browser;

    @BeforeAll
    void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opens the sign-in link ./nexus local prints: the token travels in the fragment, which the page strips. */
    private ConnectionsClient signIn(E2eStack stack, String tenant) {
        String token = TestTokens.forTenant(tenant);
        browser.open(stack.connectionServiceUrl() + "/console/#token=" + token);
        browser.until("the token to move into sessionStorage",
                d -> token.equals(browser.script("return sessionStorage.getItem('nexus.console.token')")));
        browser.until("the token to leave the address bar", d -> !d.getCurrentUrl().contains(token));
        browser.textOf("h1", "Connections");
        assertThat(browser.driver().manage().getCookies()).as("no cookie carries the sign-in").isEmpty();
        return new ConnectionsClient(stack.connectionServiceUrl(), token);
    }

    @Test
    @DisplayName("A seller adds an Amazon connection through the form (a field error, then a failed test, then a valid "
            + "one), sees its card turn active with counts, syncs it again and sees the history grow, pauses and "
            + "resumes it, and removes it after a confirmation that synced data is kept")
    void connectionLifecycleThroughTheConsole(E2eStack stack) {
        // given: a tenant with no connection, the simulator without faults
        AmazonSimulator simulator = stack.simulator();
        simulator.faults().clear();
        simulator.resetRateLimits();
        ConnectionsClient api = signIn(stack, "console-story");
        Map<String, String> fields = E2eStack.credentialFields(E2eStack.CONSOLE_SELLER);

        // then: the Connections page shows its empty state
        browser.textOf(".empty-state", "No connections yet");

        // when: Add Connection → Amazon, the form generated from /api/marketplaces
        browser.click("[data-action='add']");
        browser.click(".tile[data-marketplace='amazon']");
        browser.type("[data-field='label'] input", "Console US store");
        assertThat(browser.find("[data-field='lwaClientSecret'] input").getAttribute("type")).isEqualTo("password");
        assertThat(browser.find("[data-field='lwaClientId'] label").getText()).contains("LWA Client ID").contains("*");
        browser.type("[data-field='lwaClientId'] input", "not-an-lwa-client-id");
        browser.type("[data-field='lwaClientSecret'] input", fields.get("lwaClientSecret"));
        browser.type("[data-field='refreshToken'] input", fields.get("refreshToken"));
        browser.type("[data-field='sellingPartnerId'] input", fields.get("sellingPartnerId"));
        browser.choose("[data-field='marketplaceIds'] select", fields.get("marketplaceIds"));
        browser.choose("[data-field='region'] select", fields.get("region"));
        browser.click("[data-action='test']");

        // then: the API's field error sits next to its field
        browser.textOf("[data-error-for='lwaClientId']", "amzn1.application-oa2-client");
        assertThat(browser.find("[data-field='lwaClientId'] input").getAttribute("aria-invalid")).isEqualTo("true");

        // when: the client id is right but the secret is wrong
        browser.type("[data-field='lwaClientId'] input", fields.get("lwaClientId"));
        browser.type("[data-field='lwaClientSecret'] input", "amzn1.oa2-cs.v1.wrongsecret0000000000000000000000000000");
        browser.click("[data-action='test']");

        // then: the classified error with the product page's resolution
        String failed = browser.textOf(".test-result.invalid", "Invalid credentials");
        assertThat(failed).contains("Click Edit Credentials and re-enter");

        // when: the right secret is tested
        browser.type("[data-field='lwaClientSecret'] input", fields.get("lwaClientSecret"));
        browser.click("[data-action='test']");

        // then: "Connection valid — marketplace: X / Seller name: Y"
        String valid = browser.textOf(".test-result.valid", "Connection valid — marketplace:");
        assertThat(valid).contains("Seller name: " + E2eStack.CONSOLE_SELLER.sellerName());
        browser.screenshot("first-connection-form");

        // when: saved
        browser.click("[data-action='save']");

        // then: the first sync's progress shows, then the card turns active with counts, refreshed in place
        browser.find(".first-sync .badge");
        browser.textOf(".stored-test .test-result.valid", "Seller name: " + E2eStack.CONSOLE_SELLER.sellerName());
        String id = api.list().getFirst().path("id").asText();
        browser.click("[data-action='done']");
        browser.script("window.__consoleNotReloaded = true");
        WebElement card = browser.find(CARD + "[data-id='" + id + "']");
        browser.until("the card to turn active", SyncWatch.CYCLE_TIMEOUT, d -> "active".equals(card.getAttribute("data-status")));
        browser.until("products synced on the card", d -> !"0".equals(
                card.findElement(By.cssSelector("[data-stat='products'] dd")).getText()));
        assertThat(browser.script("return window.__consoleNotReloaded === true")).as("no full page reload").isEqualTo(true);
        assertThat(card.findElement(By.cssSelector(".badge[data-status]")).getText()).isEqualTo("active");
        assertThat(card.getText()).contains("Console US store").contains(E2eStack.CONSOLE_SELLER.sellerName())
                .doesNotContain(fields.get("lwaClientSecret")).doesNotContain(fields.get("refreshToken"));
        // and: a second marketplace's card in its own group (no Kaufland adapter runs here, so it stays pending)
        String kaufland = api.create("kaufland", "Kaufland DE", Map.of("clientKey", "0123456789abcdef0123456789abcdef",
                "secretKey", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "storefront", "de"))
                .path("id").asText();
        browser.find("section.group[data-group='kaufland'] " + CARD + "[data-id='" + kaufland + "'][data-status='pending']");
        assertThat(browser.find("section.group[data-group='amazon'] " + CARD).getAttribute("data-id")).isEqualTo(id);
        browser.screenshot("connections-page");
        browser.resize(ConsoleBrowser.PHONE);
        browser.find(CARD + "[data-id='" + id + "'] [data-action='sync-now']");
        browser.screenshot("connections-page-phone");
        browser.resize(ConsoleBrowser.LAPTOP);

        // when: Sync Now
        int cyclesBefore = new SyncWatch(api, id).cycles().size();
        card.findElement(By.cssSelector("[data-action='sync-now']")).click();
        browser.textOf(".toast", "Sync requested");
        SyncWatch watch = new SyncWatch(api, id);
        watch.awaitCycle("the Sync Now cycle", cycle -> "manual".equals(cycle.path("trigger").asText()));
        watch.awaitNewestFinished();

        // then: View Sync Log lists the new cycle too
        card.findElement(By.cssSelector("[data-action='view-sync-log']")).click();
        browser.until("the sync log to list " + (cyclesBefore + 1) + " cycles", d -> d.findElements(
                By.cssSelector("dialog table.history tbody tr[data-sync-id]")).size() == cyclesBefore + 1);
        assertThat(browser.find("dialog table.history tbody tr[data-sync-id]").getText()).contains("manual");
        browser.screenshot("sync-log");
        browser.click("dialog [data-action='close']");

        String onCard = CARD + "[data-id='" + id + "']";

        // when: every SP-API call is refused as if the access token had expired, and Sync Now is pressed
        Faults faults = simulator.faults();
        faults.persistent(Faults.ANY_OPERATION, Fault.expiredToken());
        try {
            browser.click(onCard + " [data-action='sync-now']");

            // then: the card turns to error, with the product page's resolution inline and the message as the badge's tooltip
            browser.until("the card to show the token_expired error", SyncWatch.CYCLE_TIMEOUT,
                    d -> !d.findElements(By.cssSelector(onCard + "[data-status='error'] .diagnostics")).isEmpty());
            assertThat(browser.textOf(onCard + " .diagnostics", "Token expired"))
                    .contains("Resolution: Click Reconnect to re-run the OAuth flow");
            assertThat(browser.find(onCard + " .badge[data-status='error']").getAttribute("title")).startsWith("Token expired");
            browser.screenshot("connection-error");

            // then: the failed cycle in View Sync Log expands to the marketplace's raw response
            browser.click(onCard + " [data-action='view-sync-log']");
            browser.click("dialog tr[data-status='failed'] button[aria-expanded='false']");
            assertThat(browser.find("dialog tr.error-details pre.raw").getText()).isNotBlank();
            browser.click("dialog [data-action='close']");
        } finally {
            faults.clear();
        }

        // when: Reconnect, with the marketplace answering again
        browser.click(onCard + " [data-action='reconnect']");

        // then: the verdict shows, and the reconnect cycle brings the card back to active
        browser.textOf("dialog .test-result.valid", "Connection valid");
        browser.click("dialog [data-action='close']");
        browser.until("the card to turn active again", SyncWatch.CYCLE_TIMEOUT,
                d -> !d.findElements(By.cssSelector(onCard + "[data-status='active']")).isEmpty());

        // when: Edit Credentials is opened: the stored secrets are not in the form, only their masked placeholder
        browser.click(onCard + " [data-action='edit-credentials']");
        WebElement secret = browser.find("dialog [data-field='lwaClientSecret'] input");
        assertThat(secret.getAttribute("value")).isEmpty();
        assertThat(secret.getAttribute("placeholder")).startsWith("****");
        assertThat(browser.find("dialog [data-field='sellingPartnerId'] input").getAttribute("value"))
                .isEqualTo(E2eStack.CONSOLE_SELLER.sellingPartnerId());
        browser.click("dialog button[type='submit']");

        // then: saving without re-entering the secrets is refused next to them, and cancelling keeps the stored ones
        browser.textOf("dialog [data-error-for='lwaClientSecret']", "required");
        browser.click("dialog [data-action='cancel']");

        // when: the detail page: an out-of-range buffer, then settings with a sync window in a time zone
        browser.click(CARD + "[data-id='" + id + "'] h3 a");
        browser.textOf("#settings-title", "Settings");
        browser.type("[data-field='inventoryBufferPercent'] input", "80");
        browser.click("[data-action='save-settings']");
        browser.textOf("[data-error-for='inventoryBufferPercent']", "50");
        browser.type("[data-field='inventoryBufferPercent'] input", "10");
        browser.choose("[data-field='syncInterval'] select", "15m");
        browser.click("[data-field='syncWindow'] input");
        browser.type("[data-field='syncWindow.timeZone'] input", "Europe/Berlin");
        browser.click("[data-action='save-settings']");
        browser.textOf(".toast", "Settings saved");
        JsonNode settings = api.get(id).path("settings");
        assertThat(settings.path("syncInterval").asText()).isEqualTo("15m");
        assertThat(settings.path("inventoryBufferPercent").asInt()).isEqualTo(10);
        assertThat(settings.path("syncWindow").path("timeZone").asText()).isEqualTo("Europe/Berlin");

        // then: its history filters by status: the expired-token cycle failed, none was partial
        browser.choose(".filters [data-field='status'] select", "failed");
        browser.click(".filters button[type='submit']");
        browser.until("only failed cycles listed", d -> {
            List<String> statuses = d.findElements(By.cssSelector(".history-panel tbody tr[data-sync-id]")).stream()
                    .map(row -> row.getAttribute("data-status")).toList();
            return !statuses.isEmpty() && statuses.stream().allMatch("failed"::equals);
        });
        browser.choose(".filters [data-field='status'] select", "partial");
        browser.click(".filters button[type='submit']");
        browser.textOf(".history-panel .empty", "No sync cycle matches these filters");
        browser.choose(".filters [data-field='status'] select", "");
        browser.click(".filters button[type='submit']");
        browser.find(".history-panel tr[data-status='failed'] button[aria-expanded='false']");
        browser.screenshot("connection-detail");
        browser.click(".page-head a[href='#/connections']");

        // when: paused, then resumed
        browser.click(onCard + " [data-action='pause']");
        browser.find(onCard + "[data-state='paused'] [data-action='resume']");
        assertThat(api.get(id).path("state").asText()).isEqualTo("paused");
        assertThat(browser.find(onCard + " [data-stat='next-sync'] dd").getText()).isEqualTo("paused");
        browser.click(onCard + " [data-action='resume']");
        browser.find(onCard + "[data-state='active'] [data-action='pause']");
        assertThat(api.get(id).path("state").asText()).isEqualTo("active");

        api.remove(kaufland);

        // when: removed, after a confirmation that says synced data is kept
        browser.click(onCard + " [data-action='remove']");
        assertThat(browser.textOf("dialog", "Synced data is kept")).contains("Remove");
        browser.click("dialog [data-action='remove']");

        // then: the card is gone, the empty state is back, and the API lists it as removed
        browser.textOf(".empty-state", "No connections yet");
        assertThat(api.list()).isEmpty();

    }

    @Test
    @DisplayName("Global settings: an out-of-range value is refused next to its field, a valid change is saved and "
            + "still there after a reload")
    void globalSettingsChange(E2eStack stack) {
        // given: a tenant with the default settings
        ConnectionsClient api = signIn(stack, "console-settings");
        browser.open(stack.connectionServiceUrl() + "/console/#/settings");

        // when: eleven retry attempts are asked for
        browser.type("[data-field='retryAttempts'] input", "11");
        browser.click("[data-action='save-global']");

        // then: the API's message shows next to the field
        browser.textOf("[data-error-for='retryAttempts']", "10");

        // when: five attempts, a 2-hour alert cooldown and a 30-day webhook secret rotation
        browser.type("[data-field='retryAttempts'] input", "5");
        browser.type("[data-field='alertCooldown'] input", "2");
        browser.choose("[data-field='alertCooldown'] select", "H");
        browser.type("[data-field='webhookSecretRotation'] input", "30");
        browser.click("[data-action='save-global']");
        browser.textOf(".saved", "Saved");

        // then: the API has them, and the page shows them after a reload
        JsonNode saved = api.settings();
        assertThat(saved.path("retryAttempts").asInt()).isEqualTo(5);
        assertThat(saved.path("alertCooldown").asText()).isEqualTo("PT2H");
        assertThat(saved.path("webhookSecretRotation").asText()).isEqualTo("P30D");
        browser.driver().navigate().refresh();
        assertThat(browser.find("[data-field='retryAttempts'] input").getAttribute("value")).isEqualTo("5");
        assertThat(browser.find("[data-field='alertCooldown'] input").getAttribute("value")).isEqualTo("2");
        browser.screenshot("global-settings");
    }
}
