package dev.ztc.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** YAML is held to the loader's file-size limit, not to SnakeYAML's smaller default of 3 MiB. */
class DocumentReaderSizeTest {

    @Test
    void yamlLargerThanSnakeYamlsDefaultLimitParses() throws Exception {
        StringBuilder yaml = new StringBuilder("rules:\n");
        int rules = 0;
        while (yaml.length() < 4 * 1024 * 1024) {
            yaml.append("  - { id: \"R-").append(rules++).append("\", who: \"group:team\", can: read, what: \"asset:a\" }\n");
        }
        Node root = DocumentReader.read("matrix.yaml", yaml.toString(), DocumentReader.Syntax.YAML);
        Node.Field field = ((Node.MapNode) root).fields().get("rules");
        assertThat(((Node.ListNode) field.value()).items()).hasSize(rules);
    }
}
