package dev.ztc.validate;

/** One layer's decision on one request, and how it stands to the intent, with the explanation people read. */
public record LayerJudgement(LayerDecision decision, Agreement agreement, String explanation) {
}
