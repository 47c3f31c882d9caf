package dev.ztc.validate;

/**
 * How one layer's decision stands to the intent's. Only {@link #CONTRADICTS} fails a run: a layer blind to a
 * condition, or one that does not realize a rule by design (verify reports such gaps as ZT104/ZT105), is
 * explained, not hidden.
 */
public enum Agreement {
    /** The same decision. */
    AGREES("agrees"),
    /** The layer cannot judge the request (the asset or the caller is outside its reach). */
    NOT_APPLICABLE("n/a"),
    /** The layer allows what the matrix denies, but only for a condition it cannot see. */
    BLIND("cannot see"),
    /** The layer denies what the matrix grants through rules it does not realize (see the IR's layers). */
    GAP("not realized"),
    /** The layer decides otherwise than the matrix, on what it can see. */
    CONTRADICTS("CONTRADICTS");

    private final String label;

    Agreement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
