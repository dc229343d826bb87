package th.tambon.gateway.sources;

/** How a view's section was filled. */
public enum SectionStatus {
    /** from the service's answer to this call */
    OK,
    /** the service did not answer in time or at all: its last good answer to this caller, from the time given */
    STALE,
    /** the service did not answer and there is no earlier answer to show: the section's figures are null */
    UNAVAILABLE
}
