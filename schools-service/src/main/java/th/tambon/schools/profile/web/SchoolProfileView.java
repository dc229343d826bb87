package th.tambon.schools.profile.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.schools.designation.web.DesignationView;
import th.tambon.schools.network.web.NetworkMembershipView;
import th.tambon.schools.plan.web.PlanView;
import th.tambon.schools.school.web.SchoolView;

import java.util.List;

@Serdeable
@Schema(description = "A school with its designations, its networks and its development plans, read at once")
public record SchoolProfileView(
        @Schema(description = "the school, as GET /api/v1/schools/{code} shows it") SchoolView school,
        @Schema(description = "its designations with their steps, as GET …/designations shows them but the oldest first")
        @JsonInclude(JsonInclude.Include.ALWAYS) List<DesignationView> designations,
        @Schema(description = "the networks it is in, as chair school or member, by ESA code")
        @JsonInclude(JsonInclude.Include.ALWAYS) List<NetworkMembershipView> networks,
        @Schema(description = "its development plans, as GET …/plans shows them: the latest academic year first, "
                + "without their history")
        @JsonInclude(JsonInclude.Include.ALWAYS) List<PlanView> plans) {
}
