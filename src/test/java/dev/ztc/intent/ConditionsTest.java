package dev.ztc.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.ztc.intent.AcmeProject.rule;

/** {@code when}: each condition alone, positive and negative, and all of a rule's conditions together. */
class ConditionsTest {

    private static AcmeProject.RuleSpec fin() {
        return rule("FIN-1", "group:finance-analysts", "read", "finance-reports");
    }

    private static Ask alice() {
        return Ask.user("alice");
    }

    static Stream<Row> mfaAndDevice() {
        var managed = fin().device("managed");
        var strict = fin().device("strict-mac");
        return Stream.of(
                Row.allows("mfa present", alice().mfa(), "FIN-1", fin().mfa()),
                Row.denies("mfa missing", alice(), "FIN-1: mfa required", fin().mfa()),
                Row.allows("device names the posture", alice().posture("managed"), "FIN-1", managed),
                Row.allows("device names a stricter posture", alice().posture("strict-mac"), "FIN-1", managed),
                Row.denies("posture with a lower OS minimum", alice().posture("old-mac"),
                        "FIN-1: device 'managed' not satisfied (posture 'old-mac' allows macos 13.0 < 14.0)", managed),
                Row.denies("posture without compliance", alice().posture("byod"),
                        "FIN-1: device 'managed' not satisfied (posture 'byod' does not require compliant)", managed),
                Row.denies("posture allowing any OS", alice().posture("any-os"),
                        "FIN-1: device 'managed' not satisfied (posture 'any-os' allows any os)", managed),
                Row.denies("unknown posture", alice().posture("ghost"),
                        "FIN-1: device 'managed' not satisfied (posture 'ghost' is unknown)", managed),
                Row.denies("no device", alice(), "FIN-1: device 'managed' not satisfied (no device)", managed),
                Row.denies("rule posture missing from the inventory", alice().posture("phantom"),
                        "FIN-1: device 'phantom' not satisfied (posture is not in the inventory)", fin().device("phantom")),
                Row.allows("facts meet the posture", alice().facts(true, true, "macos", "14.2"), "FIN-1", managed),
                Row.denies("facts: OS too old", alice().facts(true, true, "macos", "13.6"),
                        "FIN-1: device 'managed' not satisfied (os_version 13.6 < 14.0)", managed),
                Row.allows("facts: 14.10 > 14.2 numerically", alice().facts(true, true, "macos", "14.10"), "FIN-1", strict),
                Row.denies("facts: 14.1 < 14.2", alice().facts(true, true, "macos", "14.1"),
                        "FIN-1: device 'strict-mac' not satisfied (os_version 14.1 < 14.2)", strict),
                Row.denies("facts: 10.0.9999 < 10.0.22621", alice().facts(true, true, "windows", "10.0.9999"),
                        "FIN-1: device 'managed' not satisfied (os_version 10.0.9999 < 10.0.22621)", managed),
                Row.allows("facts: 10.0.22631 >= 10.0.22621", alice().facts(true, true, "windows", "10.0.22631"),
                        "FIN-1", managed),
                Row.allows("facts: 14 equals 14.0", alice().facts(true, true, "macos", "14"), "FIN-1", managed),
                Row.allows("facts: OS name case does not matter", alice().facts(true, true, "MacOS", "14.0"), "FIN-1", managed),
                Row.denies("facts: OS not listed", alice().facts(true, true, "linux", "6.8"),
                        "FIN-1: device 'managed' not satisfied (os linux not in macos, windows)", managed),
                Row.denies("facts: not compliant", alice().facts(false, true, "macos", "14.2"),
                        "FIN-1: device 'managed' not satisfied (not compliant)", managed),
                Row.denies("facts: compliance unknown", alice().facts(null, true, "macos", "14.2"),
                        "FIN-1: device 'managed' not satisfied (compliant unknown)", managed),
                Row.denies("facts: not encrypted", alice().facts(true, false, "macos", "14.2"),
                        "FIN-1: device 'managed' not satisfied (not encrypted)", managed),
                Row.denies("facts: OS unknown", alice().facts(true, true, null, null),
                        "FIN-1: device 'managed' not satisfied (os unknown)", managed),
                Row.denies("facts: version unknown", alice().facts(true, true, "macos", null),
                        "FIN-1: device 'managed' not satisfied (os_version unknown)", managed),
                Row.denies("facts: version not numeric", alice().facts(true, true, "macos", "14.x"),
                        "FIN-1: device 'managed' not satisfied (os_version unknown)", managed),
                Row.allows("facts: a posture without requirements takes any device", alice().facts(null, null, null, null),
                        "FIN-1", fin().device("byod")));
    }

