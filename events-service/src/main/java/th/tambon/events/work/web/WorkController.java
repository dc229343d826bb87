package th.tambon.events.work.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.events.activity.model.Track;
import th.tambon.events.work.application.ForwardingWorks;
import th.tambon.events.work.application.PresentingWorks;
import th.tambon.events.work.application.ReadingWorks;
import th.tambon.events.work.application.SelectingWorks;
import th.tambon.events.work.infrastructure.ForwardingRepository;
import th.tambon.events.work.infrastructure.ForwardingRow;
import th.tambon.events.work.infrastructure.WorkRepository;
import th.tambon.events.work.infrastructure.WorkStepRepository;
import th.tambon.events.work.infrastructure.Works;
import th.tambon.events.work.model.Forwarding;
import th.tambon.events.work.model.Work;
import th.tambon.events.work.model.WorkStatus;
import th.tambon.http.IfMatch;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Works", description = "Outstanding works (ผลงานดีเด่น) presented at an ESA's activities: PRESENTED → "
        + "SELECTED | NOT_SELECTED (the ESA's decision, which it may change until then) → FORWARDED to OBEC with the "
        + "ESA's letter, in batches; th.tambon.work.changed.v1 announces each change")
public class WorkController {
    private static final Sort LISTED = Sort.of(Sort.Order.asc("esa"), Sort.Order.asc("activity"),
            Sort.Order.asc("school"), Sort.Order.asc("id"));

    private final PresentingWorks presenting;
    private final SelectingWorks selecting;
    private final ForwardingWorks forwarding;
    private final ReadingWorks reading;
    private final WorkRepository rows;
    private final WorkStepRepository steps;
    private final ForwardingRepository forwardings;

    public WorkController(PresentingWorks presenting, SelectingWorks selecting, ForwardingWorks forwarding,
                          ReadingWorks reading, WorkRepository rows, WorkStepRepository steps,
                          ForwardingRepository forwardings) {
        this.presenting = presenting;
        this.selecting = selecting;
        this.forwarding = forwarding;
        this.reading = reading;
        this.rows = rows;
        this.steps = steps;
        this.forwardings = forwardings;
    }

