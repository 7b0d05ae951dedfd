-- Webhook secrets nexus manages (eBay verification token, Walmart HMAC secret, bol/Kaufland path token) rotate on the
-- tenant's webhookSecretRotation schedule: when the current one was set, and until when the one before it still
-- verifies (kept sealed as <field>Previous; also after a Shopify API secret key was edited).
ALTER TABLE connections ADD COLUMN webhook_secret_rotated_at    timestamptz;
ALTER TABLE connections ADD COLUMN webhook_secret_overlap_until timestamptz;

-- what the rotation sweep looks for (rows taken FOR UPDATE SKIP LOCKED)
CREATE INDEX connections_webhook_rotation_idx ON connections (webhook_secret_rotated_at)
    WHERE removed_at IS NULL AND webhook_secret_rotated_at IS NOT NULL;
CREATE INDEX connections_webhook_overlap_idx ON connections (webhook_secret_overlap_until)
    WHERE removed_at IS NULL AND webhook_secret_overlap_until IS NOT NULL;

-- The connection's "Webhook Registration": the last request connection-service recorded (outbox, same transaction as
-- the change) and the last answer of the adapter (nexus.webhook-endpoints.v1, newest changed_at wins). Endpoints are
-- stored with any path token masked. No row yet = nothing asked; an answer still missing = pending.
CREATE TABLE webhook_registrations (
    connection_id     uuid PRIMARY KEY,
    tenant_id         varchar(128) NOT NULL,
    requested_id      uuid,
    requested_action  varchar(16),
    requested_reason  varchar(32),
    requested_at      timestamptz,
    answered_id       uuid,
    state             varchar(16)  CHECK (state IN ('registered', 'unregistered', 'failed')),
    -- {"items": [{topic, callbackUrl, externalId, status}]}: an object, as the reactive driver reads JSON columns
    endpoints         jsonb        NOT NULL DEFAULT '{"items": []}',
    error_code        varchar(64),
    message           text,
    changed_at        timestamptz
);
