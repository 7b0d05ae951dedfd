-- The record index (seen_records) is what connection-service knows exists on the compacted state topics per
-- connection: products and orders (quick stats) and now inventory levels (kind 'inventory', external_id = the SKU).
-- last_seen_at is the record time (Kafka timestamp) of the newest sighting of the key.
ALTER TABLE seen_records DROP CONSTRAINT seen_records_kind_check;
ALTER TABLE seen_records ADD CONSTRAINT seen_records_kind_check CHECK (kind IN ('product', 'order', 'inventory'));
ALTER TABLE seen_records ADD COLUMN last_seen_at timestamptz;

-- A removed connection's keys are tombstoned on the state topics by a sweep (ConnectionPurges): one row per removal,
-- written in the removal's transaction, finished once no indexed key of the connection is left.
CREATE TABLE connection_purges (
    connection_id uuid        PRIMARY KEY,
    requested_at  timestamptz NOT NULL,
    finished_at   timestamptz
);
CREATE INDEX connection_purges_open_idx ON connection_purges (requested_at) WHERE finished_at IS NULL;

-- a state-topic key is connectionId/externalId (up to 36 + 1 + 512 characters)
ALTER TABLE outbox ALTER COLUMN aggregateid TYPE varchar(1024);

-- Every cycle's mode and scopes, from the orchestrator's SyncRequested (nexus.sync-requests.<marketplace>.v1): the
-- sync events do not say a cycle's mode. scopes comma-separated (INVENTORY,ORDERS,PRODUCTS).
CREATE TABLE cycle_requests (
    sync_id       uuid        NOT NULL,
    attempt       integer     NOT NULL,
    connection_id uuid        NOT NULL,
    mode          varchar(16) NOT NULL,
    scopes        varchar(64) NOT NULL,
    PRIMARY KEY (sync_id, attempt)
);

-- A successful cycle whose unlisted products may be gone (ListingSweeps): end_offsets are the ends of the products
-- and inventory topics taken after its SyncCompleted was stored; the sweep runs once this service's consumer groups
-- committed up to them (every record the cycle published is in seen_records by then) and its request is known.
CREATE TABLE listing_sweeps (
    sync_id          uuid        NOT NULL,
    attempt          integer     NOT NULL,
    connection_id    uuid        NOT NULL,
    marketplace      varchar(32) NOT NULL,
    cycle_started_at timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL,
    end_offsets      text,
    checked_at       timestamptz,
    done_at          timestamptz,
    tombstoned       bigint,
    PRIMARY KEY (sync_id, attempt)
);
CREATE INDEX listing_sweeps_open_idx ON listing_sweeps (recorded_at) WHERE done_at IS NULL;
