package dev.ztc.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The five pillars of CISA's Zero Trust Maturity Model (version 2.0): each verify and plan-check check serves one,
 * and drift reports group layers by the pillars they serve.
 */
public enum Pillar {
    IDENTITY("Identity"),
    DEVICES("Devices"),
    NETWORKS("Networks"),
    APPLICATIONS_AND_WORKLOADS("Applications and Workloads"),
    DATA("Data");

    private final String title;

    Pillar(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The pillars a layer serves; Conditional Access decides on the device's compliance too, so it also serves Devices. */
    public static Set<Pillar> of(EnforcementLayer layer) {
        return switch (layer) {
            case NETWORK -> EnumSet.of(NETWORKS);
            case CLOUD_IDENTITY -> EnumSet.of(IDENTITY);
            case WORKFORCE_IDENTITY -> EnumSet.of(IDENTITY, DEVICES);
            case APPLICATION -> EnumSet.of(APPLICATIONS_AND_WORKLOADS);
        };
    }
}
