package dev.ztc.load;

import dev.ztc.model.Action;
import dev.ztc.model.Hours;
import dev.ztc.model.HttpPath;
import dev.ztc.model.PortRange;
import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the typed values of the input language. Each returns the value or throws
 * {@link IllegalArgumentException} with a message fit for the user; binders turn that into a located error.
 */
public final class Values {

    private static final IPAddressStringParameters STRICT_IP = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowMask(false).allowSingleSegment(false)
            .allowWildcardedSeparator(false)
            .getIPv4AddressParametersBuilder().allow_inet_aton(false).allowLeadingZeros(false).getParentBuilder()
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
            .toParams();
    private static final Pattern CIDR_TEXT = Pattern.compile("[0-9A-Fa-f:.]{2,45}(/[0-9]{1,3})?");
    private static final Pattern PORT = Pattern.compile("([0-9]{1,5})(?:-([0-9]{1,5}))?(?:/([a-z]+))?");
    private static final Pattern HOURS = Pattern.compile(
            "([A-Za-z]{3}(?:-[A-Za-z]{3})?(?:,[A-Za-z]{3}(?:-[A-Za-z]{3})?)*)\\s+([0-9]{2}:[0-9]{2})-([0-9]{2}:[0-9]{2})\\s+(\\S+)");
    private static final Pattern DURATION = Pattern.compile("(?:([0-9]{1,3})h)?(?:([0-9]{1,4})m)?");
    private static final Pattern RAW_IAM = Pattern.compile("[a-z0-9-]{2,32}:[A-Za-z0-9*]{1,128}");
    private static final Pattern RAW_HTTP = Pattern.compile("(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\\S+)");
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private Values() {
    }

