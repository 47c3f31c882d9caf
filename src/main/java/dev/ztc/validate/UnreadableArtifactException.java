package dev.ztc.validate;

/** A generated artifact that a layer evaluator cannot read: missing, not parseable, or not what ztc writes. */
public class UnreadableArtifactException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String artifact;

    public UnreadableArtifactException(String artifact, String message) {
        super(artifact + ": " + message);
        this.artifact = artifact;
    }

    public String artifact() {
        return artifact;
    }
}
