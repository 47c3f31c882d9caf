/**
 * Stage "plan-check": judges what a Terraform plan ({@code terraform show -json}) would create, change or destroy
 * against the compiled intent, before {@code terraform apply}. Reads the plan and the in-memory compile that
 * verify reads; writes nothing.
 */
package dev.ztc.plan;
