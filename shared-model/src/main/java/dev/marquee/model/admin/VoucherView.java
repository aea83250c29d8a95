package dev.marquee.model.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A voucher with how many redemptions it has given; {@code disabled} when the admin turned it off. */
public record VoucherView(long id, long showId, String code, VoucherKind kind,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Integer value,
                          @JsonInclude(JsonInclude.Include.ALWAYS) List<Long> tierIds, int maxUses, int uses,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Instant validFrom,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Instant validUntil, boolean disabled) {
}
