package dev.ztc.drift;

/** One field of a changed object: what the compiled intent says and what is live (empty string: absent). */
public record FieldChange(String field, String intended, String live) {
}
