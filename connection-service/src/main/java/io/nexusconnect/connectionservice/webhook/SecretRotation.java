package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.CredentialSchemas;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The decisions about a connection's webhook secrets, apart from storage and the clock (the callers pass the instant
 * of the change, from the service's injected {@code Clock}, so row, API and events agree on it): what a new connection
 * gets, what Edit Credentials keeps, when a rotation is due and what it changes. Works on the opened secret fields;
 * the caller seals the result. Every change of a verifying secret keeps the old one as {@code <field>Previous} until
 * {@code overlapUntil}, so deliveries the marketplace signed or addressed before it switched still verify.
 */
public final class SecretRotation {
    /** What is due for a connection now. */
    public enum Step { NONE, ROTATE, END_OVERLAP }

    /** When the current nexus-managed secret was set, and until when the previous one still verifies. */
    public record State(Instant rotatedAt, Instant overlapUntil) {
        public static final State NONE = new State(null, null);
    }

    /** The secret fields after a change, and the new state. */
    public record Outcome(Map<String, String> secrets, State state) {
        @Override
        public String toString() {
            return "Outcome[fields=" + secrets.keySet() + ", " + state + "]";
        }
    }

    private final Duration overlap;
    private final Duration marketplaceOverlap;
    private final WebhookSecretGenerator generator;

    /**
     * @param overlap            how long the previous nexus-managed secret still verifies after a rotation
     * @param marketplaceOverlap how long the previous marketplace-owned secret (Shopify) verifies after an edit
     */
    public SecretRotation(Duration overlap, Duration marketplaceOverlap, WebhookSecretGenerator generator) {
        this.overlap = overlap;
        this.marketplaceOverlap = marketplaceOverlap;
        this.generator = generator;
    }

    /** A new connection: the nexus-managed secret the form left empty is generated; its rotation clock starts. */
    public Outcome created(Marketplace marketplace, Map<String, String> submitted, Instant now) {
        Map<String, String> secrets = new LinkedHashMap<>(submitted);
        String field = WebhookSecretFields.nexusManaged(marketplace).orElse(null);
        if (field == null) {
            return new Outcome(secrets, State.NONE);
        }
        if (isBlank(secrets.get(field))) {
            secrets.put(field, generate(marketplace, field));
        }
        return new Outcome(secrets, new State(now, null));
    }

    /**
     * Edit Credentials: the nexus-managed secret is kept when the form leaves it empty (it is never shown, so it
     * cannot be sent back); a verifying secret that changed keeps its old value as {@code <field>Previous} for the
     * overlap (Shopify: its documented hour), one that did not keeps the overlap that runs.
     */
    public Outcome edited(Marketplace marketplace, Map<String, String> current, Map<String, String> submitted, State state,
                          Instant now) {
        Map<String, String> secrets = new LinkedHashMap<>(submitted);
        String managed = WebhookSecretFields.nexusManaged(marketplace).orElse(null);
        if (managed != null && isBlank(secrets.get(managed)) && !isBlank(current.get(managed))) {
            secrets.put(managed, current.get(managed));
        }
        String field = WebhookSecretFields.verifying(marketplace).orElse(null);
        if (field == null) {
            return new Outcome(secrets, State.NONE);
        }
        String before = current.get(field);
        String after = secrets.get(field);
        if (!isBlank(before) && !Objects.equals(before, after)) {
            secrets.put(WebhookSecretFields.previousOf(field), before);
            Duration window = field.equals(managed) ? overlap : marketplaceOverlap;
            Instant rotatedAt = field.equals(managed) ? now : state.rotatedAt();
            return new Outcome(secrets, new State(rotatedAt, now.plus(window)));
        }
        carryPrevious(current, secrets, field, state);
        Instant rotatedAt = managed != null && state.rotatedAt() == null ? now : state.rotatedAt();
        return new Outcome(secrets, new State(rotatedAt, secrets.containsKey(WebhookSecretFields.previousOf(field))
                ? state.overlapUntil() : null));
    }

    /** What the schedule asks for now; a rotation that is due also ends any overlap that still runs. */
    public Step due(Marketplace marketplace, State state, Duration rotationPeriod, Instant now) {
        Instant next = nextRotationAt(marketplace, state, rotationPeriod);
        if (next != null && !now.isBefore(next)) {
            return Step.ROTATE;
        }
        if (state.overlapUntil() != null && !now.isBefore(state.overlapUntil())) {
            return Step.END_OVERLAP;
        }
        return Step.NONE;
    }

    /** When the nexus-managed secret rotates next; null when nexus rotates nothing for this marketplace. */
    public Instant nextRotationAt(Marketplace marketplace, State state, Duration rotationPeriod) {
        if (WebhookSecretFields.nexusManaged(marketplace).isEmpty() || state.rotatedAt() == null) {
            return null;
        }
        return state.rotatedAt().plus(rotationPeriod);
    }

    /** A new nexus-managed secret; the current one becomes {@code <field>Previous} for the overlap. */
    public Outcome rotate(Marketplace marketplace, Map<String, String> current, Instant now) {
        String field = WebhookSecretFields.nexusManaged(marketplace).orElseThrow(() ->
                new IllegalArgumentException(marketplace.displayName() + " has no webhook secret nexus rotates"));
        Map<String, String> secrets = new LinkedHashMap<>(current);
        String before = secrets.get(field);
        secrets.remove(WebhookSecretFields.previousOf(field));
        secrets.put(field, generate(marketplace, field));
        if (isBlank(before)) {
            // nothing to overlap with: a connection that had no secret yet just gets one
            return new Outcome(secrets, new State(now, null));
        }
        secrets.put(WebhookSecretFields.previousOf(field), before);
        return new Outcome(secrets, new State(now, now.plus(overlap)));
    }

    /** The overlap is over: only the current secret verifies from now on. */
    public Outcome endOverlap(Marketplace marketplace, Map<String, String> current, State state) {
        Map<String, String> secrets = new LinkedHashMap<>(current);
        WebhookSecretFields.verifying(marketplace).ifPresent(f -> secrets.remove(WebhookSecretFields.previousOf(f)));
        return new Outcome(secrets, new State(state.rotatedAt(), null));
    }

    private static void carryPrevious(Map<String, String> current, Map<String, String> secrets, String field, State state) {
        String previous = current.get(WebhookSecretFields.previousOf(field));
        if (!isBlank(previous) && state.overlapUntil() != null) {
            secrets.put(WebhookSecretFields.previousOf(field), previous);
        }
    }

    private String generate(Marketplace marketplace, String field) {
        return generator.next(CredentialSchemas.of(marketplace).field(field).orElseThrow());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
