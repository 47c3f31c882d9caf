package dev.ztc.model;

/** OS versions compare numerically per component: 14.10 > 14.2, 10.0.9999 < 10.0.22621, 14 == 14.0. */
public final class Versions {

    private Versions() {
    }

    public static boolean isValid(String version) {
        return version.matches("[0-9]{1,9}(\\.[0-9]{1,9}){0,5}");
    }

    /** Negative, zero or positive as {@code a} is below, equal to or above {@code b}; both must be valid. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
