package dev.ztc.intent;

import java.util.Locale;

/**
 * IAM action matching as AWS does it: case-insensitive, {@code *} any run of characters, {@code ?} one.
 * A requested action that itself holds a wildcard is matched literally, so it is covered only when every
 * action it could stand for is covered (each of its wildcards falls inside one of the pattern's).
 */
final class IamActionPattern {

    private IamActionPattern() {
    }

    static boolean covers(String pattern, String action) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String a = action.toLowerCase(Locale.ROOT);
        if (a.indexOf('?') >= 0 && !p.equals(a)) {
            return false;
        }
        int pi = 0;
        int ai = 0;
        int star = -1;
        int resume = 0;
        while (ai < a.length()) {
            if (pi < p.length() && p.charAt(pi) != '*' && (p.charAt(pi) == a.charAt(ai) || p.charAt(pi) == '?' && a.charAt(ai) != '*')) {
                pi++;
                ai++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = ai;
            } else if (star >= 0) {
                pi = star + 1;
                ai = ++resume;
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
