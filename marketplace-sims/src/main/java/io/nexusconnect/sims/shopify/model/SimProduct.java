package io.nexusconnect.sims.shopify.model;

import java.time.Instant;
import java.util.List;

/** A product; {@code status} ACTIVE/DRAFT/ARCHIVED/UNLISTED, {@code publishedAt} null when not on the online store. */
public final class SimProduct {
    private final long number;
    private final String title;
    private final String handle;
    private final String productType;
    private final String vendor;
    private final Instant createdAt;
    private final List<SimVariant> variants;
    private volatile String status;
    private volatile Instant publishedAt;
    private volatile Instant updatedAt;

    public SimProduct(long number, String title, String handle, String productType, String vendor, String status,
                      Instant createdAt, Instant publishedAt, List<SimVariant> variants) {
        this.number = number;
        this.title = title;
        this.handle = handle;
        this.productType = productType;
        this.vendor = vendor;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.publishedAt = publishedAt;
        this.variants = List.copyOf(variants);
    }

    public String id() {
        return Gid.of("Product", number);
    }

    public long number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String handle() {
        return handle;
    }

    public String productType() {
        return productType;
    }

    public String vendor() {
        return vendor;
    }

    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public List<SimVariant> variants() {
        return variants;
    }

    public int totalInventory() {
        return variants.stream().mapToInt(SimVariant::inventoryQuantity).sum();
    }

    public void touch(Instant now) {
        updatedAt = now;
    }

    public void setStatus(String status, Instant publishedAt, Instant now) {
        this.status = status;
        this.publishedAt = publishedAt;
        this.updatedAt = now;
    }
}
