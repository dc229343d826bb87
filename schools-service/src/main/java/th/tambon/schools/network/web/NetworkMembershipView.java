package th.tambon.schools.network.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.schools.network.infrastructure.NetworkRepository.Membership;

@Serdeable
@Schema(description = "An ESA's quality-school network a school is in, as chair school or member")
public record NetworkMembershipView(
        @Schema(description = "the network's ESA", example = "P31-4") String esa,
        @Schema(description = "null while the network has no chair (its chair school left it)", example = "31040001")
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String chairSchool,
        @Schema(example = "โรงเรียนบ้านหัวฝาย")
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String chairSchoolNameTh,
        @Schema(example = "ดร.จำปา จันทะสอน") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String chairPerson,
        @Schema(description = "how many member schools it has, the chair school among them", example = "40")
        long memberCount,
        @Schema(description = "whether this school is its chair school") boolean isChair) {

    /** The network as {@code school}, one of its schools, sees it. */
    public static NetworkMembershipView of(Membership network, String school) {
        return new NetworkMembershipView(network.esa(), network.chairSchool(), network.chairSchoolNameTh(),
                network.chairPerson(), network.memberCount(), school.equals(network.chairSchool()));
    }
}
