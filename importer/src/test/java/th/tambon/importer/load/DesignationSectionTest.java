package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.tambon.importer.StandInGateway;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a school's quality-school designation is decided from what the registry holds, against a stand-in gateway that
 * answers the in-force record as today's schools-service does when it would begin before the school's latest
 * withdrawal: 422 naming the date.
 */
class DesignationSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIVE_LIST = "GET /api/v1/quality-schools?esa=P31-4&size=500&page=0";
    private static final String HISTORY = "GET /api/v1/schools/31040001/designations";
    private static final String IN_FORCE = "POST /api/v1/schools/31040001/designations/in-force";

    private final StandInGateway stand = new StandInGateway()
            .on(ACTIVE_LIST, 200, "{\"items\":[],\"totalPages\":1}")
            .on(IN_FORCE, 422, "{\"status\":422,\"detail\":\"designatedOn: school 31040001's previous designation was "
                    + "withdrawn on 2021-05-16: a new one cannot begin before that\",\"errors\":[{\"field\":"
                    + "\"designatedOn\",\"message\":\"school 31040001's previous designation was withdrawn on "
                    + "2021-05-16: a new one cannot begin before that\"}]}");
    private final DesignationSection section = new DesignationSection("seed.json");

    @AfterEach
    void close() {
        stand.close();
    }

    /** The file's school 31040001 of P31-4, an active quality school from {@code designatedOn}. */
    private static JsonNode scenario(String designatedOn) throws Exception {
        return JSON.readTree("""
                {"schools": [{"code": "31040001", "esa": "P31-4", "tambonCode": "312104",
                              "qualitySchool": {"designatedOn": "%s"}}]}""".formatted(designatedOn));
    }

    private static String designation(String status, String activeFrom, String withdrawnOn) {
        return """
                {"id": "d-%s", "school": "31040001", "esa": "P31-4", "tambonCode": "312104", "status": "%s",
                 "nominatedOn": "%s", "designatedOn": "%s", "activeFrom": "%s", "withdrawnOn": %s, "steps": []}"""
                .formatted(activeFrom, status, activeFrom, activeFrom, activeFrom,
                        withdrawnOn == null ? "null" : "\"" + withdrawnOn + "\"");
    }

    private Result load(String designatedOn) throws Exception {
        List<Item> items = section.items(scenario(designatedOn));
        section.prefetch(stand.client(), items);
        return section.load(items.get(0), stand.client(), false);
    }

    @Test
    void a_designation_the_file_states_that_was_withdrawn_later_is_unchanged_with_a_note_and_nothing_is_written()
            throws Exception {
        stand.on(HISTORY, 200, "[" + designation("WITHDRAWN", "2019-06-01", "2021-05-16") + "]");

        Result result = load("2019-06-01");

        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(result.reason()).isEqualTo("the registry has it active from 2019-06-01 and withdrawn on 2021-05-16; "
                + "the importer neither withdraws nor designates again");
        assertThat(stand.seen()).doesNotContain(IN_FORCE);
    }

    @Test
    void a_file_date_inside_a_withdrawn_designations_active_period_is_already_recorded() throws Exception {
        stand.on(HISTORY, 200, "[" + designation("WITHDRAWN", "2019-05-16", "2021-05-16") + "]");

        Result result = load("2020-01-10");

        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(result.reason()).startsWith("the registry has it active from 2019-05-16 and withdrawn on 2021-05-16");
        assertThat(stand.seen()).doesNotContain(IN_FORCE);
    }

    @Test
    void a_designation_withdrawn_the_day_it_became_active_on_the_files_date_is_already_recorded() throws Exception {
        stand.on(HISTORY, 200, "[" + designation("WITHDRAWN", "2019-06-01", "2019-06-01") + "]");

        Result result = load("2019-06-01");

        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(stand.seen()).doesNotContain(IN_FORCE);
    }

    @Test
    void a_school_designated_again_after_the_withdrawal_of_the_files_designation_is_unchanged_with_a_note()
            throws Exception {
        stand.on(ACTIVE_LIST, 200, "{\"items\":[{\"school\":\"31040001\",\"activeFrom\":\"2022-06-01\"}],\"totalPages\":1}")
                .on(HISTORY, 200, "[" + designation("ACTIVE", "2022-06-01", null) + ","
                        + designation("WITHDRAWN", "2019-06-01", "2021-05-16") + "]");

        Result result = load("2019-06-01");

        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(result.reason()).startsWith("the registry has it active from 2019-06-01 and withdrawn on 2021-05-16");
    }

    @Test
    void a_designation_withdrawn_before_the_files_date_does_not_keep_the_file_from_recording_its_own() throws Exception {
        stand.on(HISTORY, 200, "[" + designation("WITHDRAWN", "2015-06-01", "2019-06-01") + "]")
                .on(IN_FORCE, 201, designation("ACTIVE", "2019-06-01", null));

        Result result = load("2019-06-01");

        assertThat(result).isEqualTo(Result.CREATED);
        assertThat(stand.seen()).containsOnlyOnce(IN_FORCE);
    }

    @Test
    void a_withdrawn_designation_active_only_after_the_files_date_fails_naming_its_dates_without_a_write()
            throws Exception {
        stand.on(HISTORY, 200, "[" + designation("WITHDRAWN", "2020-01-10", "2021-05-16") + "]");

        Result result = load("2019-06-01");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("the registry has it active from 2020-01-10 to 2021-05-16, the file from "
                + "2019-06-01; the importer does not rewrite a designation's history");
        assertThat(stand.seen()).doesNotContain(IN_FORCE);
    }

    @Test
    void a_file_date_before_the_latest_withdrawal_of_a_designation_that_never_held_it_fails_like_the_api_without_a_write()
            throws Exception {
        stand.on(HISTORY, 200, """
                [{"id": "d-1", "school": "31040001", "esa": "P31-4", "tambonCode": "312104", "status": "WITHDRAWN",
                  "nominatedOn": "2020-01-01", "designatedOn": null, "activeFrom": null, "withdrawnOn": "2020-06-01",
                  "steps": []}]""");
        List<Item> items = section.items(scenario("2020-03-01"));
        section.prefetch(stand.client(), items);

        Result dryRun = section.load(items.get(0), stand.client(), true);
        Result result = section.load(items.get(0), stand.client(), false);

        for (Result decided : List.of(dryRun, result)) {
            assertThat(decided.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(decided.reason()).isEqualTo("school 31040001's previous designation was withdrawn on 2020-06-01: "
                    + "a new one cannot begin before that (the file has it active from 2020-03-01)");
        }
        assertThat(stand.seen()).doesNotContain(IN_FORCE);
    }

    @Test
    void the_summary_counts_it_unchanged_and_prints_the_note_under_the_table() throws Exception {
        stand.on(HISTORY, 200, "[" + designation("WITHDRAWN", "2019-06-01", "2021-05-16") + "]");

        Summary summary = new Loader(stand.client(), List.of(section), Progress.NONE, 1, false)
                .load(scenario("2019-06-01"));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        summary.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^designations +0 +0 +1 +0$")
                .contains("Unchanged, with a note (1):\n  $.schools[0].qualitySchool (31040001): the registry has it "
                        + "active from 2019-06-01 and withdrawn on 2021-05-16; the importer neither withdraws nor "
                        + "designates again\n");
        assertThat(summary.total(Outcome.FAILED)).isZero();
    }
}
