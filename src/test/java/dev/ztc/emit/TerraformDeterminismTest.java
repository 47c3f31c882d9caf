package dev.ztc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ztc.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reordering the input (rules, assets, identities, networks, list items) changes no byte of the Terraform. */
class TerraformDeterminismTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "aws", "hostile"})
    void shuffledInputGivesByteIdenticalTerraform(String fixture) throws Exception {
        Path original = Fixtures.project(fixture);
        Path shuffled = Files.createDirectories(temp.resolve("shuffled"));
        for (String file : List.of("inventory.yaml", "matrix.yaml")) {
            JsonNode tree = YAML.readTree(original.resolve(file).toFile());
            reverseLists(tree);
            YAML.writeValue(shuffled.resolve(file).toFile(), tree);
        }
        Map<String, String> before = CompiledProject.ofDir(original, temp.resolve("a")).terraform();
        Map<String, String> after = CompiledProject.ofDir(shuffled, temp.resolve("b")).terraform();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, content) -> assertThat(after.get(path)).as(path).isEqualTo(content));
        // and a second run of the same input, too
        assertThat(CompiledProject.ofDir(original, temp.resolve("c")).terraform()).isEqualTo(before);
    }

    /** Reverses every list in the tree (and the order of mapping keys), recursively. */
    private static void reverseLists(JsonNode node) {
        if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            Collections.reverse(items);
            array.removeAll();
            items.forEach(item -> {
                reverseLists(item);
                array.add(item);
            });
        } else if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            Collections.reverse(fields);
            object.removeAll();
            fields.forEach(f -> {
                reverseLists(f.getValue());
                object.set(f.getKey(), f.getValue());
            });
        }
    }
}
