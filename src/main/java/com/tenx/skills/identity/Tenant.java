package com.tenx.skills.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A customer: its plan and the features that plan unlocks. */
@Entity
@Table(name = "tenants")
class Tenant {

    @Id
    private String id;

    private String plan;

    /** Comma-separated; see {@link #features()}. */
    private String features;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Tenant() {
    }

    void replace(String plan, List<String> features, Instant at) {
        this.plan = plan;
        this.features = String.join(",", features);
        this.updatedAt = at;
    }

    static List<String> parseFeatures(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }

}
