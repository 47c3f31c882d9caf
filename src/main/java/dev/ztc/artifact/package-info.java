/**
 * The emitted artifacts read back from their files (IAM policy JSON, the network module's security group rules,
 * the OPA bundle's data.json, the Conditional Access module's policies), so that verify and validate judge what
 * was written rather than what the IR meant to write.
 */
package dev.ztc.artifact;
