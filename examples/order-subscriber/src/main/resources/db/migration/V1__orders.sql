-- One row per order key (connectionId/externalId): the current state as nexus-connect last published it.
create table order_subscriber.orders (
    order_key     text primary key,
    connection_id uuid        not null,
    external_id   text        not null,
    tenant_id     text        not null,
    marketplace   text        not null,
    status        text        not null,
    total_amount  numeric,
    currency      text,
    updated_at    timestamptz not null,
    observed_at   timestamptz not null,
    document      jsonb       not null
);