    @Post("/activities/{id}/works")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "presentWork", summary = "Record a work presented at an activity",
            description = "An officer of the activity's ESA or OBEC, once the activity is HELD or REPORTED (409 "
                    + "otherwise). The school must be a school of the activity's ESA, as events-service's replica "
                    + "knows it (422 naming school otherwise). The work starts PRESENTED, at version 1.")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = WorkView.class)),
            headers = {@Header(name = "Location", description = "the work"),
                    @Header(name = "ETag", description = "the work's version")})
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyWrite
    public HttpResponse<WorkView> present(@PathVariable @Parameter(description = "the activity's id") UUID id,
                                          @Body @Valid PresentWorkRequest request, Authentication authentication) {
        Work work = Rejections.valueOrThrow(presenting.present(id, request.school(), request.title().strip(),
                request.trackValue(), request.category(), request.presenterName(), Actors.of(authentication)));
        return HttpResponse.created(view(work), URI.create("/api/v1/works/" + work.id()))
                .header("ETag", Versions.etag(work.version()));
    }

    @Post("/works/{id}/selection")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "selectWork", summary = "Select a work, or not",
            description = "An officer of the work's ESA or OBEC decides: selected (to be forwarded to OBEC) or not, "
                    + "with a note. The decision may change until the work is forwarded (409 after). The decision it "
                    + "stands at again changes nothing. With If-Match a concurrent change is refused with 412.")
    @ApiResponse(responseCode = "200", description = "The work as it now is",
            content = @Content(schema = @Schema(implementation = WorkView.class)),
            headers = @Header(name = "ETag", description = "the work's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<WorkView> select(
            @PathVariable @Parameter(description = "the work's id") UUID id,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"1\"",
                    description = "the ETag of the version read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid SelectionRequest request, Authentication authentication) {
        Work work = Rejections.valueOrThrow(selecting.decide(id, request.selected(), request.noteText(), ifMatch,
                Actors.of(authentication))).value();
        return Versions.ok(view(work), work.version());
    }

    @Post("/works/forwardings")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "forwardWorks", summary = "Forward selected works to OBEC with the ESA's letter",
            description = "An officer of the ESA or OBEC. All the works or none: a work listed twice, unknown or of "
                    + "another ESA is a 422, one not SELECTED or forwarded already a 409, each naming the work by its "
                    + "place in the list (works[2]); then nothing is changed or published. Each work becomes "
                    + "FORWARDED and announces it with the letter's number.")
    @ApiResponse(responseCode = "201", description = "Forwarded",
            content = @Content(schema = @Schema(implementation = ForwardingView.class)),
            headers = @Header(name = "Location", description = "the forwarding"))
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyWrite
    public HttpResponse<ForwardingView> forward(@Body @Valid ForwardingRequest request, Authentication authentication) {
        Forwarding forwarded = Rejections.valueOrThrow(forwarding.forward(request.esa(), request.documentRef().strip(),
                request.sentOn(), request.works(), Actors.of(authentication)));
        ForwardingRow row = forwardings.findById(forwarded.id()).orElseThrow();
        return HttpResponse.created(forwardingView(row), URI.create("/api/v1/works/forwardings/" + forwarded.id()));
    }

    @Get("/works/forwardings/{id}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getWorkForwarding", summary = "A letter that forwarded works to OBEC, with its works",
            description = "Anyone with a token but a school director, who reads those of its school's ESA.")
    @ApiResponse(responseCode = "200", description = "The forwarding",
            content = @Content(schema = @Schema(implementation = ForwardingView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public ForwardingView getForwarding(@PathVariable @Parameter(description = "the forwarding's id") UUID id,
                                        Authentication authentication) {
        return forwardingView(Rejections.valueOrThrow(reading.readForwarding(id, Actors.of(authentication))));
    }

    @Get("/works/{id}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getWork", summary = "A work, with its history",
            description = "Anyone with a token but a school director, who reads the works of its school's ESA.")
    @ApiResponse(responseCode = "200", description = "The work",
            content = @Content(schema = @Schema(implementation = WorkView.class)),
            headers = @Header(name = "ETag", description = "the work's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<WorkView> get(@PathVariable @Parameter(description = "the work's id") UUID id,
                                      Authentication authentication) {
        Work work = Rejections.valueOrThrow(reading.read(id, Actors.of(authentication)));
        return Versions.ok(view(work), work.version());
    }

    @Get("/works")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listWorks", summary = "Works by ESA, activity, status and track, a page at a time",
            description = "By ESA, activity, school. status=SELECTED lists what waits to be forwarded. A school "
                    + "director lists its school's ESA's works only.")
    @ApiResponse(responseCode = "200", description = "One page of works (without their history)")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<WorkView> list(
            @Parameter(description = "only works of this ESA", example = "P51-1")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "only works presented at this activity") @Nullable @QueryValue UUID activity,
            @Parameter(description = "only works in this status", example = "SELECTED",
                    schema = @Schema(type = "string", allowableValues = {"PRESENTED", "SELECTED", "NOT_SELECTED",
                            "FORWARDED"}))
            @Nullable @QueryValue WorkStatus status,
            @Parameter(description = "only works of this track", example = "INNOVATION",
                    schema = @Schema(type = "string", allowableValues = {"INNOVATION", "OCCUPATION",
                            "QUALITY_CLASSROOM", "ENVIRONMENT", "ITA"}))
            @Nullable @QueryValue Track track,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        String listed = Rejections.valueOrThrow(reading.listedEsa(esa, Actors.of(authentication))).orElse(null);
        var found = rows.list(listed, activity, status == null ? null : status.name(),
                track == null ? null : track.name(), Pageable.from(page, size, LISTED));
        Map<UUID, ForwardingRow> letters = lettersOf(found.getContent().stream().map(Works::work).toList());
        return PageView.of(found, row -> {
            Work work = Works.work(row);
            return WorkView.of(work, work.forwarding() == null ? null : letters.get(work.forwarding()), null);
        });
    }

    private WorkView view(Work work) {
        ForwardingRow letter = work.forwarding() == null ? null : forwardings.findById(work.forwarding()).orElse(null);
        return WorkView.of(work, letter, steps.findByWorkOrderByRecordedAt(work.id()));
    }

    private ForwardingView forwardingView(ForwardingRow row) {
        return ForwardingView.of(row, rows.findByForwardingOrderByForwardingIndex(row.id()).stream()
                .map(w -> WorkView.of(Works.work(w), row, null)).toList());
    }

    private Map<UUID, ForwardingRow> lettersOf(List<Work> works) {
        List<UUID> ids = works.stream().map(Work::forwarding).filter(java.util.Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : forwardings.findByIdIn(ids).stream()
                .collect(Collectors.toMap(ForwardingRow::id, Function.identity()));
    }
}
