package io.nexusconnect.connectionservice;

import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class TenantIsolationTest {

    @Test
    @DisplayName("Tenant B can neither read, change, test, reconnect, sync nor remove tenant A's connection: every access is a 404, no list shows it")
    void otherTenantGets404() {
        UUID id = Fixtures.createConnection("tenant-a");

        as("tenant-b").get("/api/connections/" + id).then().statusCode(404);
        as("tenant-b").get("/api/connections/" + id + "/syncs").then().statusCode(404);
        as("tenant-b").post("/api/connections/" + id + "/sync").then().statusCode(404);
        as("tenant-b").body(Map.of("syncInterval", "15m")).put("/api/connections/" + id + "/settings").then().statusCode(404);
        as("tenant-b").body(Map.of("label", "mine now")).patch("/api/connections/" + id).then().statusCode(404);
        as("tenant-b").body(Map.of("fields", Fixtures.amazonFields())).put("/api/connections/" + id + "/credentials")
                .then().statusCode(404);
        as("tenant-b").post("/api/connections/" + id + "/pause").then().statusCode(404);
        as("tenant-b").post("/api/connections/" + id + "/resume").then().statusCode(404);
        as("tenant-b").post("/api/connections/" + id + "/test").then().statusCode(404);
        as("tenant-b").post("/api/connections/" + id + "/reconnect").then().statusCode(404);
        as("tenant-b").delete("/api/connections/" + id).then().statusCode(404);
        as("tenant-b").get("/api/connections?removed=true").then().statusCode(200).body("id", not(hasItem(id.toString())));
        as("tenant-b").get("/api/connections").then().statusCode(200).body("id", not(hasItem(id.toString())));

        as("tenant-a").get("/api/connections/" + id).then().statusCode(200).body("id", equalTo(id.toString()))
                .body("version", equalTo(0)).body("state", equalTo("active"));
    }

    @Test
    @DisplayName("Without a valid bearer token the API answers 401; OpenAPI and health stay public")
    void tokenRequired() throws NoSuchAlgorithmException {
        Fixtures.awaitReady();
        given().get("/api/connections").then().statusCode(401);
        PrivateKey strangerKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forged = Jwt.issuer(TestTokens.ISSUER).subject("intruder").claim("tenant", "tenant-a").sign(strangerKey);
        given().auth().oauth2(forged).get("/api/connections").then().statusCode(401);

        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/api/connections"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @DisplayName("A valid token without a tenant claim may see nothing (403)")
    void tokenWithoutTenant() {
        Fixtures.awaitReady();
        // TestTokens signs with the key the service trusts; an empty tenant claim stands for a missing one
        given().auth().oauth2(TestTokens.forTenant("")).get("/api/connections").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
