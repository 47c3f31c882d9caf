package dev.ztc.emit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTreeTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/../../b", "a//b", "a\\b", "./a", "", "a/\0"})
    void refusesPathsOutsideTheTree(String path) {
        assertThatThrownBy(() -> new OutputTree().add(path, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacesItsOwnOutputExactly() throws IOException {
        Path out = temp.resolve("out");
        OutputTree first = new OutputTree();
        first.add("a.txt", "1");
        first.add("sub/b.txt", "2");
        first.commit(out);
        OutputTree second = new OutputTree();
        second.add("a.txt", "3");
        second.commit(out);

        assertThat(out.resolve("a.txt")).hasContent("3");
        assertThat(out.resolve("sub")).doesNotExist();
        assertThat(out.resolve(OutputTree.MARKER)).exists();
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void theOutputGetsTheUsualPermissionsNotThoseOfATempDirectory() throws IOException {
        Path out = temp.resolve("out");
        OutputTree tree = new OutputTree();
        tree.add("a.txt", "1");
        tree.commit(out);

        Path sibling = Files.createDirectory(temp.resolve("plain"));
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(sibling));
        }
    }
}
