-- The last listing-health verdict of every listing of a connection (nexus.products.v1 `health`), so a card can say
-- how many listings are not healthy. A product without a verdict leaves its row as it was (unknown is not healthy
-- nor unhealthy).
CREATE TABLE listing_health (
    connection_id uuid         NOT NULL,
    external_id   varchar(512) NOT NULL,
    verdict       varchar(16)  NOT NULL,
    PRIMARY KEY (connection_id, external_id)
);
