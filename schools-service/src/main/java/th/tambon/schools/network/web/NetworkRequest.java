package th.tambon.schools.network.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;

import java.util.List;

/** Body of {@code PUT /api/v1/esas/{code}/network}: the network as it should be. */
@Serdeable
@Schema(description = "An ESA's quality-school network as it should be")
public record NetworkRequest(
        @Schema(description = "SMIS code of the chair's school, one of the members", example = "31040001")
        @NotBlank @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String chairSchool,
        @Schema(description = "the chair (ประธานเครือข่าย)", example = "ดร.จำปา จันทะสอน") @NotBlank @Size(max = 200) String chairPerson,
        @ArraySchema(schema = @Schema(description = "SMIS code of an active quality school of the ESA", example = "31040001"),
                arraySchema = @Schema(description = "the members: the ESA's own active quality schools"))
        @NotNull @Size(min = 1, max = 2000)
        List<@NotNull @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String> members) {
}
