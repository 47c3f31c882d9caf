package dev.ztc.artifact;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** For expressions are blanked, strings and literals kept, and HCL4j then prints nothing while reading. */
class HclForExpressionsTest {

    @Test
    void blanksForExpressionsOnly() {
        String hcl = """
                locals {
                  ids  = { for id, g in data.azuread_group.by_name : id => g.object_id }
                  list = [for id in var.users : local.user_ids[id]]
                  kept = ["for x", "[for y in z : y]"]
                  nested = concat(["a"], [for x in [1, 2] : x], [])
                }
                """;
        String out = HclForExpressions.blanked(hcl);
        assertThat(out).contains("ids  = {}", "list = []", "kept = [\"for x\", \"[for y in z : y]\"]", "nested = concat([\"a\"], [], [])");
    }

    @Test
    void theConditionalAccessModuleReadsWithoutPrinting() throws Exception {
        String main = """
                locals {
                  user_ids = { for id, user in data.azuread_user.by_upn : id => user.object_id }
                  policies = {}
                }
                resource "azuread_conditional_access_policy" "this" {
                  for_each = local.policies
                  conditions {
                    users {
                      included_users = concat(["All"], [for id in each.value.include_users : local.user_ids[id]])
                    }
                  }
                }
                """;
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EmittedConditionalAccessPolicy.Module module;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            module = EmittedConditionalAccessPolicy.read(Map.of(EmittedConditionalAccessPolicy.MAIN, main));
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(module.problems()).isEmpty();
    }
}
