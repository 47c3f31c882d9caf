package dev.ztc.core;

import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.DriftSource;
import dev.ztc.drift.StateObject;
import dev.ztc.drift.aws.AwsIntent;
import dev.ztc.drift.aws.AwsSource;
import dev.ztc.drift.graph.ConditionalAccessIntent;
import dev.ztc.drift.graph.GraphSettings;
import dev.ztc.drift.graph.GraphSource;
import dev.ztc.drift.opa.OpaSample;
import dev.ztc.drift.opa.OpaServerSource;
import dev.ztc.drift.tfstate.TerraformStateSource;
import dev.ztc.model.EnforcementLayer;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where drift's sources and intents are constructed, so that adding a source is two lines here:
 * one in {@link #construct} (how the source is built from the options) and one in {@link #INTENTS} (how its
 * layers' intended objects are derived from the compiled output). A layer read live whose intent this ztc cannot
 * derive is unknown, never "in sync".
 */
final class DriftSources {

    /** Derives the intended objects of {@code layers} from the project and the compiled output (relative path → text). */
    interface Intent {
        List<StateObject> intended(ResolvedProject project, Map<String, String> artifacts) throws IOException;
    }

    record LayerIntent(Set<EnforcementLayer> layers, Intent intent) {
    }

    /** A source to read, and its kind. */
    record Planned(DriftSourceKind kind, DriftSource source) {
    }

    /**
     * Who derives each layer's intended objects. A Terraform state needs no intent of its own: it holds the same
     * objects as the clouds, in the same normal form.
     */
    static final List<LayerIntent> INTENTS = List.of(
            new LayerIntent(EnumSet.of(EnforcementLayer.NETWORK, EnforcementLayer.CLOUD_IDENTITY), AwsIntent::intended),
            new LayerIntent(EnumSet.of(EnforcementLayer.WORKFORCE_IDENTITY), ConditionalAccessIntent::intended),
            new LayerIntent(EnumSet.of(EnforcementLayer.APPLICATION), OpaSample::intended));

    private DriftSources() {
    }

    /** One case per source, built from the options (checked by {@link #requireWhatItNeeds} first). */
    static DriftSource construct(DriftSourceKind kind, DriftOptions options, ResolvedProject project)
            throws DriftSettingException {
        return switch (kind) {
            case AWS -> new AwsSource(project, options.awsEndpoint(), options.timeout());
            case ENTRA -> new GraphSource(new GraphSettings(graphBase(options), options.azureAuthority(), tenantId(project),
                    options.azureClientId(), clientSecret(options), options.timeout()), project);
            case OPA -> new OpaServerSource(opaBase(options), project, options.timeout());
            case TFSTATE -> new TerraformStateSource(options.tfstate().orElseThrow(), project);
        };
    }

    /** The sources this run reads: those asked for, else those the inventory and options imply. */
    static List<Planned> plan(DriftOptions options, ResolvedProject project) throws DriftSettingException {
        if (options.timeout().isNegative() || options.timeout().isZero()) {
            throw new DriftSettingException(DriftSettingException.Setting.TIMEOUT, "must be positive, not " + options.timeout());
        }
        clientSecret(options);
        Set<DriftSourceKind> kinds = options.sources().orElseGet(() -> defaults(options, project));
        List<Planned> out = new ArrayList<>();
        Set<DriftSourceKind> ordered = EnumSet.noneOf(DriftSourceKind.class);
        ordered.addAll(kinds);
        for (DriftSourceKind kind : ordered) {
            requireWhatItNeeds(kind, options, project);
            out.add(new Planned(kind, construct(kind, options, project)));
        }
        return out;
    }

    static Set<DriftSourceKind> defaults(DriftOptions options, ResolvedProject project) {
        Set<DriftSourceKind> out = EnumSet.noneOf(DriftSourceKind.class);
        if (project.project().inventory().aws().isPresent()) {
            out.add(DriftSourceKind.AWS);
        }
        if (project.project().inventory().azure().isPresent()) {
            out.add(DriftSourceKind.ENTRA);
        }
        if (options.opaUrl().isPresent()) {
            out.add(DriftSourceKind.OPA);
        }
        if (options.tfstate().isPresent()) {
            out.add(DriftSourceKind.TFSTATE);
        }
        return out;
    }

    private static void requireWhatItNeeds(DriftSourceKind kind, DriftOptions options, ResolvedProject project)
            throws DriftSettingException {
        switch (kind) {
            case AWS -> {
                if (project.project().inventory().aws().isEmpty()) {
                    throw new DriftSettingException(DriftSettingException.Setting.SOURCE,
                            "aws is asked for, but the inventory has no clouds.aws to read");
                }
            }
            case ENTRA -> {
                if (project.project().inventory().azure().isEmpty()) {
                    throw new DriftSettingException(DriftSettingException.Setting.SOURCE,
                            "entra is asked for, but the inventory has no clouds.azure to read");
                }
            }
            case OPA -> opaBase(options);
            case TFSTATE -> {
                if (options.tfstate().isEmpty()) {
                    throw new DriftSettingException(DriftSettingException.Setting.TFSTATE,
                            "is required to read the Terraform state (source tfstate)");
                }
                if (!java.nio.file.Files.isRegularFile(options.tfstate().get())) {
                    throw new DriftSettingException(DriftSettingException.Setting.TFSTATE,
                            options.tfstate().get() + " is not a file");
                }
            }
        }
    }

    /** OPA's base URL, ending in "/" so that API paths resolve under it (a PDP behind a path prefix keeps it). */
    static URI opaBase(DriftOptions options) throws DriftSettingException {
        URI url = options.opaUrl().orElseThrow(() -> new DriftSettingException(DriftSettingException.Setting.OPA_URL,
                "is required to read a running OPA (source opa)"));
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new DriftSettingException(DriftSettingException.Setting.OPA_URL, "must be an http or https URL, not '" + url + "'");
        }
        return url.getPath() == null || url.getPath().endsWith("/") ? url : URI.create(url + "/");
    }

    /** The Entra client secret from the named environment variable; a variable named but unset is a setting error. */
    static Optional<String> clientSecret(DriftOptions options) throws DriftSettingException {
        if (options.azureClientSecretEnv().isEmpty()) {
            return Optional.empty();
        }
        String name = options.azureClientSecretEnv().get();
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new DriftSettingException(DriftSettingException.Setting.AZURE_CLIENT_SECRET_ENV,
                    "names the environment variable " + name + ", which is not set");
        }
        return Optional.of(value);
    }

    /** The Graph base URL: the option, else Microsoft Graph's v1.0 endpoint. */
    static URI graphBase(DriftOptions options) {
        return options.graphEndpoint().orElse(URI.create("https://graph.microsoft.com/v1.0/"));
    }

    /** The tenant the Entra source reads: the inventory's {@code clouds.azure.tenant_id}. */
    static String tenantId(ResolvedProject project) {
        return project.project().inventory().azure().map(a -> a.tenantId()).orElse("");
    }
}
