package dev.ztc.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.ztc.intent.AcmeProject.rule;

/**
 * {@code can}: levels are independent, admin implies every level of the asset, and a raw IAM action falls
 * inside a level when the catalog lists it there; a raw action in a rule grants only that action.
 */
class ActionMatchingTest {

    private static AcmeProject.RuleSpec reports(String can) {
        return rule("R-1", "user:alice", can, "finance-reports");
    }

    private static Row allows(String name, String can, String wants) {
        return Row.allows(name, Ask.user("alice").wants(wants), "R-1", reports(can));
    }

    private static Row denies(String name, String can, String wants) {
        return Row.denies(name, Ask.user("alice").wants(wants),
                "no rule grants " + wants + " on asset:finance-reports to user alice", reports(can));
    }

    static Stream<Row> levels() {
        return Stream.of(
                allows("read grants read", "read", "read"),
                denies("write does not imply read", "write", "read"),
                denies("read does not imply write", "read", "write"),
                denies("list does not imply read", "list", "read"),
                denies("read does not imply list", "read", "list"),
                denies("delete does not imply write", "delete", "write"),
                allows("admin implies read", "admin", "read"),
                allows("admin implies write", "admin", "write"),
                allows("admin implies list", "admin", "list"),
                allows("admin implies delete", "admin", "delete"),
                allows("admin grants admin", "admin", "admin"),
                denies("read does not imply admin", "read", "admin"),
                Row.denies("admin does not invent a level the kind lacks", Ask.user("alice").wants("connect"),
                        List.of("kind s3-bucket has no level connect",
                                "no rule grants connect on asset:finance-reports to user alice"), reports("admin")),
                Row.allows("database connect", Ask.user("alice").wants("connect").on("payments-db"), "D-1",
                        rule("D-1", "user:alice", "connect", "payments-db")),
                Row.allows("database admin implies connect", Ask.user("alice").wants("connect").on("payments-db"), "D-1",
                        rule("D-1", "user:alice", "admin", "payments-db")),
                Row.denies("saas read does not imply invoke", Ask.user("alice").wants("invoke").on("crm"),
                        "no rule grants invoke on asset:crm to user alice", rule("C-1", "user:alice", "read", "crm")),
                Row.allows("saas admin implies invoke", Ask.user("alice").wants("invoke").on("crm"), "C-1",
                        rule("C-1", "user:alice", "admin", "crm")),
                Row.denies("kind unknown to the catalog grants nothing", Ask.user("alice").wants("connect").on("mainframe"),
                        List.of("asset:mainframe has kind 'mainframe' that the catalog does not define",
                                "no rule grants connect on asset:mainframe to user alice"),
                        rule("M-1", "user:alice", "connect", "mainframe")));
    }

    static Stream<Row> iamActions() {
        return Stream.of(
                allows("read covers s3:GetObject", "read", "s3:GetObject"),
                allows("read covers s3:GetObjectVersion", "read", "s3:GetObjectVersion"),
                denies("read does not cover s3:PutObject", "read", "s3:PutObject"),
                denies("read does not cover s3:ListBucket", "read", "s3:ListBucket"),
                allows("write covers s3:PutObject", "write", "s3:PutObject"),
                denies("write does not cover s3:GetObject", "write", "s3:GetObject"),
                allows("admin covers read's s3:GetObject", "admin", "s3:GetObject"),
                allows("admin covers delete's s3:DeleteObject", "admin", "s3:DeleteObject"),
                allows("admin covers its own s3:PutBucketPolicy", "admin", "s3:PutBucketPolicy"),
                denies("read does not cover admin's s3:PutBucketPolicy", "read", "s3:PutBucketPolicy"),
                denies("no level covers an action outside the kind", "admin", "s3:DeleteBucket"),
                allows("IAM action names are case-insensitive", "read", "s3:getobject"),
                allows("raw rule grants the equal action", "s3:GetObject", "s3:GetObject"),
                denies("raw rule grants only itself", "s3:GetObject", "s3:GetObjectVersion"),
                denies("a level request never matches a raw rule", "s3:GetObject", "read"),
                allows("raw wildcard rule covers what it spells", "s3:Get*", "s3:GetObjectTagging"),
                denies("raw wildcard rule covers no other prefix", "s3:Get*", "s3:PutObject"),
                denies("a wildcard request is not inside a level", "read", "s3:Get*"),
                allows("a wildcard request inside a wider raw wildcard", "s3:*", "s3:Get*"),
                denies("a wider wildcard request outside a narrower one", "s3:GetO*", "s3:Get*"),
                Row.allows("dynamodb read covers Query", Ask.user("alice").wants("dynamodb:Query").on("ledger"), "T-1",
                        rule("T-1", "user:alice", "read", "ledger")),
                Row.denies("dynamodb read does not cover Scan (list)", Ask.user("alice").wants("dynamodb:Scan").on("ledger"),
                        "no rule grants dynamodb:Scan on asset:ledger to user alice", rule("T-1", "user:alice", "read", "ledger")),
                Row.denies("an s3 action is not inside a dynamodb level", Ask.user("alice").wants("s3:GetObject").on("ledger"),
                        "no rule grants s3:GetObject on asset:ledger to user alice", rule("T-1", "user:alice", "admin", "ledger")),
                Row.denies("an IAM action on an HTTP API", Ask.user("alice").wants("s3:GetObject").on("finance-api"),
                        "no rule grants s3:GetObject on asset:finance-api to user alice",
                        rule("A-1", "user:alice", "admin", "finance-api")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void levels(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iamActions")
    void iamActions(Row row) {
        row.check();
    }
}
