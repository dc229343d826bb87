package th.tambon.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import th.tambon.contracts.schools.AcademicCalendarChanged;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ContractSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_ships_a_schema_its_example_conforms_to(EventType type) throws Exception {
        JsonSchema schema = schema(type);
        String example = "/examples/" + type.schemaResource().substring(type.schemaResource().lastIndexOf('/') + 1);
        try (InputStream in = getClass().getResourceAsStream(example)) {
            assertThat(in).as("example " + example).isNotNull();
            assertThat(schema.validate(JSON.readTree(in))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_field_of_the_record_is_described_by_its_schema_and_every_required_field_exists(EventType type)
            throws Exception {
        JsonNode schema = schemaJson(type);
        var fields = Arrays.stream(type.dataClass().getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(schema.get("properties").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(fields);
        schema.get("required").forEach(r -> assertThat(fields).contains(r.asText()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_schema_rejects_data_missing_a_required_field(EventType type) throws Exception {
        JsonNode schemaJson = schemaJson(type);
        String required = schemaJson.get("required").get(0).asText();
        String example = "/examples/" + type.schemaResource().substring(type.schemaResource().lastIndexOf('/') + 1);
        try (InputStream in = getClass().getResourceAsStream(example)) {
            var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
            data.remove(required);
            assertThat(schema(type).validate(data)).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ce_types_are_versioned_and_name_the_topic_version(EventType type) {
        assertThat(type.ceType()).startsWith("th.tambon.").endsWith(".v1");
        assertThat(type.topic()).endsWith(".v1");
        assertThat(EventType.ofCeType(type.ceType())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_asyncapi_document_lists_every_event_type_with_its_schema(EventType type) throws Exception {
        String asyncApi;
        try (InputStream in = EventType.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).isNotNull();
            asyncApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(asyncApi).contains("name: " + type.ceType() + "\n")
                .contains("$ref: '" + type.schemaResource().substring(1) + "'");
    }

    @Test
    void the_schemas_describe_codes_exactly_as_the_codes_class_does() throws Exception {
        JsonNode esa = schemaJson(EventType.ESA_REGISTERED).get("properties");
        JsonNode school = schemaJson(EventType.SCHOOL_REGISTERED).get("properties");

        assertThat(esa.get("code").get("pattern").asText()).isEqualTo("^" + Codes.ESA + "$");
        assertThat(esa.get("provinceCode").get("pattern").asText()).isEqualTo("^" + Codes.PROVINCE + "$");
        assertThat(school.get("code").get("pattern").asText()).isEqualTo("^" + Codes.SMIS + "$");
        assertThat(school.get("esa").get("pattern").asText()).isEqualTo("^" + Codes.ESA + "$");
        assertThat(school.get("tambonCode").get("pattern").asText()).isEqualTo("^" + Codes.TAMBON + "$");
    }

    @Test
    void the_calendar_s_default_rule_takes_every_month_day_as_java_writes_it_and_nothing_else() throws Exception {
        JsonNode rule = schemaJson(EventType.ACADEMIC_CALENDAR_CHANGED).at("/properties/defaultRule/properties");
        Pattern opensOn = Pattern.compile(rule.at("/opensOn/pattern").asText());
        Pattern secondSemester = Pattern.compile(rule.at("/secondSemesterFrom/pattern").asText());

        for (LocalDate day = LocalDate.of(2020, 1, 1); day.getYear() == 2020; day = day.plusDays(1)) {
            String written = MonthDay.from(day).toString();
            assertThat(opensOn.matcher(written).matches()).as(written).isTrue();
            assertThat(secondSemester.matcher(written).matches()).as(written).isTrue();
        }
        for (String wrong : new String[]{"05-16", "--5-16", "--13-01", "--05-32", "2020-05-16"}) {
            assertThat(opensOn.matcher(wrong).matches()).as(wrong).isFalse();
        }
    }

    @Test
    void the_calendar_s_rule_and_recorded_years_are_described_field_by_field() throws Exception {
        JsonNode properties = schemaJson(EventType.ACADEMIC_CALENDAR_CHANGED).get("properties");

        assertThat(properties.at("/defaultRule/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(components(AcademicCalendarChanged.DefaultRule.class));
        assertThat(properties.at("/recordedYears/items/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(components(AcademicCalendarChanged.RecordedYear.class));
    }

    private static List<String> components(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static JsonSchema schema(EventType type) throws Exception {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return FACTORY.getSchema(JSON.writeValueAsString(schemaJson(type)), config);
    }

    private static JsonNode schemaJson(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return JSON.readTree(in);
        }
    }
}