    static Stream<Row> fromJitRisk() {
        return Stream.of(
                Row.allows("source in the location", alice().from("203.0.113.10"), "FIN-1", fin().from("corp-office")),
                Row.denies("source outside the location", alice().from("198.51.100.7"),
                        "FIN-1: source 198.51.100.7 not in location corp-office", fin().from("corp-office")),
                Row.allows("source in the second of two locations", alice().from("192.0.2.5"), "FIN-1",
                        fin().from("corp-office", "branch")),
                Row.denies("source in neither location", alice().from("198.51.100.7"),
                        "FIN-1: source 198.51.100.7 not in locations branch, corp-office", fin().from("corp-office", "branch")),
                Row.denies("no source_ip", alice(), "FIN-1: no source_ip, required in location corp-office",
                        fin().from("corp-office")),
                Row.allows("session younger than max", alice().sessionAge("30m"), "FIN-1", fin().jit("1h")),
                Row.allows("session exactly max", alice().sessionAge("1h"), "FIN-1", fin().jit("1h")),
                Row.denies("session older than max", alice().sessionAge("1h1m"),
                        "FIN-1: session age 1h1m exceeds jit max_session 1h", fin().jit("1h")),
                Row.denies("session age unknown", alice(), "FIN-1: no session age, jit max_session 1h30m required",
                        fin().jit("1h30m")),
                Row.allows("risk none under low", alice().risk("none"), "FIN-1", fin().risk("low")),
                Row.allows("risk low at low", alice().risk("low"), "FIN-1", fin().risk("low")),
                Row.denies("risk medium above low", alice().risk("medium"), "FIN-1: sign-in risk medium above low",
                        fin().risk("low")),
                Row.denies("risk high above medium", alice().risk("high"), "FIN-1: sign-in risk high above medium",
                        fin().risk("medium")),
                Row.allows("risk medium at medium", alice().risk("medium"), "FIN-1", fin().risk("medium")),
                Row.denies("risk low above none", alice().risk("low"), "FIN-1: sign-in risk low above none",
                        fin().risk("none")),
                Row.denies("risk unknown", alice(), "FIN-1: no sign-in risk, at most high required", fin().risk("high")));
    }

    static Stream<Row> allTogether() {
        var strictRule = fin().mfa().device("managed").from("corp-office");
        var good = alice().mfa().posture("managed").from("203.0.113.10");
        return Stream.of(
                Row.allows("all conditions hold", good, "FIN-1", strictRule),
                Row.denies("one condition fails", alice().posture("managed").from("203.0.113.10"),
                        "FIN-1: mfa required", strictRule),
                Row.denies("every failure is reported in a fixed order", alice().from("198.51.100.7"),
                        List.of("FIN-1: mfa required", "FIN-1: device 'managed' not satisfied (no device)",
                                "FIN-1: source 198.51.100.7 not in location corp-office"), strictRule),
                Row.denies("all six conditions fail", alice().risk("high").sessionAge("2h").at("2026-12-05T10:00:00+01:00"),
                        List.of("FIN-1: mfa required", "FIN-1: device 'managed' not satisfied (no device)",
                                "FIN-1: no source_ip, required in location corp-office",
                                "FIN-1: outside hours Mon-Fri 07:00-19:00 Europe/Berlin",
                                "FIN-1: session age 2h exceeds jit max_session 1h",
                                "FIN-1: sign-in risk high above low"),
                        fin().mfa().device("managed").from("corp-office").hours("Mon-Fri 07:00-19:00 Europe/Berlin")
                                .jit("1h").risk("low")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mfaAndDevice")
    void mfaAndDevice(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromJitRisk")
    void fromJitRisk(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTogether")
    void allTogether(Row row) {
        row.check();
    }
}
