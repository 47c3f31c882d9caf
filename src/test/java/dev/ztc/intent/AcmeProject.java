package dev.ztc.intent;

import dev.ztc.diag.SourceLocation;
import dev.ztc.load.ProjectLoader;
import dev.ztc.load.Values;
import dev.ztc.model.Asset;
import dev.ztc.model.Conditions;
import dev.ztc.model.DeviceProfile;
import dev.ztc.model.Group;
import dev.ztc.model.Inventory;
import dev.ztc.model.Matrix;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.NamedNetwork;
import dev.ztc.model.PortRange;
import dev.ztc.model.Project;
import dev.ztc.model.Risk;
import dev.ztc.model.Sensitivity;
import dev.ztc.model.Service;
import dev.ztc.model.Settings;
import dev.ztc.model.Subject;
import dev.ztc.model.User;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory of DESIGN.md's example, grown by what the tests need, built from model records so that
 * each test states only its rules. Rules are written as in matrix.yaml and parsed by the loader's parsers.
 */
final class AcmeProject {

    static final SourceLocation HERE = SourceLocation.of("test");

    private AcmeProject() {
    }

    static Inventory inventory() {
        return new Inventory(1, "acme", Optional.empty(), Optional.empty(),
                List.of(group("finance-analysts"), group("sre"), group("contractors")),
                List.of(new User("alice", Optional.empty(), List.of("finance-analysts"), Optional.empty(), HERE),
                        new User("bob", Optional.empty(), List.of(), Optional.empty(), HERE),
                        new User("carol", Optional.empty(), List.of("sre"), Optional.empty(), HERE)),
                List.of(new Service("payments-api", "payments", Optional.empty(), HERE),
                        new Service("reporting", "web", Optional.empty(), HERE)),
                List.of(device("managed", true, true, Map.of("macos", "14.0", "windows", "10.0.22621")),
                        device("strict-mac", true, true, Map.of("macos", "14.2")),
                        device("old-mac", true, true, Map.of("macos", "13.0")),
                        device("any-os", true, true, Map.of()),
                        device("byod", false, false, Map.of()),
                        device("patched-ios", false, false, Map.of("ios", "17.4"))),
                List.of(network("corp-office", "203.0.113.0/24"), network("branch", "192.0.2.0/24"),
                        network("v6-office", "2001:db8:1::/48")),
                List.of(network("web", "10.0.1.0/24"), network("payments", "10.0.2.0/24"),
                        network("data", "10.0.3.0/24", "10.0.4.0/24")),
                List.of(asset("payments-db", "database", Optional.of("data"), Optional.empty(), Optional.empty()),
                        asset("finance-reports", "s3-bucket", Optional.empty(),
                                Optional.of("arn:aws:s3:::acme-finance-reports"), Optional.empty()),
                        asset("ledger", "dynamodb-table", Optional.empty(),
                                Optional.of("arn:aws:dynamodb:eu-west-1:111122223333:table/ledger"), Optional.empty()),
                        asset("finance-api", "http-api", Optional.of("payments"), Optional.empty(),
                                Optional.of("/api/finance")),
                        asset("root-api", "http-api", Optional.of("web"), Optional.empty(), Optional.of("/")),
                        asset("crm", "saas-app", Optional.empty(), Optional.empty(), Optional.empty()),
                        asset("mainframe", "mainframe", Optional.of("data"), Optional.empty(), Optional.empty())),
                HERE);
    }

    static IntentEvaluator evaluator(MatrixRule... rules) {
        return new IntentEvaluator(project(List.of(rules)));
    }

    static Project project(List<MatrixRule> rules) {
        return new Project(Path.of("."), inventory(), new Matrix(1, rules, HERE), List.of(),
                Settings.defaults(HERE), ProjectLoader.builtInCatalog());
    }

    /** {@code rule("FIN-1", "group:finance-analysts", "read", "finance-reports")}, then conditions. */
    static RuleSpec rule(String id, String who, String can, String what) {
        return new RuleSpec(id, who, can, what);
    }

    static final class RuleSpec {
        private final String id;
        private final String who;
        private final String can;
        private final String what;
        private Optional<Boolean> mfa = Optional.empty();
        private Optional<String> device = Optional.empty();
        private final List<String> from = new ArrayList<>();
        private Optional<String> hours = Optional.empty();
        private Optional<String> jit = Optional.empty();
        private Optional<String> risk = Optional.empty();

        private RuleSpec(String id, String who, String can, String what) {
            this.id = id;
            this.who = who;
            this.can = can;
            this.what = what;
        }

        RuleSpec mfa() {
            mfa = Optional.of(true);
            return this;
        }

        RuleSpec device(String posture) {
            device = Optional.of(posture);
            return this;
        }

        RuleSpec from(String... locations) {
            from.addAll(List.of(locations));
            return this;
        }

        RuleSpec hours(String text) {
            hours = Optional.of(text);
            return this;
        }

        RuleSpec jit(String maxSession) {
            jit = Optional.of(maxSession);
            return this;
        }

        RuleSpec risk(String max) {
            risk = Optional.of(max);
            return this;
        }

        MatrixRule build() {
            int colon = who.indexOf(':');
            Subject.Kind kind = Subject.Kind.valueOf(who.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
            Conditions when = new Conditions(mfa, device, from.stream().sorted().toList(), hours.map(Values::hours),
                    jit.map(Values::duration), risk.map(r -> Risk.parse(r).orElseThrow()), HERE);
            return new MatrixRule(id, new Subject(kind, who.substring(colon + 1), HERE), Values.action(can), what,
                    HERE, when, HERE);
        }
    }

    private static Group group(String id) {
        return new Group(id, Optional.empty(), Optional.empty(), Optional.empty(), HERE);
    }

    private static DeviceProfile device(String id, boolean compliant, boolean encrypted, Map<String, String> minOs) {
        return new DeviceProfile(id, compliant ? Optional.of(true) : Optional.empty(),
                encrypted ? Optional.of(true) : Optional.empty(), minOs, HERE);
    }

    private static NamedNetwork network(String id, String... cidrs) {
        return new NamedNetwork(id, List.of(cidrs), HERE);
    }

    private static Asset asset(String id, String kind, Optional<String> segment, Optional<String> arn,
                               Optional<String> basePath) {
        List<PortRange> ports = segment.isPresent() ? List.of(new PortRange(443, 443, "tcp")) : List.of();
        return new Asset(id, kind, segment, ports, arn, basePath,
                kind.equals("saas-app") ? Optional.of("11111111-2222-3333-4444-555555555555") : Optional.empty(),
                Sensitivity.CONFIDENTIAL, false, HERE);
    }
}
