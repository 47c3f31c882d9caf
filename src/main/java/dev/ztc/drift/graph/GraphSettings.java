package dev.ztc.drift.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom Microsoft Graph is read.
 *
 * @param graphBase     Graph's versioned root, {@code https://graph.microsoft.com/v1.0/} unless a national cloud or
 *                      a stand-in is meant; a missing trailing slash is added, so that relative paths resolve below it
 * @param authorityHost the Entra authority, e.g. {@code https://login.microsoftonline.us/}; empty: Azure Identity's
 *                      default (or {@code AZURE_AUTHORITY_HOST}). Must be HTTPS: Azure Identity refuses anything else
 * @param tenantId      the tenant to read, from the inventory's {@code clouds.azure.tenant_id}
 * @param clientId      with {@code clientSecret}: an app registration's client credentials; otherwise Azure
 *                      Identity's default chain (environment, workload identity, managed identity, Azure CLI, ...)
 * @param timeout       the limit of every single call, token requests included
 */
public record GraphSettings(URI graphBase, Optional<URI> authorityHost, String tenantId, Optional<String> clientId,
                            Optional<String> clientSecret, Duration timeout) {

    public static final URI GRAPH = URI.create("https://graph.microsoft.com/v1.0/");
    /** The scope of an app-only Graph token: the app's granted application permissions (Policy.Read.All). */
    public static final String SCOPE = "https://graph.microsoft.com/.default";

    public GraphSettings {
        Objects.requireNonNull(tenantId, "tenantId");
        graphBase = graphBase.toString().endsWith("/") ? graphBase : URI.create(graphBase + "/");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Graph's public cloud with the default credential chain and a 30-second timeout. */
    public static GraphSettings forTenant(String tenantId) {
        return new GraphSettings(GRAPH, Optional.empty(), tenantId, Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
    }

    /** Whether a client secret credential is used rather than the default chain. */
    public boolean clientCredentials() {
        return clientId.isPresent() && clientSecret.isPresent();
    }

    /** The secret never reaches a log or a report. */
    @Override
    public String toString() {
        return "GraphSettings[graphBase=" + graphBase + ", authorityHost=" + authorityHost.map(URI::toString).orElse("(default)")
                + ", tenantId=" + tenantId + ", clientId=" + clientId.orElse("(default credential)")
                + ", clientSecret=" + (clientSecret.isPresent() ? "****" : "(none)") + ", timeout=" + timeout + "]";
    }
}
