package th.tambon.events.work.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.events.activity.model.Track;
import th.tambon.events.work.model.PresenterCategory;

/** Body of {@code POST /api/v1/activities/{id}/works}. */
@Serdeable
@Schema(description = "A work a school presented at the activity")
public record PresentWorkRequest(
        @Schema(description = "SMIS code of the school it comes from: a school of the activity's ESA", example = "51910001")
        @NotBlank @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String school,
        @Schema(description = "its title, in Thai", example = "นวัตกรรมการจัดการเรียนรู้ด้วยกระบวนการ PLC สู่ห้องเรียนคุณภาพ")
        @NotBlank @Size(max = 500) String title,
        @Schema(description = "the programme track it belongs to", example = "INNOVATION",
                allowableValues = {"INNOVATION", "OCCUPATION", "QUALITY_CLASSROOM", "ENVIRONMENT", "ITA"})
        @NotBlank @Pattern(regexp = TRACKS, message = "must be INNOVATION, OCCUPATION, QUALITY_CLASSROOM, ENVIRONMENT "
                + "or ITA") String track,
        @Schema(description = "who presented it", example = "TEACHER",
                allowableValues = {"ADMINISTRATOR", "TEACHER", "STAFF", "STUDENT"})
        @NotBlank @Pattern(regexp = CATEGORIES, message = "must be ADMINISTRATOR, TEACHER, STAFF or STUDENT")
        String presenterCategory,
        @Schema(description = "the presenter's name", example = "นางสาวมะลิ ใจดี") @Nullable @Size(max = 200) String presenter) {
    static final String TRACKS = "INNOVATION|OCCUPATION|QUALITY_CLASSROOM|ENVIRONMENT|ITA";
    static final String CATEGORIES = "ADMINISTRATOR|TEACHER|STAFF|STUDENT";

    Track trackValue() {
        return Track.valueOf(track);
    }

    PresenterCategory category() {
        return PresenterCategory.valueOf(presenterCategory);
    }

    String presenterName() {
        return presenter == null || presenter.isBlank() ? null : presenter.strip();
    }
}
