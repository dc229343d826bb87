package th.tambon.schools.plan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.schools.plan.model.Target;
import th.tambon.schools.plan.model.Track;

import java.util.List;

/** One target of a plan in a request. */
@Serdeable
@Schema(description = "What the school means to achieve in one track this year, and how it will tell")
public record TargetRequest(
        @Schema(description = "the programme track", example = "INNOVATION",
                allowableValues = {"INNOVATION", "OCCUPATION", "QUALITY_CLASSROOM", "ENVIRONMENT", "ITA"})
        @NotBlank @Pattern(regexp = TRACKS, message = "must be INNOVATION, OCCUPATION, QUALITY_CLASSROOM, ENVIRONMENT or ITA")
        String track,
        @Schema(description = "the target", example = "นวัตกรรมการสอนอ่านออกเขียนได้ 1 ชิ้น")
        @NotBlank @Size(max = 500) String goal,
        @Schema(description = "how it will be measured", example = "นักเรียนชั้น ป.1 อ่านออกร้อยละ 90")
        @Nullable @Size(max = 300) String indicator) {
    static final String TRACKS = "INNOVATION|OCCUPATION|QUALITY_CLASSROOM|ENVIRONMENT|ITA";

    Target toTarget() {
        return new Target(Track.valueOf(track), goal.strip(),
                indicator == null || indicator.isBlank() ? null : indicator.strip());
    }

    static List<Target> targets(List<TargetRequest> requests) {
        return requests.stream().map(TargetRequest::toTarget).toList();
    }
}
