package dev.ztc.core;

/**
 * A drift setting that cannot be used (a source asked for without what it needs, an unset secret variable...).
 * Core names the setting; each adapter says it in its own vocabulary ({@code --opa-url} on the command line,
 * {@code <opaUrl>} in a POM), which is why the message itself names no flag.
 */
public final class DriftSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The settings core can complain about, one per option that has rules beyond its type. */
    public enum Setting { SOURCE, OPA_URL, TFSTATE, AZURE_CLIENT_SECRET_ENV, TIMEOUT }

    private final Setting setting;

    public DriftSettingException(Setting setting, String message) {
        super(message);
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
