package dev.ztc.drift;

import java.util.List;

/**
 * A read-only view of what is live for one or more layers: AWS (EC2 security groups, IAM), Entra ID (Conditional
 * Access over Microsoft Graph), a running OPA, or a Terraform state file. Reads only; retries throttled calls with
 * backoff; every call has a timeout. Failures become {@link LayerState#unreadable}, never an exception.
 */
public interface DriftSource {

    /** The source as reports name it ({@code aws http://127.0.0.1:5000}, {@code graph https://...}). */
    String name();

    List<LayerState> read();
}
