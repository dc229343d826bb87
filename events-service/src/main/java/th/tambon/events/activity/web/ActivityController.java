package th.tambon.events.activity.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
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
import th.tambon.events.activity.application.FundingProgress;
import th.tambon.events.activity.application.MovingActivities;
import th.tambon.events.activity.application.PlanningActivities;
import th.tambon.events.activity.application.ReadingActivities;
import th.tambon.events.activity.infrastructure.ActivityStepRepository;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.participation.infrastructure.Participations;
import th.tambon.events.participation.web.ParticipationView;
import th.tambon.http.ApiProblemException;
import th.tambon.http.IfMatch;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Activities", description = "An ESA's activities for its quality schools (workshops, symposiums, PLCs, "
        + "supervision visits…): DRAFT → PLANNED → HELD → REPORTED → CLOSED, or CANCELLED before it is held; with "
        + "funding, planned through budget-service (FUNDING_REQUESTED → FUNDED | FUNDING_REJECTED); "
        + "th.tambon.activity.changed.v1 announces each change")
public class ActivityController {
    private final PlanningActivities planning;
    private final MovingActivities moving;
    private final ReadingActivities reading;
    private final ActivityStepRepository steps;
    private final Participations participations;
    private final FundingProgress fundingProgress;

    public ActivityController(PlanningActivities planning, MovingActivities moving, ReadingActivities reading,
                              ActivityStepRepository steps, Participations participations,
                              FundingProgress fundingProgress) {
        this.planning = planning;
        this.moving = moving;
        this.reading = reading;
        this.steps = steps;
        this.participations = participations;
        this.fundingProgress = fundingProgress;
    }

    @Post("/activities")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "draftActivity", summary = "Draft an activity of the ESA",
            description = "An officer of the ESA or OBEC. The venue school must be a school of the ESA (as "
                    + "events-service's replica knows it); the end after the start; ref unique within the ESA (a "
                    + "second is a 409 naming the first).")
    @ApiResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = ActivityView.class)),
            headers = {@Header(name = "Location", description = "the activity"),
                    @Header(name = "ETag", description = "the activity's version")})
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.AnyWrite
    public HttpResponse<ActivityView> draft(@Body @Valid ActivityRequest request, Authentication authentication) {
        Activity activity = Rejections.valueOrThrow(planning.draft(request.esa(), request.ref(), request.details(),
                Actors.of(authentication)));
        return HttpResponse.created(view(activity), URI.create("/api/v1/activities/" + activity.id()))
                .header("ETag", Versions.etag(activity.version()));
    }

    @Put("/activities/{id}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "reviseActivity", summary = "Change an activity's details",
            description = "While it is DRAFT, PLANNED, FUNDED or FUNDING_REJECTED (its funding only while DRAFT or "
                    + "FUNDING_REJECTED); never while budget-service decides on its funding, nor once held: 409. The "
                    + "same details again change nothing. With If-Match a concurrent change is refused with 412.")
    @ApiResponse(responseCode = "200", description = "The activity as it now is",
            content = @Content(schema = @Schema(implementation = ActivityView.class)),
            headers = @Header(name = "ETag", description = "the activity's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<ActivityView> revise(
            @PathVariable @Parameter(description = "the activity's id") UUID id,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"1\"",
                    description = "the ETag of the version read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid ActivityRequest request, Authentication authentication) {
        Activity current = reading.find(id).orElseThrow(() -> ApiProblemException.notFound("No activity " + id));
        if (!current.esa().equals(request.esa())) {
            throw ApiProblemException.invalidField("esa", "An activity's ESA cannot change (it is " + current.esa()
                    + ")");
        }
        if (!current.ref().equals(request.ref())) {
            throw ApiProblemException.invalidField("ref", "An activity's ref cannot change (it is " + current.ref()
                    + ")");
        }
        var result = Rejections.valueOrThrow(planning.revise(id, request.details(), ifMatch,
                Actors.of(authentication)));
        return Versions.ok(view(result.value()), result.value().version());
    }

    @Post("/activities/{id}/transitions")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "moveActivity", summary = "Plan, hold, report, close or cancel an activity",
            description = "An officer of the activity's ESA or OBEC. PLANNED of an activity with funding asks "
                    + "budget-service for it (FUNDING_REQUESTED until it answers); HELD not before the day it "
                    + "starts; REPORTED with actualCost (required when funded); CANCELLED with a reason, before it "
                    + "is held; DRAFT again after FUNDING_REJECTED. Any other move is a 409 naming the allowed ones. "
                    + "With If-Match a concurrent change is refused with 412.")
    @ApiResponse(responseCode = "200", description = "The activity after the move",
            content = @Content(schema = @Schema(implementation = ActivityView.class)),
            headers = @Header(name = "ETag", description = "the activity's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<ActivityView> move(
            @PathVariable @Parameter(description = "the activity's id") UUID id,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"2\"",
                    description = "the ETag of the version read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid TransitionRequest request, Authentication authentication) {
        Activity activity = Rejections.valueOrThrow(moving.moveTo(id, request.target(), request.reason(),
                request.actualCost(), ifMatch, Actors.of(authentication)));
        return Versions.ok(view(activity), activity.version());
    }

    @Get("/activities/{id}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getActivity", summary = "An activity, with its history",
            description = "Anyone with a token but a school director, who reads the activities of its school's ESA.")
    @ApiResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityView.class)),
            headers = @Header(name = "ETag", description = "the activity's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<ActivityView> get(@PathVariable @Parameter(description = "the activity's id") UUID id,
                                          Authentication authentication) {
        Activity activity = Rejections.valueOrThrow(reading.read(id, Actors.of(authentication)));
        return Versions.ok(view(activity), activity.version());
    }

    private ActivityView view(Activity activity) {
        return ActivityView.of(activity, steps.findByActivityOrderByRecordedAt(activity.id()),
                participations.find(activity.id()).map(ParticipationView::of).orElse(null),
                activity.details().funding() == null ? null : fundingProgress.of(activity.id()).orElse(null));
    }
}
