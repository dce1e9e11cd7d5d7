package org.waarom.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets the API hands out once and keeps only as a hash: API keys ({@code wrm_…}) and
 * calendar feed tokens ({@code wcal_…}). Each is 256 random bits, URL-safe Base64, behind a
 * recognisable prefix; stored as a hex SHA-256 (a fast hash is safe for random secrets this long),
 * compared in constant time, with a last-used time written at most once a minute.
 */
public final class SecretTokens {

    /** How stale a last-used time may be: it is written at most this often per secret, not on every request. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: every authenticated request hashes the secret it presents. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private SecretTokens() {
    }

    /** A new secret: {@code prefix} followed by 256 random bits, URL-safe and unpadded (43 characters). */
    public static String generate(String prefix) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a secret: its SHA-256, in hex (64 characters). */
    public static String hash(String secret) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        return HEX.formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether a stored hash is the presented secret's. The lookup is by hash already; comparing again in
     * constant time keeps the timing of a refusal uninformative.
     */
    public static boolean matches(String storedHash, String presentedHash) {
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII), presentedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether a use at {@code now} is worth writing over the stored last-used time: only when that is
     * older than {@link #LAST_USED_RESOLUTION}, so that a busy credential does not write on every request.
     */
    public static boolean useWorthRecording(Instant storedLastUse, Instant now) {
        return storedLastUse == null || storedLastUse.isBefore(now.minus(LAST_USED_RESOLUTION));
    }
}
