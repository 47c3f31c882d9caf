package dev.ztc.plan;

import java.util.Locale;

/**
 * Whether one IAM glob ({@code *} any run, {@code ?} one character) covers another: every string the candidate can
 * stand for must match the pattern, so a candidate's wildcard is covered only by a wildcard of the pattern.
 * Actions compare case-insensitively, resource ARNs exactly, as AWS does.
 */
final class IamGlob {

    private IamGlob() {
    }

    static boolean covers(String pattern, String candidate, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String c = ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate;
        int pi = 0;
        int ci = 0;
        int star = -1;
        int resume = 0;
        // a candidate's '*' never matches a pattern's literal or '?': only a pattern '*' can absorb it
        while (ci < c.length()) {
            char ch = c.charAt(ci);
            if (pi < p.length() && p.charAt(pi) != '*' && (p.charAt(pi) == ch || p.charAt(pi) == '?' && ch != '*')) {
                pi++;
                ci++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = ci;
            } else if (star >= 0) {
                pi = star + 1;
                ci = ++resume;
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
