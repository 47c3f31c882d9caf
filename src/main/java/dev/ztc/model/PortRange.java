package dev.ztc.model;

/** {@code 5432/tcp}, {@code 8000-8100/tcp}, {@code 53/udp}. */
public record PortRange(int from, int to, String protocol) implements Comparable<PortRange> {

    @Override
    public int compareTo(PortRange o) {
        int c = protocol.compareTo(o.protocol);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(from, o.from);
        return c != 0 ? c : Integer.compare(to, o.to);
    }

    public boolean contains(int port, String proto) {
        return protocol.equals(proto) && port >= from && port <= to;
    }

    @Override
    public String toString() {
        return (from == to ? Integer.toString(from) : from + "-" + to) + "/" + protocol;
    }
}
