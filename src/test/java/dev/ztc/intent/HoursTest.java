package dev.ztc.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.ztc.intent.AcmeProject.rule;

/**
 * {@code hours} are read in the zone they name, whatever offset the request carries, across daylight
 * saving changes, and an overnight window belongs to the day it starts. Each time is chosen so that
 * reading it in the request's own offset (or a fixed +01:00) would give the other answer.
 */
class HoursTest {

    private static final String OFFICE = "Mon-Fri 07:00-19:00 Europe/Berlin";
    private static final String NIGHT = "Mon-Fri 22:00-06:00 Europe/Berlin";

    private static Row inside(String name, String window, String at) {
        return Row.allows(name, Ask.user("alice").at(at), "H-1", hours(window));
    }

    private static Row outside(String name, String window, String at) {
        return Row.denies(name, Ask.user("alice").at(at), "H-1: outside hours " + window, hours(window));
    }

    private static AcmeProject.RuleSpec hours(String window) {
        return rule("H-1", "user:alice", "read", "finance-reports").hours(window);
    }

    static Stream<Row> rows() {
        return Stream.of(
                inside("Berlin office hours, Berlin offset", OFFICE, "2026-12-03T10:00:00+01:00"),
                inside("start is inclusive", OFFICE, "2026-12-03T07:00:00+01:00"),
                outside("end is exclusive", OFFICE, "2026-12-03T19:00:00+01:00"),
                outside("Saturday", OFFICE, "2026-12-05T10:00:00+01:00"),
                inside("UTC 06:30 is 07:30 in Berlin", OFFICE, "2026-12-03T06:30:00Z"),
                outside("UTC 18:30 is 19:30 in Berlin", OFFICE, "2026-12-03T18:30:00Z"),
                inside("+09:00 Friday 02:30 is Thursday 18:30 in Berlin", OFFICE, "2026-12-04T02:30:00+09:00"),
                outside("+09:00 Monday 08:00 is Monday 00:00 in Berlin", OFFICE, "2026-12-07T08:00:00+09:00"),
                inside("after spring DST: UTC 05:30 is 07:30 CEST", OFFICE, "2026-03-30T05:30:00Z"),
                outside("before spring DST: UTC 05:30 is 06:30 CET", OFFICE, "2026-03-27T05:30:00Z"),
                outside("before autumn DST: UTC 17:30 is 19:30 CEST", OFFICE, "2026-10-23T17:30:00Z"),
                inside("after autumn DST: UTC 17:30 is 18:30 CET", OFFICE, "2026-10-26T17:30:00Z"),
                inside("night window, Monday 23:00", NIGHT, "2026-12-07T23:00:00+01:00"),
                inside("night window, Tuesday 02:00 belongs to Monday", NIGHT, "2026-12-08T02:00:00+01:00"),
                inside("night window, Saturday 02:00 belongs to Friday", NIGHT, "2026-12-12T02:00:00+01:00"),
                outside("night window, Monday 02:00 belongs to Sunday", NIGHT, "2026-12-07T02:00:00+01:00"),
                outside("night window, Saturday 23:00", NIGHT, "2026-12-12T23:00:00+01:00"),
                outside("night window ends at 06:00", NIGHT, "2026-12-08T06:00:00+01:00"),
                outside("night window, midday", NIGHT, "2026-12-08T12:00:00+01:00"),
                inside("night window in UTC: Tuesday 04:30Z is 05:30 in Berlin", NIGHT, "2026-12-08T04:30:00Z"),
                outside("night window in UTC: Tuesday 05:30Z is 06:30 in Berlin", NIGHT, "2026-12-08T05:30:00Z"),
                inside("across the spring gap: 01:30Z is 03:30 CEST", "Sun 03:00-04:00 Europe/Berlin",
                        "2026-03-29T01:30:00Z"),
                Row.denies("no request time", Ask.user("alice"),
                        "H-1: no request time, required within hours " + OFFICE, hours(OFFICE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(Row row) {
        row.check();
    }
}
