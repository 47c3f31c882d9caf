/**
 * The reference meaning of the matrix. {@link dev.ztc.intent.IntentEvaluator} decides a request as the
 * matrix intends — who, what, can, then every {@code when} condition — with no knowledge of any
 * enforcement layer; {@code validate} and the verifiers judge every generated artifact against it.
 * Everything here fails closed: what the evaluator cannot resolve grants nothing.
 */
package dev.ztc.intent;
