package dev.ztc.emit;

import java.util.List;

/**
 * Free text fitted to what AWS accepts where ztc writes provenance: security group (rule) descriptions
 * and tag values. Both are cut deterministically, naming how many rule ids were left out, never silently.
 */
final class AwsText {

    /** EC2 descriptions: at most 255 characters of {@code a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*}. */
    static final int DESCRIPTION_MAX = 255;
    /** Tag values: at most 256 characters; IAM accepts only letters, digits, spaces and {@code _.:/=+-@}. */
    static final int TAG_VALUE_MAX = 256;

    private AwsText() {
    }

    /** {@code ztc: FIN-1, FIN-2}, fitted to the description limits. */
    static String ruleDescription(List<String> ruleIds) {
        return description("ztc: " + join(ruleIds, ", ", DESCRIPTION_MAX - 5));
    }

    /** Any text made acceptable as an EC2 description: other characters become '_', the rest is cut. */
    static String description(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length() && out.length() < DESCRIPTION_MAX; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ". _-:/()#,@[]+=&;{}!$*".indexOf(c) >= 0;
            out.append(allowed ? c : '_');
        }
        return out.toString();
    }

    /** Rule ids for a {@code ztc:rules} tag: space-separated (commas are not allowed in IAM tags). */
    static String ruleTag(List<String> ruleIds) {
        String joined = join(ruleIds, " ", TAG_VALUE_MAX);
        StringBuilder out = new StringBuilder(joined.length());
        for (char c : joined.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 128 || " _.:/=+-@".indexOf(c) >= 0 ? c : '_');
        }
        return out.toString();
    }

    /** Joins ids until {@code max} would be passed, then ends with "+N more". */
    static String join(List<String> ids, String separator, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            String next = (i == 0 ? "" : separator) + ids.get(i);
            String rest = separator + "+" + (ids.size() - i) + " more";
            boolean last = i == ids.size() - 1;
            if (out.length() + next.length() + (last ? 0 : rest.length()) > max) {
                String more = (i == 0 ? "" : separator) + "+" + (ids.size() - i) + " more";
                return out.length() + more.length() <= max ? out + more : out.toString();
            }
            out.append(next);
        }
        return out.toString();
    }
}
