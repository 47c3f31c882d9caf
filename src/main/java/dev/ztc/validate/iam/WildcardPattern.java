package dev.ztc.validate.iam;

import java.util.Locale;

/**
 * IAM's glob: {@code *} any run of characters (including {@code /} and {@code :}, which ARN resource
 * segments contain), {@code ?} exactly one. No escaping exists in IAM, so neither do we.
 */
final class WildcardPattern {

    private WildcardPattern() {
    }

    static boolean matches(String pattern, String text, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        // Greedy match with a single backtrack point: linear enough for policy-sized strings, no regex escaping traps.
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
