package dev.ztc.drift.report;

import dev.ztc.drift.DriftItem;
import dev.ztc.model.EnforcementLayer;

import java.util.EnumSet;
import java.util.Set;

/**
 * The CISA Zero Trust Maturity Model pillars, as drift reports group layers for auditors: each layer serves the
 * pillars of what it enforces; Data gathers the items whose matrix rules protect a data store, whatever the layer.
 */
public enum Pillar {
    IDENTITY("Identity"),
    DEVICES("Devices"),
    NETWORKS("Networks"),
    APPLICATIONS("Applications and Workloads"),
    DATA("Data");

    private final String title;

    Pillar(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Conditional Access decides on the device's compliance too, so workforce identity also serves Devices. */
    public static Set<Pillar> of(EnforcementLayer layer) {
        return switch (layer) {
            case NETWORK -> EnumSet.of(NETWORKS);
            case CLOUD_IDENTITY -> EnumSet.of(IDENTITY);
            case WORKFORCE_IDENTITY -> EnumSet.of(IDENTITY, DEVICES);
            case APPLICATION -> EnumSet.of(APPLICATIONS);
        };
    }

    public static Set<Pillar> of(DriftItem item, Set<String> dataRules) {
        Set<Pillar> out = EnumSet.copyOf(of(item.layer()));
        if (item.ruleIds().stream().anyMatch(dataRules::contains)) {
            out.add(DATA);
        }
        return out;
    }
}
