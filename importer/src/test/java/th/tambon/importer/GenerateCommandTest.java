package th.tambon.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import th.tambon.importer.scenario.ScenarioValidator;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {
    private static final int MAX = GenerateCommand.MAX_SCHOOLS;

    @Test
    void the_largest_generated_registry_breaks_no_rule() {
        JsonNode generated = GenerateCommand.generate(MAX, 2563);

        assertThat(new ScenarioValidator(ScenarioValidator.today()).validate(generated)).isEmpty();
        assertThat(generated.get("schools")).hasSize(MAX);
        assertThat(generated.get("esas")).hasSize(MAX / GenerateCommand.SCHOOLS_PER_ESA);
    }

    @Test
    void a_generated_registry_can_be_loaded_beside_the_seed_sharing_no_esa_school_or_tambon() throws Exception {
        JsonNode seed;
        try (InputStream in = getClass().getResourceAsStream("/scenarios/seed-2563.json")) {
            seed = new ObjectMapper().readTree(in);
        }
        JsonNode generated = GenerateCommand.generate(MAX, 2563);

        assertThat(values(generated, "esas", "code")).doesNotContainAnyElementsOf(values(seed, "esas", "code"));
        assertThat(values(generated, "schools", "code")).doesNotContainAnyElementsOf(values(seed, "schools", "code"));
        assertThat(values(generated, "schools", "tambonCode"))
                .doesNotContainAnyElementsOf(values(seed, "schools", "tambonCode"));
    }

    @Test
    void the_same_seed_gives_the_same_file() {
        assertThat(GenerateCommand.generate(600, 7)).isEqualTo(GenerateCommand.generate(600, 7));
        assertThat(GenerateCommand.generate(600, 7)).isNotEqualTo(GenerateCommand.generate(600, 8));
    }

    private static Set<String> values(JsonNode scenario, String section, String field) {
        Set<String> values = new HashSet<>();
        scenario.get(section).forEach(item -> values.add(item.get(field).asText()));
        return values;
    }
}
