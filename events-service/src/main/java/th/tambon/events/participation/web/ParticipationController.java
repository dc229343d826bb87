package th.tambon.events.participation.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import th.tambon.events.participation.application.RecordingParticipation;
import th.tambon.http.IfMatch;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.util.UUID;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Participation", description = "Who took part in a held activity: counts by role, the total and the "
        + "schools that attended; part of the activity (its version moves, "
        + "th.tambon.activity.participation-recorded.v1 announces it); shown in the activity as participation")
public class ParticipationController {
    private final RecordingParticipation recording;

    public ParticipationController(RecordingParticipation recording) {
        this.recording = recording;
    }

    @Put("/activities/{id}/participation")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "recordParticipation", summary = "Record who took part in an activity",
            description = "An officer of the activity's ESA or OBEC, once it is HELD or REPORTED (else 409 naming its "
                    + "state). total is at least the sum of byRole (422 naming total); the schools must be schools of "
                    + "the activity's ESA (422 naming schools[i]). Replaces what was recorded; the same again changes "
                    + "nothing. The ETag is the activity's version; with If-Match a concurrent change of the activity "
                    + "is refused with 412.")
    @ApiResponse(responseCode = "200", description = "The participation as recorded",
            content = @Content(schema = @Schema(implementation = ParticipationView.class)),
            headers = @Header(name = "ETag", description = "the activity's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<ParticipationView> record(
            @PathVariable @Parameter(description = "the activity's id") UUID id,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"4\"",
                    description = "the activity's ETag as read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid ParticipationRequest request, Authentication authentication) {
        var result = Rejections.valueOrThrow(recording.record(id, request.byRole(), request.total(), request.schools(),
                ifMatch, Actors.of(authentication)));
        return Versions.ok(ParticipationView.of(result.value().participation()), result.value().activity().version());
    }
}
