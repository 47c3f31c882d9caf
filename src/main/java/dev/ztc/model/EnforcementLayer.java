package dev.ztc.model;

import java.util.Locale;

/** The four enforcement points ztc generates artifacts for. */
public enum EnforcementLayer {
    /** AWS Security Groups. */
    NETWORK,
    /** AWS IAM roles and policies. */
    CLOUD_IDENTITY,
    /** Entra ID Conditional Access. */
    WORKFORCE_IDENTITY,
    /** The OPA bundle behind nginx or Envoy. */
    APPLICATION;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
