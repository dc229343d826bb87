package th.tambon.events;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * application.yml as Micronaut reads it: SnakeYAML lets a key given twice replace the first silently (a second
 * {@code tambon.events:} once dropped every certificate setting), so the file is read here with duplicates refused.
 */
class ConfigurationFileTest {

    @Test
    void application_yml_names_no_key_twice_and_keeps_every_setting_of_tambon_events() throws IOException {
        LoaderOptions strict = new LoaderOptions();
        strict.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(strict));

        assertThatCode(() -> load(yaml)).doesNotThrowAnyException();
        Map<?, ?> events = (Map<?, ?>) ((Map<?, ?>) load(new Yaml()).get("tambon")).get("events");
        assertThat(events.keySet().stream().map(String::valueOf).toList())
                .contains("public-url", "verification", "funding");
    }

    private static Map<?, ?> load(Yaml yaml) throws IOException {
        try (InputStream file = ConfigurationFileTest.class.getResourceAsStream("/application.yml")) {
            return yaml.load(file);
        }
    }
}
