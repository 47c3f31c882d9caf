package dev.ztc.check;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import dev.ztc.load.Names;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.Condition;
import dev.ztc.model.Conditions;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Subject;
import dev.ztc.model.Located;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Project;
import dev.ztc.model.Request;
import dev.ztc.model.UnboundRule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage "check": duplicate ids, dangling references, fields each asset kind needs, levels each kind
 * defines, and conditions a subject could never satisfy. Reports every problem, then fails once.
 */
public final class ProjectChecker {

    private final Project project;
    private final ResolvedProject resolved;
    private final Diagnostics diagnostics;

    private ProjectChecker(Project project, Diagnostics diagnostics) {
        this.project = project;
        this.resolved = ResolvedProject.of(project);
        this.diagnostics = diagnostics;
    }

    public static ResolvedProject check(Project project) throws InputException {
        Diagnostics diagnostics = new Diagnostics();
        ResolvedProject resolved = check(project, diagnostics);
        diagnostics.throwIfErrors();
        return resolved;
    }

    /** Adds this stage's problems to those the loader found; the result is only valid when there are none. */
    public static ResolvedProject check(Project project, Diagnostics diagnostics) {
        ProjectChecker checker = new ProjectChecker(project, diagnostics);
        checker.run();
        return checker.resolved;
    }

    private void run() {
        var inv = project.inventory();
        unique("group", inv.groups());
        unique("user", inv.users());
        unique("service", inv.services());
        unique("device", inv.devices());
        unique("location", inv.locations());
        unique("segment", inv.segments());
        unique("asset", inv.assets());
        unique("rule", project.matrix().rules());

        inv.users().forEach(u -> u.groups().forEach(g -> exists(resolved.groups(), "group", g, u.at())));
        inv.services().forEach(s -> exists(resolved.segments(), "segment", s.segment(), s.at()));
        inv.assets().forEach(this::asset);
        roleOwners();
        project.matrix().rules().forEach(this::rule);
        project.matrix().unbound().forEach(this::unbound);
        project.requests().forEach(this::request);
    }

    /**
     * A role belongs to one group, user or service: its policies hold the grants of its owner, so a second
     * owner would receive the first one's grants (and one trust policy cannot serve people and workloads).
     */
    private void roleOwners() {
        Map<String, String> owners = new HashMap<>();
        var inv = project.inventory();
        inv.groups().forEach(g -> g.awsRole().ifPresent(r -> ownRole(owners, r, "group:" + g.id(), g.at())));
        inv.users().forEach(u -> u.awsRole().ifPresent(r -> ownRole(owners, r, "user:" + u.id(), u.at())));
        inv.services().forEach(s -> s.awsRole().ifPresent(r -> ownRole(owners, r, "service:" + s.id(), s.at())));
    }

    private void ownRole(Map<String, String> owners, String role, String owner, SourceLocation at) {
        String first = owners.putIfAbsent(role, owner);
        if (first != null) {
            diagnostics.error(at, ErrorCode.DUPLICATE_ID, "aws_role '" + role + "' of " + owner + " is already the role of "
                    + first + "; each role holds exactly its owner's grants, so give each its own");
        }
    }

    private void asset(Asset asset) {
        asset.segment().ifPresent(s -> exists(resolved.segments(), "segment", s, asset.at()));
        var kind = project.catalog().kind(asset.kind());
        if (kind.isEmpty()) {
            diagnostics.error(asset.at(), ErrorCode.INVALID_VALUE, "asset '" + asset.id() + "' has unknown kind '"
                    + asset.kind() + "' (known: " + String.join(", ", project.catalog().kinds().keySet())
                    + "; add it in catalog.yaml)");
            return;
        }
        Map<String, Boolean> present = Map.of(
                "segment", asset.segment().isPresent(), "ports", !asset.ports().isEmpty(), "arn", asset.arn().isPresent(),
                "base_path", asset.basePath().isPresent(), "azure_app_id", asset.azureAppId().isPresent());
        for (String field : kind.get().requires()) {
            if (!present.get(field)) {
                diagnostics.error(asset.at(), ErrorCode.MISSING_FIELD, "asset '" + asset.id() + "' of kind "
                        + asset.kind() + " is missing required '" + field + "'");
            }
        }
        asset.arn().ifPresent(arn -> arnService(asset, kind.get(), arn));
    }

    /** An ARN must belong to the AWS service whose actions the kind grants: a bucket's ARN is arn:aws:s3:... */
    private void arnService(Asset asset, Catalog.AssetKind kind, String arn) {
        Set<String> services = new java.util.TreeSet<>();
        kind.levels().values().forEach(m -> m.iam().forEach(g -> g.actions().forEach(a -> services.add(a.substring(0, a.indexOf(':'))))));
        String service = arn.split(":", -1)[2];
        if (!services.isEmpty() && !services.contains(service)) {
            diagnostics.error(asset.at(), ErrorCode.INVALID_VALUE, "asset '" + asset.id() + "' of kind " + asset.kind()
                    + " needs an ARN of service " + String.join(" or ", services) + ", not '" + service + "'");
        }
    }

