package th.tambon.replica.schools;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The JSON of the replica endpoints: the replicated fields plus how many events built the row and when. */
public final class ReplicaViews {
    private ReplicaViews() {
    }

    @Serdeable
    public record EsaReplica(String code, String kind, int zone, String provinceCode, String province, String nameTh,
                             String nameEn, String director, Instant registeredAt, int version, String lastEventId,
                             Instant updatedAt) {
    }

    @Serdeable
    public record SchoolReplica(String code, String nameTh, String nameEn, String esa, String province,
                                String district, String tambon, String tambonCode, String director,
                                Instant registeredAt, int version, String lastEventId, Instant updatedAt) {
    }
}
