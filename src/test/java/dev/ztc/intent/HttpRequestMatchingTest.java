package dev.ztc.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.ztc.intent.AcmeProject.rule;

/**
 * Raw HTTP requests on finance-api (base_path /api/finance): methods per level, raw path rules, and paths
 * that try to escape the base path or the rule pattern through encoding and dot segments.
 */
class HttpRequestMatchingTest {

    private static final String NOTHING = "no rule grants %s on asset:finance-api to user alice";

    private static AcmeProject.RuleSpec api(String can) {
        return rule("H-1", "user:alice", can, "finance-api");
    }

    private static Row allows(String name, String can, String wants) {
        return Row.allows(name, Ask.user("alice").wants(wants).on("finance-api"), "H-1", api(can));
    }

    private static Row denies(String name, String can, String wants) {
        return Row.denies(name, Ask.user("alice").wants(wants).on("finance-api"), NOTHING.formatted(wants), api(can));
    }

    /** Denied before any rule is looked at, with the action's own reason first. */
    private static Row unmatchable(String name, String can, String wants, String why) {
        return Row.denies(name, Ask.user("alice").wants(wants).on("finance-api"), List.of(why, NOTHING.formatted(wants)),
                api(can));
    }

    static Stream<Row> methods() {
        return Stream.of(
                allows("read grants GET", "read", "GET /api/finance/reports"),
                allows("read grants HEAD", "read", "HEAD /api/finance/reports"),
                denies("read does not grant POST", "read", "POST /api/finance/reports"),
                denies("methods are case-sensitive", "read", "get /api/finance/reports"),
                allows("write grants POST", "write", "POST /api/finance/reports"),
                allows("write grants PATCH", "write", "PATCH /api/finance/reports/1"),
                denies("write does not grant GET", "write", "GET /api/finance/reports"),
                allows("delete grants DELETE", "delete", "DELETE /api/finance/reports/1"),
                allows("invoke grants POST", "invoke", "POST /api/finance/run"),
                allows("admin grants DELETE", "admin", "DELETE /api/finance/reports/1"),
                allows("admin grants OPTIONS", "admin", "OPTIONS /api/finance"),
                allows("the base path itself is under the base path", "read", "GET /api/finance"),
                allows("raw rule prefix", "GET /api/finance/reports/*", "GET /api/finance/reports/q1"),
                allows("raw rule prefix, deeper", "GET /api/finance/reports/*", "GET /api/finance/reports/2026/q1"),
                denies("raw rule needs the same method", "GET /api/finance/reports/*", "POST /api/finance/reports/q1"),
                denies("raw rule prefix needs the slash", "GET /api/finance/reports/*", "GET /api/finance/reports"),
                denies("raw rule prefix is not a sibling", "GET /api/finance/reports/*", "GET /api/finance/reportsX/q1"),
                denies("raw rule does not grant its level", "GET /api/finance/reports/*", "read"),
                allows("exact raw rule", "GET /api/finance/reports", "GET /api/finance/reports"),
                allows("exact raw rule with trailing slash", "GET /api/finance/reports", "GET /api/finance/reports/"),
                denies("exact raw rule is not a prefix", "GET /api/finance/reports", "GET /api/finance/reports/q1"),
                Row.allows("base_path / holds every path", Ask.user("alice").wants("GET /anything/at/all").on("root-api"),
                        "H-9", rule("H-9", "user:alice", "read", "root-api")),
                Row.denies("HTTP request on an asset without base_path",
                        Ask.user("alice").wants("GET /api/finance").on("finance-reports"),
                        List.of("asset:finance-reports has no base_path, so no HTTP request matches it",
                                "no rule grants GET /api/finance on asset:finance-reports to user alice"),
                        rule("R-1", "user:alice", "admin", "finance-reports")));
    }

    static Stream<Row> normalization() {
        String reports = "GET /api/finance/reports/*";
        return Stream.of(
                allows("dot segments and double slashes", reports, "GET /api/finance/./reports//q1"),
                allows("parent step that stays inside", reports, "GET /api/finance/admin/../reports/q1"),
                allows("percent-encoded letters", reports, "GET /api/finance/%72eports/q1"),
                // an encoded "/", "\\" or ".", or a ";" parameter, is read differently by different backends
                unmatchable("percent-encoded slash", reports, "GET /api/finance%2Freports%2Fq1",
                        "path /api/finance%2Freports%2Fq1 has no normal form"),
                allows("query string is not the path", reports, "GET /api/finance/reports/q1?next=../../admin"),
                denies("parent step out of the pattern", reports, "GET /api/finance/reports/../admin"),
                unmatchable("encoded parent step", reports, "GET /api/finance/reports/%2e%2e/admin",
                        "path /api/finance/reports/%2e%2e/admin has no normal form"),
                unmatchable("upper-case encoded parent steps", "read", "GET /api/finance/%2E%2E/hr",
                        "path /api/finance/%2E%2E/hr has no normal form"),
                unmatchable("encoded slashes and parents", "read", "GET /api/finance/..%2f..%2fetc/passwd",
                        "path /api/finance/..%2f..%2fetc/passwd has no normal form"),
                unmatchable("a path parameter that Tomcat reads as a parent step", "read",
                        "GET /api/finance/reports/x/..;/..;/hr",
                        "path /api/finance/reports/x/..;/..;/hr has no normal form"),
                unmatchable("more segments than any route needs", "read", "GET /api/finance" + "/a".repeat(200),
                        "path /api/finance" + "/a".repeat(200) + " has no normal form"),
                unmatchable("a longer sibling of the base path", "read", "GET /api/financeX/reports",
                        "path /api/financeX/reports is outside base_path /api/finance of asset:finance-api"),
                unmatchable("a prefix of the base path", "read", "GET /api/fin",
                        "path /api/fin is outside base_path /api/finance of asset:finance-api"),
                unmatchable("climbing above the root", "read", "GET /../api/finance/reports",
                        "path /../api/finance/reports has no normal form"),
                unmatchable("double encoding", "read", "GET /api/finance/%252e%252e/hr",
                        "path /api/finance/%252e%252e/hr has no normal form"),
                unmatchable("encoded query mark", "read", "GET /api/finance/reports%3f/x",
                        "path /api/finance/reports%3f/x has no normal form"),
                unmatchable("relative path", "read", "GET api/finance/reports",
                        "path api/finance/reports has no normal form"),
                unmatchable("encoded NUL", "read", "GET /api/finance/reports%00",
                        "path /api/finance/reports%00 has no normal form"),
                unmatchable("backslash", "read", "GET /api/finance\\..\\hr",
                        "path /api/finance\\..\\hr has no normal form"),
                unmatchable("broken percent escape", "read", "GET /api/finance/%zz",
                        "path /api/finance/%zz has no normal form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void methods(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalization")
    void normalization(Row row) {
        row.check();
    }
}
