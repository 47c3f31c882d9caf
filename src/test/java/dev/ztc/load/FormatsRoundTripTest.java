package dev.ztc.load;

import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import dev.ztc.model.Project;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The same project written as YAML, JSON, HCL and CSV binds to the same model, places aside. */
class FormatsRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"json", "hcl", "csv"})
    void bindsLikeYaml(String format) throws Exception {
        Project yaml = ProjectLoader.load(fixture("yaml"));
        Project other = ProjectLoader.load(fixture(format));

        assertThat(withoutPlaces(other.inventory())).isEqualTo(withoutPlaces(yaml.inventory()));
        assertThat(withoutPlaces(other.matrix())).isEqualTo(withoutPlaces(yaml.matrix()));
        assertThat(yaml.matrix().rules()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "hcl", "csv"})
    void placesPointIntoTheFileTheyCameFrom(String format) throws InputException, URISyntaxException {
        Project project = ProjectLoader.load(fixture(format));

        assertThat(project.matrix().rules()).allSatisfy(rule -> {
            assertThat(rule.at().file()).contains("matrix.");
            assertThat(rule.at().line()).isGreaterThan(1);
            assertThat(rule.whatAt().line()).isGreaterThan(1);
        });
    }

    private static Path fixture(String format) throws URISyntaxException {
        return Path.of(FormatsRoundTripTest.class.getResource("/formats/" + format).toURI());
    }

    /** A record as a map of its components, recursively, leaving out every {@link SourceLocation}. */
    static Object withoutPlaces(Object value) {
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object item = read(component, record);
                if (!(item instanceof SourceLocation)) {
                    out.put(component.getName(), withoutPlaces(item));
                }
            }
            return out;
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(FormatsRoundTripTest::withoutPlaces);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(withoutPlaces(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(v instanceof SourceLocation)) {
                    out.put(k, withoutPlaces(v));
                }
            });
            return out;
        }
        return value;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
