package dev.ztc.diag;

/** Stable codes of input errors; documented in the README, never renumbered. */
public enum ErrorCode {
    SYNTAX("ZTC-E100", "the file is not well-formed YAML, JSON, CSV or HCL"),
    UNKNOWN_KEY("ZTC-E101", "a key that this version of the input language does not define"),
    MISSING_FIELD("ZTC-E102", "a required field is absent"),
    WRONG_TYPE("ZTC-E103", "a value has the wrong type (for example a list where a string is expected)"),
    DUPLICATE_ID("ZTC-E104", "two elements of the same kind share an id"),
    UNKNOWN_REFERENCE("ZTC-E105", "a reference (who, what, segment, device, from, aws_role...) names nothing"),
    INVALID_CIDR("ZTC-E106", "not an IPv4 or IPv6 CIDR block"),
    INVALID_PORT("ZTC-E107", "a port or port range outside 1-65535, or an unknown protocol"),
    UNKNOWN_LEVEL("ZTC-E108", "an access level or raw action that the asset kind does not define"),
    INVALID_HOURS("ZTC-E109", "an hours window that does not read as 'Mon-Fri 07:00-19:00 Europe/Berlin'"),
    UNKNOWN_TIME_ZONE("ZTC-E110", "a time zone that is not in the IANA database"),
    UNSAFE_IDENTIFIER("ZTC-E111", "an id that is not [a-z0-9][a-z0-9._-]* (it names files and resources)"),
    INVALID_VALUE("ZTC-E112", "a value outside what the field accepts"),
    UNSUPPORTED_VERSION("ZTC-E113", "a version of the input language this ztc does not read"),
    MISSING_FILE("ZTC-E114", "a required input file is absent, or two formats of one file are present"),
    QUOTA_EXCEEDED("ZTC-E120", "the output would exceed an AWS or Azure limit (ztc.yaml quotas) that ztc cannot split around"),
    TEMPLATE("ZTC-E121", "a user template (--templates DIR) is missing, unreadable, malformed or fails to render"),
    TOO_MANY_ERRORS("ZTC-E199", "more problems than the report limit; fix these first");

    private final String id;
    private final String summary;

    ErrorCode(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }
}
