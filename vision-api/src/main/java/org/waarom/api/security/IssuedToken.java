package org.waarom.api.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What every token handed out in a URL keeps (calendar feeds, consultation invitations): the hash of
 * the secret ({@link SecretTokens}), when it was made and last used, and who revoked it when. Revoked
 * tokens are kept. The tables name these columns alike ({@code token_hash}, {@code created_at},
 * {@code last_used_at}, {@code revoked_by}, {@code revoked_at}).
 */
@MappedSuperclass
public abstract class IssuedToken extends PanacheEntityBase {

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_by", length = 200)
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Longer than any token we issue (a prefix of 5 and 43 characters): such a value is refused without a look-up. */
    private static final int MAX_LENGTH = 100;

    /** Whether {@code presented} can be a token of this kind at all (its prefix, a sane length): not worth a query otherwise. */
    public static boolean plausible(String presented, String prefix) {
        return presented != null && presented.startsWith(prefix) && presented.length() <= MAX_LENGTH;
    }

    /** Whether this token, found by {@code presentedHash}, is that secret's (compared in constant time) and not revoked. */
    public boolean admits(String presentedHash) {
        return SecretTokens.matches(tokenHash, presentedHash) && revokedAt == null;
    }

    /** Notes a use at {@code now}, at most once per {@link SecretTokens#LAST_USED_RESOLUTION}. */
    public void recordUse(Instant now) {
        if (SecretTokens.useWorthRecording(lastUsedAt, now)) {
            lastUsedAt = now;
        }
    }

    public void revoke(String by, Instant at) {
        revokedBy = by;
        revokedAt = at;
    }
}
