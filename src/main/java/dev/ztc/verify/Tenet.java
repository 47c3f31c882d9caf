package dev.ztc.verify;

/** The seven tenets of zero trust in NIST SP 800-207, section 2.1, numbered as there. */
public enum Tenet {
    RESOURCES(1, "All data sources and computing services are considered resources"),
    SECURE_COMMUNICATION(2, "All communication is secured regardless of network location"),
    PER_SESSION(3, "Access to individual enterprise resources is granted on a per-session basis"),
    DYNAMIC_POLICY(4, "Access to resources is determined by dynamic policy"),
    POSTURE(5, "The enterprise monitors and measures the integrity and security posture of all owned and associated assets"),
    STRICT_ENFORCEMENT(6, "All resource authentication and authorization are dynamic and strictly enforced before access is allowed"),
    CONTINUOUS_IMPROVEMENT(7, "The enterprise collects as much information as possible and uses it to improve its security posture");

    private final int number;
    private final String text;

    Tenet(int number, String text) {
        this.number = number;
        this.text = text;
    }

    public int number() {
        return number;
    }

    public String text() {
        return text;
    }
}
