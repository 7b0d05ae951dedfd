-- Card data beyond the credential form: a free description, the account name a Test Connection reported (seller
-- name), and the identity that makes two connections the same account (multi-account: duplicates are refused).
ALTER TABLE connections ADD COLUMN description  varchar(1000);
ALTER TABLE connections ADD COLUMN account_name varchar(256);
ALTER TABLE connections ADD COLUMN account_key  varchar(1024);

-- one live connection per tenant, marketplace and account (+ Amazon marketplace ids); removed ones do not count
CREATE UNIQUE INDEX connections_account_uq ON connections (tenant_id, marketplace, account_key)
    WHERE removed_at IS NULL AND account_key IS NOT NULL;

-- The global connection settings of a tenant (Settings > General > Connections); no row = TenantPolicy.defaults().
CREATE TABLE tenant_policies (
    tenant_id                     varchar(128) PRIMARY KEY,
    default_sync_interval         varchar(16)  NOT NULL,
    retry_attempts                integer      NOT NULL,
    retry_backoff_seconds         bigint       NOT NULL,
    alert_cooldown_seconds        bigint       NOT NULL,
    webhook_secret_rotation_days  integer      NOT NULL,
    health_window                 integer      NOT NULL,
    updated_at                    timestamptz  NOT NULL
);

-- Quick stats of a card, fed by nexus.products.v1 and nexus.orders.v1. A record counts once per connection and
-- external id (seen_records), whatever the redeliveries or re-syncs.
CREATE TABLE seen_records (
    connection_id uuid         NOT NULL,
    kind          varchar(16)  NOT NULL CHECK (kind IN ('product', 'order')),
    external_id   varchar(512) NOT NULL,
    PRIMARY KEY (connection_id, kind, external_id)
);

CREATE TABLE connection_stats (
    connection_id   uuid   PRIMARY KEY,
    products_synced bigint NOT NULL DEFAULT 0
);

-- orders per connection and purchase day (UTC)
CREATE TABLE connection_order_days (
    connection_id uuid   NOT NULL,
    day           date   NOT NULL,
    orders        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (connection_id, day)
);

CREATE INDEX sync_history_status_idx ON sync_history (connection_id, status, started_at DESC);
