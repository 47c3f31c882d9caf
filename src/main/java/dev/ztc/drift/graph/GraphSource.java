package dev.ztc.drift.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.DriftSource;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Group;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Subject;
import dev.ztc.model.User;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Entra ID's Conditional Access, read over Microsoft Graph: every policy of the tenant
 * ({@code GET identity/conditionalAccess/policies}) and every named location
 * ({@code GET identity/conditionalAccess/namedLocations}), in drift's normal form. Policies and locations named in
 * ztc's convention ({@link ConditionalAccessNames}) are ztc's, the rest of the tenant is listed as unmanaged.
 *
 * <p>Object ids become the inventory's ids: groups by the inventory's {@code azure_group_id}, or else by looking
 * their {@code azure_group} display name up ({@code GET groups?$filter=displayName eq '...'}, one match or no
 * mapping, as Terraform's data source would fail on two); users the matrix names by
 * {@code GET users?$filter=userPrincipalName eq '...'}; named locations by their ztc display name. Only groups and
 * users that Conditional Access rules name are looked up. Permissions: {@code Policy.Read.All}, plus
 * {@code Group.Read.All} and {@code User.Read.All} when the inventory names groups or users that way.
 *
 * <p>Read-only, every call with the settings' timeout, throttling retried (see {@link GraphClient}). A token, HTTP or
 * JSON failure makes the layer unreadable.
 */
public final class GraphSource implements DriftSource {

    private final GraphSettings settings;
    private final ResolvedProject project;
    private final HttpClient http;

    public GraphSource(GraphSettings settings, ResolvedProject project) {
        this(settings, project, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    /** With the client that reaches Graph and the authority, e.g. one trusting a test certificate. */
    GraphSource(GraphSettings settings, ResolvedProject project, HttpClient http) {
        this.settings = settings;
        this.project = project;
        this.http = http;
    }

    @Override
    public String name() {
        return "graph " + settings.graphBase();
    }

    @Override
    public List<LayerState> read() {
        try {
            GraphClient graph = new GraphClient(settings.graphBase(), http, settings.timeout(), credential());
            return List.of(LayerState.read(EnforcementLayer.WORKFORCE_IDENTITY, name(), objects(graph)));
        } catch (IOException e) {
            return List.of(LayerState.unreadable(EnforcementLayer.WORKFORCE_IDENTITY, name(),
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        } catch (GraphClient.TokenException e) {
            return List.of(LayerState.unreadable(EnforcementLayer.WORKFORCE_IDENTITY, name(),
                    "no token for tenant " + settings.tenantId() + ": " + tokenMessage(e.getCause())));
        } catch (RuntimeException e) {
            return List.of(LayerState.unreadable(EnforcementLayer.WORKFORCE_IDENTITY, name(), message(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(LayerState.unreadable(EnforcementLayer.WORKFORCE_IDENTITY, name(), "interrupted"));
        }
    }

    /** The innermost cause says what went wrong (MSAL's wraps it twice); a refused connection has no message. */
    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /**
     * The first line of Azure Identity's message without the exception class names MSAL wraps it in: the chain's
     * summary for the default credential, Entra's {@code AADSTS...} error for a client secret.
     */
    static String tokenMessage(Throwable e) {
        String text = e.getMessage() == null ? message(e) : e.getMessage().lines().findFirst().orElse("").strip();
        return text.replaceFirst("^(?:[\\w.$]+(?:Exception|Error): )+", "");
    }

    private List<StateObject> objects(GraphClient graph) throws IOException, InterruptedException {
        ConditionalAccessNames names = new ConditionalAccessNames(project);
        DirectoryIds ids = DirectoryIds.of(project);
        List<StateObject> out = new ArrayList<>();
        for (JsonNode location : graph.list("identity/conditionalAccess/namedLocations")) {
            String name = location.path("displayName").asText("");
            names.locationId(name).ifPresent(id -> ids.location(location.path("id").asText(""), id));
            List<String> cidrs = new ArrayList<>();
            location.path("ipRanges").forEach(range -> cidrs.add(range.path("cidrAddress").asText("")));
            out.add(ConditionalAccessObjects.namedLocation(name, cidrs, names.managed(name), names.locationRuleIds(name)));
        }
        lookUpPeople(graph, ids);
        for (JsonNode policy : graph.list("identity/conditionalAccess/policies")) {
            out.add(policy(policy, ids, names));
        }
        return out;
    }

    /** Groups known by display name only and users known by UPN only, where Conditional Access rules name them. */
    private void lookUpPeople(GraphClient graph, DirectoryIds ids) throws IOException, InterruptedException {
        TreeSet<String> groups = new TreeSet<>();
        TreeSet<String> users = new TreeSet<>();
        for (MatrixRule rule : project.rules()) {
            if (Enforcement.layers(project, rule).contains(EnforcementLayer.WORKFORCE_IDENTITY)) {
                (rule.who().kind() == Subject.Kind.GROUP ? groups : users).add(rule.who().id());
            }
        }
        for (String id : groups) {
            Group group = project.groups().get(id);
            if (group != null && group.azureGroupId().isEmpty() && group.azureGroup().isPresent()) {
                only(graph.list(filter("groups", "displayName", group.azureGroup().get())))
                        .ifPresent(oid -> ids.group(oid, id));
            }
        }
        for (String id : users) {
            User user = project.users().get(id);
            if (user != null && user.upn().isPresent()) {
                only(graph.list(filter("users", "userPrincipalName", user.upn().get()))).ifPresent(oid -> ids.user(oid, id));
            }
        }
    }

    /** {@code groups?$filter=displayName eq 'A ''quoted'' name'&$select=id}, OData-quoted and URL-encoded. */
    static String filter(String collection, String property, String value) {
        String expression = property + " eq '" + value.replace("'", "''") + "'";
        return collection + "?$filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20") + "&$select=id";
    }

    private static Optional<String> only(List<JsonNode> matches) {
        return matches.size() == 1 ? Optional.of(matches.get(0).path("id").asText("")) : Optional.empty();
    }

    /** Graph's conditionalAccessPolicy in drift's normal form; absent blocks (no locations, no grant) read as empty. */
    static StateObject policy(JsonNode p, DirectoryIds ids, ConditionalAccessNames names) {
        JsonNode c = p.path("conditions");
        JsonNode users = c.path("users");
        JsonNode locations = c.path("locations");
        JsonNode grant = p.path("grantControls");
        JsonNode frequency = p.path("sessionControls").path("signInFrequency");
        int hours = 0;
        if (frequency.isObject() && frequency.path("isEnabled").asBoolean(true) && frequency.path("value").canConvertToInt()) {
            hours = frequency.path("value").asInt() * ("days".equals(frequency.path("type").asText()) ? 24 : 1);
        }
        String name = p.path("displayName").asText("");
        List<String> applications = strings(c.path("applications").path("includeApplications"), v -> v);
        return new ConditionalAccessObjects.Policy(name, p.path("state").asText(""), applications,
                strings(users.path("includeUsers"), ids::user), strings(users.path("excludeUsers"), ids::user),
                strings(users.path("includeGroups"), ids::group), strings(users.path("excludeGroups"), ids::group),
                strings(c.path("clientAppTypes"), v -> v), strings(locations.path("includeLocations"), ids::location),
                strings(locations.path("excludeLocations"), ids::location), strings(c.path("signInRiskLevels"), v -> v),
                grant.path("operator").asText(""), strings(grant.path("builtInControls"), v -> v), hours)
                .object(names.managed(name), names.policyRuleIds(name, applications));
    }

    private static List<String> strings(JsonNode array, UnaryOperator<String> name) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(name.apply(item.asText())));
        return out;
    }

    /** Client credentials when both are given, else the default chain; a custom authority skips instance discovery. */
    private TokenCredential credential() {
        JdkAzureHttpClient transport = new JdkAzureHttpClient(http, settings.timeout());
        if (settings.clientCredentials()) {
            ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder().tenantId(settings.tenantId())
                    .clientId(settings.clientId().orElseThrow()).clientSecret(settings.clientSecret().orElseThrow())
                    .httpClient(transport);
            settings.authorityHost().ifPresent(host -> builder.authorityHost(host.toString()).disableInstanceDiscovery());
            return builder.build();
        }
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().tenantId(settings.tenantId())
                .httpClient(transport);
        settings.authorityHost().ifPresent(host -> builder.authorityHost(host.toString()).disableInstanceDiscovery());
        return builder.build();
    }
}