    private void rule(MatrixRule rule) {
        boolean whoOk = subjectExists(rule.who());
        boolean whatOk = exists(resolved.assets(), "asset", rule.what(), rule.whatAt());
        conditionReferences(rule.when());
        if (!rule.who().kind().isPeople()) {
            for (Condition c : Condition.present(rule.when())) {
                if (c == Condition.FROM) {
                    diagnostics.error(rule.when().at(), ErrorCode.INVALID_VALUE, "rule " + rule.id() + ": 'from' places people; "
                            + rule.who() + " already has its own place on the network");
                } else if (c != Condition.HOURS) {
                    diagnostics.error(rule.when().at(), ErrorCode.INVALID_VALUE, "rule " + rule.id() + ": '" + c.label()
                            + "' is about people signing in; " + rule.who() + " can never satisfy it");
                }
            }
        }
        if (!whatOk) {
            return;
        }
        Asset asset = resolved.assets().get(rule.what());
        var kind = project.catalog().kind(asset.kind());
        if (kind.isEmpty()) {
            return;
        }
        var actionProblem = ActionCheck.forRule(asset, kind.get(), rule.can());
        actionProblem.ifPresent(problem ->
                diagnostics.error(rule.canAt(), ErrorCode.UNKNOWN_LEVEL, "rule " + rule.id() + ": " + problem));
        if (whoOk && actionProblem.isEmpty() && Enforcement.layers(resolved, rule).contains(EnforcementLayer.WORKFORCE_IDENTITY)) {
            entraIdentity(rule);
        }
        if (whoOk && actionProblem.isEmpty() && Enforcement.layers(resolved, rule).isEmpty()) {
            diagnostics.error(rule.at(), ErrorCode.INVALID_VALUE, "rule " + rule.id() + ": no enforcement point can realize "
                    + rule.who() + " " + rule.can().text() + " on asset:" + rule.what() + " ("
                    + ActionCheck.whyUnenforceable(resolved, rule) + ")");
        }
    }

    /** A rule that did not bind is an error already; what it names must exist all the same. */
    private void unbound(UnboundRule rule) {
        rule.who().ifPresent(this::subjectExists);
        rule.what().ifPresent(what -> exists(resolved.assets(), "asset", what, rule.whatAt()));
        conditionReferences(rule.when());
    }

    private boolean subjectExists(Subject who) {
        return switch (who.kind()) {
            case GROUP -> exists(resolved.groups(), "group", who.id(), who.at());
            case USER -> exists(resolved.users(), "user", who.id(), who.at());
            case SERVICE -> exists(resolved.services(), "service", who.id(), who.at());
            case SEGMENT -> exists(resolved.segments(), "segment", who.id(), who.at());
            case LOCATION -> exists(resolved.locations(), "location", who.id(), who.at());
        };
    }

    private void conditionReferences(Conditions when) {
        when.device().ifPresent(d -> exists(resolved.devices(), "device", d, when.placeOf("device")));
        when.from().forEach(l -> exists(resolved.locations(), "location", l, when.placeOf("from:" + l)));
    }

    /** Conditional Access names people by Entra object: a group needs its display name or id, a user a UPN. */
    private void entraIdentity(MatrixRule rule) {
        if (rule.who().kind() == Subject.Kind.GROUP) {
            var group = resolved.groups().get(rule.who().id());
            if (group.azureGroup().isEmpty() && group.azureGroupId().isEmpty()) {
                diagnostics.error(group.at(), ErrorCode.MISSING_FIELD, "group '" + group.id() + "' is granted the Entra app of asset '"
                        + rule.what() + "' by rule " + rule.id() + " but has neither azure_group nor azure_group_id");
            }
        } else if (rule.who().kind() == Subject.Kind.USER) {
            var user = resolved.users().get(rule.who().id());
            if (user.upn().isEmpty()) {
                diagnostics.error(user.at(), ErrorCode.MISSING_FIELD, "user '" + user.id() + "' is granted the Entra app of asset '"
                        + rule.what() + "' by rule " + rule.id() + " but has no upn");
            }
        }
    }

    private void request(Request request) {
        request.device().ifPresent(d -> {
            if (d instanceof Request.DeviceClaim.Posture p) {
                exists(resolved.devices(), "device", p.id(), request.location());
            }
        });
        if (!exists(resolved.assets(), "asset", request.resource(), request.location())) {
            return;
        }
        Asset asset = resolved.assets().get(request.resource());
        project.catalog().kind(asset.kind()).flatMap(kind -> ActionCheck.forRequest(asset, kind, request.action()))
                .ifPresent(problem -> diagnostics.error(request.location(), ErrorCode.UNKNOWN_LEVEL,
                        "request '" + request.name() + "': " + problem));
    }

    private <T extends Located> void unique(String what, List<T> elements) {
        Map<String, T> seen = new HashMap<>();
        for (T e : elements) {
            T first = seen.putIfAbsent(e.id(), e);
            if (first != null) {
                diagnostics.error(e.at(), ErrorCode.DUPLICATE_ID, "duplicate " + what + " id '" + e.id()
                        + "' (first defined at " + first.at() + ")");
            }
        }
    }

    private boolean exists(Map<String, ?> index, String what, String id, SourceLocation at) {
        if (index.containsKey(id)) {
            return true;
        }
        diagnostics.error(at, ErrorCode.UNKNOWN_REFERENCE, "unknown " + what + " '" + id + "'" + Names.suggestion(id, index.keySet()));
        return false;
    }
}
