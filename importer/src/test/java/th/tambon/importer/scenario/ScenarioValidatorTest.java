package th.tambon.importer.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScenarioValidator validator = new ScenarioValidator(LocalDate.parse("2026-11-24"));

    private static ObjectNode seed() throws Exception {
        try (InputStream in = ScenarioValidatorTest.class.getResourceAsStream("/scenarios/seed-2563.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    @Test
    void the_seed_of_the_two_stories_has_no_problem() throws Exception {
        assertThat(validator.validate(seed())).isEmpty();
    }

    @Test
    void a_file_with_three_different_mistakes_lists_all_three_with_their_paths() throws Exception {
        ObjectNode file = seed();
        ((ObjectNode) file.get("esas").get(0)).put("zone", 5);
        ((ObjectNode) file.get("schools").get(3)).put("tambonCode", "512104");
        ((ArrayNode) file.get("networks").get(0).get("members")).add("51910001");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::path).containsExactly(
                "$.esas[0].code", "$.schools[3].tambonCode", "$.networks[0].members[40]");
        assertThat(validator.validate(file)).extracting(ScenarioProblem::reason).containsExactly(
                "does not match kind, provinceCode and zone, which make P31-5",
                "tambon 512104 is not in province 31 that P31-4 serves",
                "school 51910001 is of P51-1, not of P31-4");
    }

    @Test
    void natural_keys_appear_once_and_a_tambon_has_one_quality_school() throws Exception {
        ObjectNode file = seed();
        ArrayNode schools = (ArrayNode) file.get("schools");
        schools.add(schools.get(0).deepCopy());
        ObjectNode second = schools.get(1).deepCopy();
        second.put("code", "31949999");
        schools.add(second);

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.schools[71].code: 31040001 is listed twice (first at $.schools[0])",
                "$.schools[71].qualitySchool: tambon 312104 already has a quality school in this file: 31040001",
                "$.schools[72].qualitySchool: tambon 319002 already has a quality school in this file: 31940002");
    }

    @Test
    void a_natural_key_listed_twice_is_refused_in_every_section_naming_where_it_was_first_listed() throws Exception {
        ObjectNode file = seed();
        ((ArrayNode) file.get("esas")).add(file.get("esas").get(0).deepCopy());
        ObjectNode sameCode = file.get("schools").get(5).deepCopy();
        sameCode.remove("qualitySchool");
        ((ArrayNode) file.get("schools")).add(sameCode);
        ((ArrayNode) file.get("networks")).add(file.get("networks").get(0).deepCopy());

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.esas[2].code: P31-4 is listed twice (first at $.esas[0])",
                "$.schools[71].code: " + file.get("schools").get(5).get("code").asText()
                        + " is listed twice (first at $.schools[5])",
                "$.networks[1].esa: P31-4 is listed twice (first at $.networks[0])");
    }

    @Test
    void a_member_listed_twice_in_one_network_is_refused_naming_where_it_was_first_listed() throws Exception {
        ObjectNode file = seed();
        ((ArrayNode) file.get("networks").get(0).get("members")).add("31040001");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.networks[0].members[40]: 31040001 is listed twice (first at $.networks[0].members[0])");
    }

    @Test
    void references_must_point_inside_the_file_and_members_be_quality_schools() throws Exception {
        ObjectNode file = seed();
        ((ObjectNode) file.get("schools").get(0)).put("esa", "P99-1");
        ((ObjectNode) file.get("schools").get(1)).remove("qualitySchool");
        ((ObjectNode) file.get("networks").get(0)).put("chairSchool", "31949998");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.schools[0].esa: ESA P99-1 is not among the file's esas",
                "$.networks[0].members[0]: school 31040001 is of P99-1, not of P31-4",
                "$.networks[0].members[1]: school 31940002 is not a quality school",
                "$.networks[0].chairSchool: must be one of the members",
                "$.activities[0].venueSchool: school 31040001 is of P99-1, not of P31-4");
    }

    @Test
    void the_format_must_be_named_and_sections_must_be_arrays_of_objects() {
        JsonNode file = JSON.createObjectNode().put("format", "tambon-scenario/2").put("esas", "none");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.format: must be \"tambon-scenario/1\"", "$.esas: must be an array");
    }

    @Test
    void a_designation_date_must_be_a_past_date() throws Exception {
        ObjectNode file = seed();
        ((ObjectNode) file.get("schools").get(0).get("qualitySchool")).put("designatedOn", "2019-13-01");
        ((ObjectNode) file.get("schools").get(1).get("qualitySchool")).put("designatedOn", "2027-01-01");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.schools[0].qualitySchool.designatedOn: must be a date such as 2019-06-01",
                "$.schools[1].qualitySchool.designatedOn: cannot be after today (2026-11-24)");
    }

    @Test
    void a_designation_date_before_the_dates_tambon_keeps_is_refused_before_loading_as_the_api_would_refuse_it()
            throws Exception {
        ObjectNode file = seed();
        ((ObjectNode) file.get("schools").get(0).get("qualitySchool")).put("designatedOn", "1999-12-31");
        ((ObjectNode) file.get("schools").get(1).get("qualitySchool")).put("designatedOn", "2000-01-01");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.schools[0].qualitySchool.designatedOn: must be from 2000-01-01 to 2100-12-31, the dates Tambon keeps");
    }

    @Test
    void each_field_is_held_to_the_rules_the_api_applies_so_a_valid_file_is_not_refused_halfway() throws Exception {
        ObjectNode file = seed();
        ((ObjectNode) file.get("esas").get(1)).put("zone", 0).put("director", 7);
        ((ObjectNode) file.get("schools").get(2)).put("nameTh", "ก".repeat(201)).put("students", -1)
                .put("teachers", 2.5).put("district", " ");
        ((ObjectNode) file.get("networks").get(0)).put("chairPerson", "ข".repeat(201));

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.esas[1].zone: must be a whole number from 1 to 99",
                "$.esas[1].director: must be text or null",
                "$.schools[2].nameTh: must be at most 200 characters, not 201",
                "$.schools[2].district: is required text",
                "$.schools[2].students: must be a whole number from 0 to 100000",
                "$.schools[2].teachers: must be a whole number from 0 to 10000",
                "$.networks[0].chairPerson: must be at most 200 characters, not 201");
    }

    @Test
    void every_mistake_in_an_activity_is_listed_with_its_path() throws Exception {
        ObjectNode file = seed();
        ObjectNode workshop = (ObjectNode) file.get("activities").get(0);
        workshop.put("type", "SEMINAR").put("start", "2020-07-21T09:00:00").put("venueSchool", "51910001")
                .put("actualCost", "1,500");
        ((ArrayNode) workshop.get("tracks")).set(0, "SPORT");
        ((ObjectNode) workshop.get("participation")).put("total", 39);
        ((ObjectNode) workshop.get("participation").get("byRole")).put("PRINCIPAL", 2);
        ObjectNode symposium = (ObjectNode) file.get("activities").get(1);
        symposium.put("end", "2020-09-28T08:00:00+07:00").put("actualCost", "21700.001").put("outcome", "CLOSED");
        ((ObjectNode) symposium.get("funding")).put("estimate", 21700).put("round", 0);
        ((ObjectNode) symposium.get("certificates").get(0)).put("school", "31040001");
        ((ArrayNode) symposium.get("certificates")).addObject().put("school", "51910002");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.activities[0].type: must be WORKSHOP, SYMPOSIUM, PLC, SUPERVISION_VISIT, MEETING, TRAINING or "
                        + "ASSESSMENT",
                "$.activities[0].tracks[0]: must be INNOVATION, OCCUPATION, QUALITY_CLASSROOM, ENVIRONMENT or ITA",
                "$.activities[0].venueSchool: school 51910001 is of P51-1, not of P31-4",
                "$.activities[0].start: must be a date and time with its offset, such as 2020-07-21T09:00:00+07:00",
                "$.activities[0].participation.byRole.PRINCIPAL: is not a role: SCHOOL_DIRECTOR, TEACHER, SUPERVISOR, "
                        + "STAFF, STUDENT, COMMITTEE or OTHER",
                "$.activities[0].participation.total: is 39, less than the sum of byRole (40)",
                "$.activities[0].actualCost: must be baht as a string with at most two decimals, such as \"21700.00\"",
                "$.activities[1].end: must be after the start (2020-09-28T08:30:00+07:00)",
                "$.activities[1].funding.round: must be a whole number from 1 to 99",
                "$.activities[1].funding.estimate: must be baht as a string with at most two decimals, such as "
                        + "\"21700.00\"",
                "$.activities[1].certificates[0].school: school 31040001 is of P31-4, not of P51-1",
                "$.activities[1].certificates[31].school: 51910002 is listed twice (first at "
                        + "$.activities[1].certificates[1]): a school has one certificate of an activity",
                "$.activities[1].actualCost: must be baht as a string with at most two decimals, such as \"21700.00\"",
                "$.activities[1].outcome: must be PLANNED, HELD, REPORTED, CANCELLED or FUNDING_REJECTED");
    }

    @Test
    void what_an_activity_s_outcome_needs_and_allows_is_checked_before_anything_is_written() throws Exception {
        ObjectNode file = seed();
        ArrayNode activities = (ArrayNode) file.get("activities");
        ObjectNode workshop = (ObjectNode) activities.get(0);
        workshop.put("outcome", "FUNDING_REJECTED").put("actualCost", "100.00");
        ObjectNode symposium = (ObjectNode) activities.get(1);
        symposium.remove("actualCost");
        ObjectNode later = workshop.deepCopy().put("ref", "p31-4-visit-2570-01-10").put("outcome", "HELD")
                .put("start", "2027-01-10T09:00:00+07:00").put("end", "2027-01-10T12:00:00+07:00");
        later.remove("actualCost");
        ObjectNode cancelled = symposium.deepCopy().put("outcome", "CANCELLED");
        activities.add(later);
        activities.add(cancelled);

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.activities[0].outcome: FUNDING_REJECTED needs funding: only a request for money can be refused",
                "$.activities[0].actualCost: is given only with the outcome REPORTED, not FUNDING_REJECTED",
                "$.activities[0].participation: is recorded only for an activity that took place (outcome HELD or "
                        + "REPORTED), not FUNDING_REJECTED",
                "$.activities[1].actualCost: is required: a funded activity is reported with what it cost",
                "$.activities[2].outcome: HELD cannot be reached before the activity's day, 2027-01-10 (today is "
                        + "2026-11-24 in Bangkok)",
                "$.activities[3].ref: p51-1-symposium-2563-09-28 of P51-1 is listed twice (first at $.activities[1])",
                "$.activities[3].participation: is recorded only for an activity that took place (outcome HELD or "
                        + "REPORTED), not CANCELLED",
                "$.activities[3].certificates: are awarded only at an activity that took place (outcome HELD or "
                        + "REPORTED), not CANCELLED");
    }

    @Test
    void every_mistake_in_an_allocation_round_is_listed_with_its_path() throws Exception {
        ObjectNode file = seed();
        ObjectNode first = (ObjectNode) file.get("budget").get(0);
        first.put("amount", "197000.001");
        ObjectNode line = (ObjectNode) first.get("lines").get(0);
        line.put("category", "TRAVEL").put("amount", "-1.00").remove("purposeTh");
        ObjectNode second = (ObjectNode) file.get("budget").get(1);
        second.put("esa", "P50-1").put("fiscalYear", 63).put("round", 0).put("documentRef", 1234)
                .put("receivedOn", "2020-02-30");
        ((ObjectNode) second.get("lines").get(0)).put("amount", 21700);

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.budget[0].amount: has more than two decimals (197000.001): baht are counted to the satang",
                "$.budget[0].lines[0].category: must be PERSONNEL, OPERATING, INVESTMENT, SUBSIDY or OTHER",
                "$.budget[0].lines[0].purposeTh: is required text",
                "$.budget[0].lines[0].amount: must not be negative (-1.00)",
                "$.budget[1].esa: ESA P50-1 is not among the file's esas",
                "$.budget[1].fiscalYear: must be a fiscal year (BE) from 2543 to 2643",
                "$.budget[1].round: must be a whole number from 1 to 99",
                "$.budget[1].receivedOn: must be a date such as 2020-01-15",
                "$.budget[1].documentRef: must be text or null",
                "$.budget[1].lines[0].amount: must be baht as a string with at most two decimals, such as "
                        + "\"197000.00\"");
    }

    @Test
    void the_lines_of_a_round_sum_to_its_amount_exactly_and_each_line_number_appears_once() throws Exception {
        ObjectNode file = seed();
        ObjectNode first = (ObjectNode) file.get("budget").get(0);
        ArrayNode lines = (ArrayNode) first.get("lines");
        ((ObjectNode) lines.get(0)).put("amount", "150000.00");
        lines.addObject().put("line", 2).put("category", "INVESTMENT").put("purposeTh", "ครุภัณฑ์").put("amount", "46999.99");
        ObjectNode second = (ObjectNode) file.get("budget").get(1);
        ((ArrayNode) second.get("lines")).add(second.get("lines").get(0).deepCopy());
        second.put("amount", "43400.00");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.budget[0].lines: the lines sum to 196999.99, not the round's amount 197000.00: they must sum to it "
                        + "exactly",
                "$.budget[1].lines[1].line: line 1 is listed twice in this round (first at $.budget[1].lines[0])");
    }

    @Test
    void a_round_listed_twice_is_refused_naming_where_it_was_first_listed_and_a_funding_line_must_be_in_its_round()
            throws Exception {
        ObjectNode file = seed();
        ((ArrayNode) file.get("budget")).add(file.get("budget").get(1).deepCopy());
        ((ObjectNode) file.get("activities").get(1).get("funding")).put("line", 2);

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.budget[2].round: round 2 of P51-1 in fiscal year 2563 is listed twice (first at $.budget[1])",
                "$.activities[1].funding.line: round 2 of P51-1 in fiscal year 2563 (in the file's budget) has no "
                        + "line 2");
    }

    @Test
    void a_funding_on_a_round_the_file_does_not_list_is_left_to_budget_service() throws Exception {
        ObjectNode file = seed();
        ((ObjectNode) file.get("activities").get(1).get("funding")).put("round", 3).put("line", 7);

        assertThat(validator.validate(file)).isEmpty();
    }

    @Test
    void every_mistake_in_an_expected_figure_is_listed_with_its_path() throws Exception {
        ObjectNode file = seed();
        ArrayNode expect = (ArrayNode) file.get("expect");
        expect.add(expect.get(0).deepCopy());
        ObjectNode first = (ObjectNode) expect.get(0);
        first.put("qualitySchools", -1).put("activitiesHeld", 1.5).put("allocated", "0.001").put("committed", 0)
                .put("spent", "-1.00").remove("participantsTotal");
        ((ObjectNode) expect.get(1)).put("esa", "P50-1").put("fiscalYear", 63).put("remaining", "197000.01");

        assertThat(validator.validate(file)).extracting(ScenarioProblem::toString).containsExactly(
                "$.expect[0].qualitySchools: must be a whole number, 0 or more",
                "$.expect[0].activitiesHeld: must be a whole number, 0 or more",
                "$.expect[0].participantsTotal: must be a whole number, 0 or more",
                "$.expect[0].allocated: has more than two decimals (0.001): baht are counted to the satang",
                "$.expect[0].committed: must be baht as a string with at most two decimals, such as \"197000.00\"",
                "$.expect[0].spent: must not be negative (-1.00)",
                "$.expect[1].esa: ESA P50-1 is not among the file's esas",
                "$.expect[1].fiscalYear: must be a fiscal year (BE) from 2543 to 2643",
                "$.expect[1].remaining: is 197000.01, but allocated - committed - spent is 197000.00",
                "$.expect[2].fiscalYear: P31-4 in fiscal year 2563 is listed twice (first at $.expect[0])");
    }
}
