package dev.ztc.load;

import dev.ztc.model.Action;
import dev.ztc.model.Hours;
import dev.ztc.model.PortRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.0.1.0/24, 10.0.1.0/24",
            "203.0.113.10, 203.0.113.10/32",
            "0.0.0.0/0, 0.0.0.0/0",
            "2001:db8::/32, 2001:db8::/32",
            "2001:DB8:0:0::/48, 2001:db8::/48"})
    void cidrsInCanonicalForm(String text, String canonical) {
        assertThat(Values.cidr(text)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.1.5/24", "10.0.1.0/33", "10.0.1", "1.2.3.4/-1", "*", "10.0.0.0/8/8", "0x0a000000",
            "010.0.0.0/8", "", "10.0.0.0-10.0.0.9", "host.example.com", "2001:db8::/129"})
    void notCidrs(String text) {
        assertThatThrownBy(() -> Values.cidr(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostBitsSuggestTheBlock() {
        assertThatThrownBy(() -> Values.cidr("10.0.1.5/24")).hasMessageContaining("did you mean '10.0.1.0/24'");
    }

    @ParameterizedTest
    @CsvSource({"5432/tcp, 5432, 5432, tcp", "443, 443, 443, tcp", "8000-8100/tcp, 8000, 8100, tcp", "53/udp, 53, 53, udp",
            "1/tcp, 1, 1, tcp", "65535/udp, 65535, 65535, udp"})
    void ports(String text, int from, int to, String protocol) {
        assertThat(Values.port(text)).isEqualTo(new PortRange(from, to, protocol));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/tcp", "65536/tcp", "70000", "100-10/tcp", "22/icmp", "ssh", "22/TCP", "-1", "22/"})
    void notPorts(String text) {
        assertThatThrownBy(() -> Values.port(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursReadDaysListsRangesAndZones() {
        Hours h = Values.hours("Mon-Wed,Fri 07:00-19:00 Europe/Berlin");

        assertThat(h.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(h.contains(ZonedDateTime.parse("2026-12-04T06:30:00Z"))).isTrue();   // Fri 07:30 Berlin
        assertThat(h.contains(ZonedDateTime.parse("2026-12-03T06:30:00Z"))).isFalse();  // Thu
        assertThat(h.contains(ZonedDateTime.parse("2026-12-04T18:00:00Z"))).isFalse();  // Fri 19:00 Berlin: end exclusive
        assertThat(Values.hours("Fri-Mon 22:00-24:00 UTC").days()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon-Fri 7-19 Europe/Berlin", "Mon-Fri 07:00-19:00", "Funday 07:00-19:00 UTC",
            "Mon-Fri 25:00-26:00 UTC", "Mon-Fri 07:00-07:00 UTC", "always"})
    void notHours(String text) {
        assertThatThrownBy(() -> Values.hours(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownZonesAndFixedOffsetsAreTheirOwnError() {
        assertThatThrownBy(() -> Values.hours("Mon-Fri 07:00-19:00 Europe/Berlni")).isInstanceOf(Values.UnknownZoneException.class);
        assertThatThrownBy(() -> Values.hours("Mon-Fri 07:00-19:00 +01:00")).isInstanceOf(Values.UnknownZoneException.class);
    }

    @ParameterizedTest
    @CsvSource({"1h, 60", "30m, 30", "1h30m, 90", "24h, 1440"})
    void durations(String text, long minutes) {
        assertThat(Values.duration(text)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "25h", "1d", "h", "", "90", "-1h"})
    void notDurations(String text) {
        assertThatThrownBy(() -> Values.duration(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actions() {
        assertThat(Values.action("read")).isEqualTo(new Action.OfLevel(Action.Level.READ));
        assertThat(Values.action("s3:GetObject")).isEqualTo(new Action.RawIam("s3:GetObject"));
        assertThat(Values.action("GET /api/finance/./reports//*")).isEqualTo(new Action.RawHttp("GET", "/api/finance/reports/*"));
        // a rule's path is plain: a query would be dropped (widening it), an escape could spell '*' or '/'
        assertThatThrownBy(() -> Values.action("GET /api/%66inance")).hasMessageContaining("percent-escapes");
        assertThatThrownBy(() -> Values.action("GET /api/finance/%2A")).hasMessageContaining("percent-escapes");
        assertThatThrownBy(() -> Values.action("GET /api/finance/x?admin=1")).hasMessageContaining("no '?'");
        assertThat(Values.requestAction("GET /api/%66inance?x=1")).isEqualTo(new Action.RawHttp("GET", "/api/%66inance?x=1"));
        assertThatThrownBy(() -> Values.action("GET /api/../../etc")).hasMessageContaining("no normal form");
        assertThatThrownBy(() -> Values.action("GET /a/*/b")).hasMessageContaining("only at the end");
        assertThatThrownBy(() -> Values.action("Read")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Values.action("TRACE /x")).isInstanceOf(IllegalArgumentException.class);
    }
}
