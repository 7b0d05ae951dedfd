package io.nexusconnect.connectionservice;

import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The console is static files of this service. What its security rests on is checked here on every build; what it
 * does in a browser is checked by deploy/local's browser tests against the whole system.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ConsoleAssetsTest {
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    @Test
    @DisplayName("The console page is served without a token, with a CSP that allows only its own scripts and styles, "
            + "and its page holds no inline script, style or event handler")
    void consoleIsServedUnderAStrictContentSecurityPolicy() {
        String page = given().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .extract().asString();

        Matcher scripts = SCRIPT_TAG.matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script is a file of the console").contains("src=");
        }
        assertThat(count).isPositive();
        assertThat(page).doesNotContainPattern("(?i)<style\\b").doesNotContainPattern("(?i)\\son[a-z]+=")
                .doesNotContainPattern("(?i)style=");
    }

    @Test
    @DisplayName("The console's modules are served as JavaScript, and the API behind them still refuses a request without a token")
    void modulesAreJavaScriptAndTheApiStillNeedsAToken() {
        given().get("/console/js/app.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/console/css/console.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/api/connections").then().statusCode(401);
    }
}
