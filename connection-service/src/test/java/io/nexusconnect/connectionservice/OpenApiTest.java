package io.nexusconnect.connectionservice;

import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class OpenApiTest {

    @Test
    @DisplayName("The OpenAPI document behind the Swagger UI lists every endpoint of the Connections and Settings pages")
    void documentsEveryEndpoint() {
        Fixtures.awaitReady();
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/connections"))
                .body("paths", hasKey("/api/connections/{id}"))
                .body("paths", hasKey("/api/connections/test"))
                .body("paths", hasKey("/api/connections/{id}/test"))
                .body("paths", hasKey("/api/connections/{id}/reconnect"))
                .body("paths", hasKey("/api/connections/{id}/sync"))
                .body("paths", hasKey("/api/connections/{id}/syncs"))
                .body("paths", hasKey("/api/connections/{id}/settings"))
                .body("paths", hasKey("/api/connections/{id}/credentials"))
                .body("paths", hasKey("/api/connections/{id}/pause"))
                .body("paths", hasKey("/api/connections/{id}/resume"))
                .body("paths", hasKey("/api/settings"))
                .body("paths", hasKey("/api/marketplaces"))
                .body("paths", hasKey("/api/credentials/reseal"))
                .body("paths", hasKey("/api/connections/{id}/webhooks/register"))
                .body("paths", hasKey("/api/connections/{id}/webhooks/rotate-secret"))
                .body("paths.'/api/connections/{id}'", hasKey("patch"))
                .body("paths.'/api/connections/{id}/syncs'.get.parameters.name", org.hamcrest.Matchers.hasItems(
                        "page", "size", "status", "from", "to"))
                .body("paths.'/api/connections/test'.post.responses", hasKey("504"))
                .body("components.schemas.Connection.properties", hasKey("stats"))
                .body("components.schemas.Connection.properties", hasKey("webhookRegistration"))
                .body("components.schemas.GlobalSettings", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
