package dev.ztc.validate.iam;

import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.check.ResolvedProject;
import dev.ztc.emit.IrJson;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.ir.Ir;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Group;
import dev.ztc.model.Request;
import dev.ztc.model.Service;
import dev.ztc.model.User;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cloud-identity layer as AWS would decide it: the caller's role (a service's {@code aws_role}, a user's, or
 * the role of one of the caller's groups; a person assumes one role at a time, so any one role must allow all of
 * it), the emitted policy files of that role, and {@link IamEvaluator}. A level asks for every IAM action of the
 * level on every resource the catalog names for it; a raw action for itself.
 *
 * <p>The request context IAM would see: {@code aws:MultiFactorAuthPresent} for people, {@code aws:SourceIp}
 * when the request has an address, and the device-posture session tag set to a posture the device satisfies
 * (each in turn: the identity provider may attest any of them). IAM has no time-of-day or sign-in-risk condition,
 * and its only session limit is the role's maximum session, at least an hour and shared by every rule of the role
 * (it bounds the credentials, not the sign-in a request's session age measures), so it is blind to {@code hours},
 * {@code risk} and {@code jit}.
 */
public final class IamLayerEvaluator implements LayerEvaluator {

    static final String DEVICE_TAG = "aws:PrincipalTag/ztc-device-posture";
    private static final Set<String> BLIND = Set.of("hours", "risk", "jit");
    /** Stands in for the object key or index name a wildcard resource pattern leaves open. */
    private static final String SAMPLE = "ztc-sample";

    private final ResolvedProject project;
    private final IntentEvaluator intent;
    private final Map<String, List<Policy>> policiesByRole;
    /** role → Sid → the matrix rule ids of that statement (ir.json's provenance). */
    private final Map<String, Map<String, List<String>>> provenance;

    private record Policy(String file, IamPolicyDocument document) {
    }

    public IamLayerEvaluator(ResolvedProject project, Map<String, String> artifacts) throws UnreadableArtifactException {
        this.project = project;
        this.intent = new IntentEvaluator(project.project());
        Map<String, String> roleOfFile = EmittedPolicy.roleOfFile(artifacts);
        Map<String, List<Policy>> byRole = new TreeMap<>();
        for (Map.Entry<String, String> file : artifacts.entrySet()) {
            String path = file.getKey();
            if (!path.startsWith(EmittedPolicy.POLICIES) || !path.endsWith(".json")) {
                continue;
            }
            String name = path.substring(EmittedPolicy.POLICIES.length());
            String role = roleOfFile.get(name);
            if (role == null) {
                throw new UnreadableArtifactException(path, "no policy of " + EmittedPolicy.MAIN + " reads this file");
            }
            try {
                byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(new Policy(path, IamPolicyDocument.parse(file.getValue())));
            } catch (IamPolicyFormatException e) {
                throw new UnreadableArtifactException(path, e.getMessage());
            }
        }
        this.policiesByRole = byRole;
        this.provenance = provenance(artifacts);
    }

    @Override
    public EnforcementLayer layer() {
        return EnforcementLayer.CLOUD_IDENTITY;
    }

    @Override
    public List<LayerDecision> decide(List<Request> requests) {
        return requests.stream().map(this::decide).toList();
    }

    private LayerDecision decide(Request request) {
        Asset asset = project.assets().get(request.resource());
        if (asset == null || asset.arn().isEmpty()) {
            return LayerDecision.notApplicable(layer(), "asset:" + request.resource() + " has no ARN: IAM does not guard it");
        }
        List<IamRequestContext> asks = asks(request, asset);
        if (asks.isEmpty()) {
            return LayerDecision.notApplicable(layer(), request.action().text() + " on asset:" + asset.id() + " is no IAM action");
        }
        List<String> roles = roles(request.subject());
        if (roles.isEmpty()) {
            return LayerDecision.notApplicable(layer(), "the caller has no AWS role");
        }
        List<String> postures = intent.posturesMetBy(request.device());
        List<String> reasons = new ArrayList<>();
        for (String role : roles) {
            Optional<LayerDecision> allowed = decideAsRole(role, request, asks, postures, reasons);
            if (allowed.isPresent()) {
                return allowed.get();
            }
        }
        return LayerDecision.deny(layer(), reasons, blindTo(request));
    }

    /**
     * A workload's credentials work wherever they are used: IAM cannot tell a service calling from its own segment
     * from its stolen keys used elsewhere, which the matrix does not count as the service.
     */
    private Set<String> blindTo(Request request) {
        Optional<Service> service = request.subject().service().map(project.services()::get);
        if (service.isEmpty() || fromOwnSegment(service.get(), request.sourceIp())) {
            return BLIND;
        }
        TreeSet<String> out = new TreeSet<>(BLIND);
        out.add("who");
        return out;
    }

    private boolean fromOwnSegment(Service service, Optional<String> sourceIp) {
        Optional<IPAddress> address = sourceIp.map(ip -> new IPAddressString(ip).getAddress());
        dev.ztc.model.NamedNetwork segment = project.segments().get(service.segment());
        return address.isPresent() && address.get() != null && segment != null && segment.cidrs().stream()
                .map(c -> new IPAddressString(c).getAddress()).anyMatch(block -> block != null && block.contains(address.get()));
    }

    /** An allow when this role allows every ask under some attested posture; otherwise its reasons go to {@code reasons}. */
    private Optional<LayerDecision> decideAsRole(String role, Request request, List<IamRequestContext> asks,
                                                 List<String> postures, List<String> reasons) {
        List<Policy> policies = policiesByRole.getOrDefault(role, List.of());
        if (policies.isEmpty()) {
            reasons.add("role " + role + " has no policy");
            return Optional.empty();
        }
        List<IamDecision.UnmetCondition> unmet = new ArrayList<>();
        String firstDenied = null;
        for (Optional<String> posture : postureChoices(postures)) {
            TreeSet<String> sids = new TreeSet<>();
            boolean all = true;
            for (IamRequestContext ask : asks) {
                IamRequestContext context = context(ask, request, posture);
                IamDecision decision = IamEvaluator.evaluate(policies.stream().map(Policy::document).toList(), context);
                if (!decision.allowed()) {
                    all = false;
                    unmet.addAll(decision.unmetConditions());
                    firstDenied = firstDenied == null ? ask.action() + " on " + ask.resource() : firstDenied;
                    break;
                }
                sids.addAll(decision.allowingSids());
            }
            if (all) {
                List<String> ruleIds = sids.stream().flatMap(s -> provenance.getOrDefault(role, Map.of())
                        .getOrDefault(s, List.of()).stream()).toList();
                List<String> artifacts = sids.stream().map(s -> policyFile(policies, s) + "#" + s).toList();
                return Optional.of(LayerDecision.allow(layer(), ruleIds, artifacts, blindTo(request)));
            }
        }
        StringBuilder why = new StringBuilder("role " + role + " does not allow " + firstDenied);
        unmet.stream().map(u -> u.sid() + ": " + u.operator() + " " + u.key() + " " + u.reason()).distinct()
                .forEach(u -> why.append("; ").append(u));
        reasons.add(why.toString());
        return Optional.empty();
    }

    /** What AWS is asked: each IAM action of the level (or the raw action) on each resource the catalog names. */
    private List<IamRequestContext> asks(Request request, Asset asset) {
        Catalog.AssetKind kind = project.kind(asset);
        List<IamRequestContext> out = new ArrayList<>();
        if (request.action() instanceof Action.OfLevel level) {
            kind.level(level.level()).ifPresent(meaning -> meaning.iam().forEach(grant ->
                    grant.actions().forEach(action -> grant.resources().forEach(pattern ->
                            out.add(IamRequestContext.of(action, resource(pattern, asset)))))));
        } else if (request.action() instanceof Action.RawIam raw) {
            // the resources the catalog lists for that action; an action the catalog does not know asks on the ARN
            List<String> patterns = kind.levels().values().stream().flatMap(m -> m.iam().stream())
                    .filter(g -> g.actions().stream().anyMatch(a -> a.equalsIgnoreCase(raw.action())))
                    .flatMap(g -> g.resources().stream()).distinct().toList();
            (patterns.isEmpty() ? List.of("{arn}") : patterns)
                    .forEach(p -> out.add(IamRequestContext.of(raw.action(), resource(p, asset))));
        }
        return out;
    }

    private static String resource(String pattern, Asset asset) {
        return pattern.replace("{arn}", asset.arn().orElseThrow()).replace("*", SAMPLE);
    }

    private static IamRequestContext context(IamRequestContext ask, Request request, Optional<String> posture) {
        IamRequestContext context = ask;
        Request.Caller caller = request.subject();
        if (caller.service().isEmpty()) {
            context = context.with("aws:MultiFactorAuthPresent", caller.mfa() ? "true" : "false");
        }
        if (request.sourceIp().isPresent()) {
            context = context.with("aws:SourceIp", request.sourceIp().get());
        }
        if (posture.isPresent()) {
            context = context.with(DEVICE_TAG, posture.get());
        }
        return context;
    }

    /** Without an attested posture the tag is absent; otherwise each posture the device satisfies is tried. */
    private static List<Optional<String>> postureChoices(List<String> postures) {
        if (postures.isEmpty()) {
            return List.of(Optional.empty());
        }
        return postures.stream().map(Optional::of).toList();
    }

    /** The roles the caller may assume, sorted: its service's, its own, or its groups'. */
    private List<String> roles(Request.Caller caller) {
        TreeSet<String> out = new TreeSet<>();
        if (caller.service().isPresent()) {
            Optional.ofNullable(project.services().get(caller.service().get())).flatMap(Service::awsRole).ifPresent(out::add);
            return List.copyOf(out);
        }
        Optional<User> user = caller.user().map(project.users()::get);
        user.flatMap(User::awsRole).ifPresent(out::add);
        TreeSet<String> groups = new TreeSet<>(caller.groups());
        user.ifPresent(u -> groups.addAll(u.groups()));
        for (String group : groups) {
            Optional.ofNullable(project.groups().get(group)).flatMap(Group::awsRole).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static String policyFile(List<Policy> policies, String sid) {
        return policies.stream().filter(p -> p.document().statements().stream().anyMatch(s -> sid.equals(s.sid().orElse(null))))
                .map(Policy::file).findFirst().orElse(policies.get(0).file());
    }

    /** Sid → rule ids per role, from the emitted ir.json: a Sid names only the first of the rules a statement merges. */
    private static Map<String, Map<String, List<String>>> provenance(Map<String, String> artifacts) throws UnreadableArtifactException {
        String json = artifacts.get("ir.json");
        if (json == null) {
            throw new UnreadableArtifactException("ir.json", "is missing: it carries the provenance of the IAM statements");
        }
        Ir ir;
        try {
            ir = IrJson.read(json);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableArtifactException("ir.json", "cannot be read: " + e.getMessage());
        }
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        for (CloudIdentityLayer.Role role : ir.cloudIdentity().roles()) {
            Map<String, List<String>> sids = new TreeMap<>();
            role.statements().forEach(s -> sids.put(s.sid(), s.ruleIds()));
            out.put(role.name(), sids);
        }
        return out;
    }
}
