-- One row per marketplace connection of a tenant. Credentials exist here only sealed (AES-256-GCM, connection id as
-- associated data); credentials_masked holds what the API shows (Masking.mask), never enough to rebuild a secret.
CREATE TABLE connections (
    id                    uuid PRIMARY KEY,
    tenant_id             varchar(128) NOT NULL,
    marketplace           varchar(32)  NOT NULL,
    account_id            varchar(256),
    label                 varchar(200) NOT NULL,
    properties            jsonb        NOT NULL,
    credentials_key_id    varchar(64)  NOT NULL,
    credentials_nonce     varchar(64)  NOT NULL,
    credentials_ciphertext text        NOT NULL,
    credentials_masked    jsonb        NOT NULL,
    state                 varchar(16)  NOT NULL CHECK (state IN ('active', 'paused')),
    settings              jsonb        NOT NULL,
    -- status fields, owned by the orchestrator (nexus.connection-status.v1)
    status                varchar(16)  NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'active', 'error', 'rate_limited')),
    health                varchar(16)  NOT NULL DEFAULT 'unknown'
                          CHECK (health IN ('unknown', 'healthy', 'degraded', 'unhealthy')),
    status_error_code     varchar(64),
    status_error_message  text,
    last_sync_at          timestamptz,
    last_sync_id          uuid,
    next_sync_at          timestamptz,
    rate_limited_until    timestamptz,
    status_changed_at     timestamptz,
    version               bigint       NOT NULL DEFAULT 0,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    removed_at            timestamptz
);

-- every API query is tenant-scoped
CREATE INDEX connections_tenant_idx ON connections (tenant_id, created_at) WHERE removed_at IS NULL;

-- Transactional outbox, relayed by Debezium's outbox EventRouter: aggregatetype is the destination topic as-is,
-- aggregateid the record key, type the ce_type, payload the record value (JSON text; NULL = tombstone).
-- Rows are deleted in the transaction that wrote them: the insert is already in the WAL, which is all Debezium reads.
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       text,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    -- a column rather than an InsertHeader transform, which would parse the literal 1.0 as a number
    specversion   varchar(8)   NOT NULL DEFAULT '1.0'
);

-- Only inserts into the outbox are published: its deletes and every other table stay out of the replication stream.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'nexus_outbox') THEN
        CREATE PUBLICATION nexus_outbox FOR TABLE outbox WITH (publish = 'insert');
    END IF;
END
$$;

-- One row per sync cycle, fed by nexus.sync-events.v1 (started -> running, progress -> counts, completed -> final).
CREATE TABLE sync_history (
    sync_id            uuid PRIMARY KEY,
    connection_id      uuid         NOT NULL,
    tenant_id          varchar(128) NOT NULL,
    trigger            varchar(16),
    attempt            integer,
    started_at         timestamptz,
    finished_at        timestamptz,
    duration_ms        bigint,
    status             varchar(16)  NOT NULL CHECK (status IN ('running', 'success', 'partial', 'failed')),
    products_count     bigint       NOT NULL DEFAULT 0,
    orders_count       bigint       NOT NULL DEFAULT 0,
    inventory_count    bigint       NOT NULL DEFAULT 0,
    error_code         varchar(64),
    error_message      text,
    error_http_status  integer,
    error_raw_response text,
    error_request_id   varchar(256),
    first_seen_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX sync_history_connection_idx ON sync_history (connection_id, started_at DESC);

-- Messages a consumer has already applied (by CloudEvents id), so a redelivery changes nothing.
CREATE TABLE processed_messages (
    consumer     varchar(64)  NOT NULL,
    message_id   varchar(255) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
