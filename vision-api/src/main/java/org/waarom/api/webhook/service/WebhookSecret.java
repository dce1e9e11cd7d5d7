package org.waarom.api.webhook.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook signing secret as the Standard Webhooks convention serialises it: {@code whsec_}
 * followed by the base64 of 24 to 64 random bytes. It signs a delivery with HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the decoded bytes (not the text).
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String text;

    private WebhookSecret(byte[] key, String text) {
        this.key = key;
        this.text = text;
    }

    /** A new random secret (256 bits). */
    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key, PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The secret {@code text} stands for, or empty when it is not {@code whsec_<base64 of 24 to 64 bytes>}. */
    public static Optional<WebhookSecret> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            return key.length >= MIN_BYTES && key.length <= MAX_BYTES ? Optional.of(new WebhookSecret(key, text)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /**
     * The {@code webhook-signature} header value: {@code v1,} and the base64 HMAC-SHA256 of
     * {@code <id>.<timestamp>.<body>}. The body must be the exact bytes sent.
     */
    public String sign(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** The serialised form, {@code whsec_<base64>}, exactly as given: what the admin is shown once and the receiver keeps. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && Arrays.equals(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never the secret itself, so that it cannot end up in a log by accident. */
    @Override
    public String toString() {
        return "WebhookSecret[" + PREFIX + "…]";
    }
}
