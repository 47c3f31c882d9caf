package dev.ztc.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.ztc.intent.AcmeProject.rule;

/** {@code who}: groups (claimed or from the inventory), users, services from their own segment, networks. */
class SubjectMatchingTest {

    static Stream<Row> rows() {
        var analysts = rule("G-1", "group:finance-analysts", "read", "finance-reports");
        var alice = rule("U-1", "user:alice", "read", "finance-reports");
        var payments = rule("PAY-1", "service:payments-api", "connect", "payments-db");
        var web = rule("S-1", "segment:web", "connect", "payments-db");
        var data = rule("S-2", "segment:data", "connect", "payments-db");
        var office = rule("L-1", "location:corp-office", "read", "finance-reports");
        var v6 = rule("L-2", "location:v6-office", "read", "finance-reports");
        return Stream.of(
                Row.allows("group claimed by the caller", Ask.groups("finance-analysts"), "G-1", analysts),
                Row.allows("group from the inventory user's membership", Ask.user("alice"), "G-1", analysts),
                Row.allows("group claimed beside an unrelated user", Ask.user("bob").inGroups("finance-analysts"), "G-1", analysts),
                Row.denies("user outside the group", Ask.user("bob"),
                        "no rule grants read on asset:finance-reports to user bob", analysts),
                Row.denies("group names compare exactly", Ask.groups("Finance-Analysts"),
                        "no rule grants read on asset:finance-reports to groups Finance-Analysts", analysts),
                Row.denies("group unknown to the inventory grants nothing, even when claimed", Ask.groups("ghosts"),
                        "no rule grants read on asset:finance-reports to groups ghosts",
                        rule("G-X", "group:ghosts", "read", "finance-reports")),
                Row.allows("user by id", Ask.user("alice"), "U-1", alice),
                Row.denies("another user", Ask.user("bob"),
                        "no rule grants read on asset:finance-reports to user bob", alice),
                Row.denies("user rule does not match a caller with only groups", Ask.groups("finance-analysts"),
                        "no rule grants read on asset:finance-reports to groups finance-analysts", alice),
                Row.denies("user unknown to the inventory grants nothing", Ask.user("dave"),
                        "no rule grants read on asset:finance-reports to user dave",
                        rule("U-X", "user:dave", "read", "finance-reports")),
                Row.allows("service from its own segment", Ask.service("payments-api").from("10.0.2.15")
                        .wants("connect").on("payments-db"), "PAY-1", payments),
                Row.denies("service from another segment is not itself",
                        Ask.service("payments-api").from("10.0.1.15").wants("connect").on("payments-db"),
                        List.of("PAY-1: service payments-api calls from 10.0.1.15, not from its segment payments",
                                "no rule grants connect on asset:payments-db to service payments-api"), payments),
                Row.denies("service from outside the VPC", Ask.service("payments-api").from("203.0.113.10")
                                .wants("connect").on("payments-db"),
                        List.of("PAY-1: service payments-api calls from 203.0.113.10, not from its segment payments",
                                "no rule grants connect on asset:payments-db to service payments-api"), payments),
                Row.denies("service without source_ip", Ask.service("payments-api").wants("connect").on("payments-db"),
                        List.of("PAY-1: service payments-api has no source_ip; it must call from segment payments",
                                "no rule grants connect on asset:payments-db to service payments-api"), payments),
                Row.denies("another service from the right segment", Ask.service("reporting").from("10.0.2.15")
                                .wants("connect").on("payments-db"),
                        "no rule grants connect on asset:payments-db to service reporting", payments),
                Row.allows("segment source", Ask.service("reporting").from("10.0.1.7").wants("connect").on("payments-db"),
                        "S-1", web),
                Row.denies("segment: source in another segment", Ask.service("reporting").from("10.0.2.7")
                        .wants("connect").on("payments-db"),
                        "no rule grants connect on asset:payments-db to service reporting", web),
                Row.denies("segment: no source_ip", Ask.service("reporting").wants("connect").on("payments-db"),
                        "no rule grants connect on asset:payments-db to service reporting", web),
                Row.allows("segment: second CIDR of the segment", Ask.anonymous().from("10.0.4.9")
                        .wants("connect").on("payments-db"), "S-2", data),
                Row.denies("segment: shorthand address is not an address", Ask.anonymous().from("10.0.1")
                        .wants("connect").on("payments-db"),
                        "no rule grants connect on asset:payments-db to an anonymous caller", web),
                Row.allows("location source", Ask.user("bob").from("203.0.113.10"), "L-1", office),
                Row.denies("location: source next door", Ask.user("bob").from("203.0.114.10"),
                        "no rule grants read on asset:finance-reports to user bob", office),
                Row.allows("location: IPv6 source", Ask.user("bob").from("2001:db8:1::5"), "L-2", v6),
                Row.denies("location: IPv6 source outside", Ask.user("bob").from("2001:db8:2::5"),
                        "no rule grants read on asset:finance-reports to user bob", v6),
                Row.denies("what: the rule is for another asset", Ask.user("alice").on("ledger"),
                        "no rule grants read on asset:ledger to user alice", analysts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(Row row) {
        row.check();
    }
}