    /** A CIDR block in canonical form; a bare address is its /32 or /128. Host bits must be zero. */
    public static String cidr(String text) {
        if (!CIDR_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + Names.printable(text) + "' is not a CIDR block (like 10.0.1.0/24)");
        }
        IPAddress address;
        try {
            address = new IPAddressString(text, STRICT_IP).toAddress();
        } catch (AddressStringException e) {
            String why = String.valueOf(e.getMessage());
            why = why.contains("error: ") ? why.substring(why.indexOf("error: ") + 7) : why;
            throw new IllegalArgumentException("'" + Names.printable(text) + "' is not a CIDR block (" + why + ")");
        }
        if (!address.isPrefixed()) {
            address = address.setPrefixLength(address.getBitCount(), false);
        }
        if (!address.isPrefixBlock()) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean '"
                    + address.toPrefixBlock().toCanonicalString() + "'?");
        }
        return address.toCanonicalString();
    }

    /** One IP address (no prefix), in canonical form. */
    public static String address(String text) {
        if (text.contains("/")) {
            throw new IllegalArgumentException("'" + Names.printable(text) + "' must be one address, not a block");
        }
        String block = cidr(text);
        return block.substring(0, block.indexOf('/'));
    }

    /**
     * A request's source address, read as strictly as the loader reads inventory addresses (no inet_aton
     * shorthands, no ranges, no masks); anything that is not exactly one address is none, so it matches no block.
     */
    public static Optional<IPAddress> singleAddress(Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(block(address(text.get()))).filter(a -> !a.isMultiple());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses a canonical or user CIDR into an address block, for containment tests. */
    public static IPAddress block(String cidr) {
        return new IPAddressString(cidr, STRICT_IP).getAddress();
    }

    public static PortRange port(String text) {
        Matcher m = PORT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + Names.printable(text) + "' is not a port (like 5432/tcp or 8000-8100/tcp)");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        String protocol = m.group(3) == null ? "tcp" : m.group(3);
        if (from < 1 || from > 65535 || to < 1 || to > 65535) {
            throw new IllegalArgumentException("port " + (from < 1 || from > 65535 ? from : to) + " is outside 1-65535");
        }
        if (to < from) {
            throw new IllegalArgumentException("port range " + text + " ends before it starts");
        }
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("protocol '" + protocol + "' is not tcp or udp");
        }
        return new PortRange(from, to, protocol);
    }

    /** {@code Mon-Fri 07:00-19:00 Europe/Berlin}; days may be lists and ranges ({@code Mon,Wed,Fri-Sun}). */
    public static Hours hours(String text) {
        Matcher m = HOURS.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("hours '" + Names.printable(text)
                    + "' must read like 'Mon-Fri 07:00-19:00 Europe/Berlin'");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : m.group(1).split(",")) {
            String[] ends = part.split("-");
            DayOfWeek first = day(ends[0]);
            DayOfWeek last = ends.length > 1 ? day(ends[1]) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        LocalTime start = time(m.group(2));
        LocalTime end = m.group(3).equals("24:00") ? LocalTime.MIDNIGHT : time(m.group(3));
        if (start.equals(end)) {
            throw new IllegalArgumentException("hours '" + text + "' start and end at the same time");
        }
        return new Hours(days, start, end, zone(m.group(4)), text.strip());
    }

    /** An IANA zone id such as Europe/Berlin, or UTC; fixed offsets are refused (they ignore daylight saving). */
    public static ZoneId zone(String text) {
        if (!ZONES.contains(text)) {
            throw new UnknownZoneException("unknown time zone '" + Names.printable(text) + "' (use an IANA name such as Europe/Berlin)");
        }
        return ZoneId.of(text);
    }

    /** {@code 1h}, {@code 30m}, {@code 1h30m}; positive, at most 24 hours. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("'" + Names.printable(text) + "' is not a duration (like 1h, 30m or 1h30m)");
        }
        Duration d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        if (d.isZero() || d.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("duration " + text + " must be more than 0 and at most 24h");
        }
        return d;
    }

    /** A level, a raw IAM action, or a raw HTTP action with a normalized path. */
    public static Action action(String text) {
        var level = Action.Level.parse(text);
        if (level.isPresent()) {
            return new Action.OfLevel(level.get());
        }
        if (RAW_IAM.matcher(text).matches()) {
            return new Action.RawIam(text);
        }
        Matcher http = RAW_HTTP.matcher(text);
        if (http.matches()) {
            String path = http.group(2);
            if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0 || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
                // a query would be dropped (widening the rule) and an escape could spell '*' or '/'
                throw new IllegalArgumentException("a rule's path is plain: no '?', '#', ';' or percent-escapes in '"
                        + Names.printable(path) + "'");
            }
            boolean wildcard = path.endsWith("*");
            String bare = wildcard ? path.substring(0, path.length() - 1) : path;
            if (bare.contains("*")) {
                throw new IllegalArgumentException("'*' is allowed only at the end of a path: " + Names.printable(text));
            }
            String normal = HttpPath.normalize(bare).orElseThrow(() -> new IllegalArgumentException(
                    "path '" + Names.printable(path) + "' has no normal form (it must start with '/' and stay below it)"));
            if (wildcard && bare.endsWith("/") && !normal.endsWith("/")) {
                normal = normal + "/";
            }
            return new Action.RawHttp(http.group(1), wildcard ? normal + "*" : normal);
        }
        throw new IllegalArgumentException("'" + Names.printable(text) + "' is not a level ("
                + String.join(", ", levelNames()) + "), an IAM action (s3:GetObject) or an HTTP action (GET /path)");
    }

    /**
     * A request's action: like {@link #action} but an HTTP path stays as the client sent it, because the
     * evaluator must see the raw path to judge it the way a server would (normalizing here would decode
     * %252e twice).
     */
    public static Action requestAction(String text) {
        Matcher http = RAW_HTTP.matcher(text);
        if (http.matches()) {
            return new Action.RawHttp(http.group(1), http.group(2));
        }
        return action(text);
    }

    public static ZonedDateTime timestamp(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + Names.printable(text)
                    + "' is not a timestamp with an offset (like 2026-12-03T10:00:00+01:00)");
        }
    }

    static List<String> levelNames() {
        return java.util.Arrays.stream(Action.Level.values()).map(Action.Level::label).toList();
    }

    private static DayOfWeek day(String text) {
        DayOfWeek day = DAYS.get(text.toLowerCase(Locale.ROOT));
        if (day == null) {
            throw new IllegalArgumentException("'" + Names.printable(text) + "' is not a day (Mon, Tue, ... Sun)");
        }
        return day;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day (00:00 to 23:59)");
        }
    }

    /** Distinguished so that binders can report ZTC-E110 rather than the generic hours error. */
    public static final class UnknownZoneException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownZoneException(String message) {
            super(message);
        }
    }
}
