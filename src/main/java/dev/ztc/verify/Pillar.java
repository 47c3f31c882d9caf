package dev.ztc.verify;

/** The five pillars of CISA's Zero Trust Maturity Model (version 2.0); each check serves one. */
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
}
