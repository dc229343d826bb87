package th.tambon.schools.network.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Serdeable
@Schema(description = "An ESA's quality-school network")
public record NetworkView(
        @Schema(example = "P31-4") String esa,
        @Schema(example = "31040001") String chairSchool,
        @Schema(example = "โรงเรียนบ้านหัวฝาย") @Nullable String chairSchoolNameTh,
        @Schema(example = "ดร.จำปา จันทะสอน") String chairPerson,
        @Schema(description = "the members, by SMIS code") List<Member> members,
        @Schema(description = "every chair the network has had, the first first") List<Chair> chairs) {

    @Serdeable
    @Schema(description = "A member school")
    public record Member(@Schema(example = "31040001") String code, @Schema(example = "โรงเรียนบ้านหัวฝาย") @Nullable String nameTh) {
    }

    @Serdeable
    @Schema(description = "A chair of the network and since when")
    public record Chair(@Schema(example = "31040001") String chairSchool,
                        @Schema(example = "ดร.จำปา จันทะสอน") String chairPerson,
                        Instant since,
                        @Schema(description = "who recorded it (the token's subject)") String recordedBy) {
    }
}
