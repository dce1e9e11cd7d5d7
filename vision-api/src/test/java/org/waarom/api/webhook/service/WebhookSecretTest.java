package org.waarom.api.webhook.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets in the Standard Webhooks form, and the signature they make. */
class WebhookSecretTest {

    @Test
    void generatedSecretsAreWhsecBase64OfRandomBytesAndReadBack() {
        WebhookSecret secret = WebhookSecret.generate();
        assertThat(secret.text()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.text().substring(6))).hasSize(32);
        assertThat(WebhookSecret.parse(secret.text())).contains(secret);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.text().substring(6));
    }

    @Test
    void onlyWhsecWithTwentyFourToSixtyFourBytesIsASecret() {
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[24]))).isPresent();
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[64]))).isPresent();
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().withoutPadding().encodeToString(new byte[25]))).isPresent();
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[23]))).isEmpty();
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[65]))).isEmpty();
        assertThat(WebhookSecret.parse(Base64.getEncoder().encodeToString(new byte[32]))).isEmpty();
        assertThat(WebhookSecret.parse("whsec_%%%")).isEmpty();
        assertThat(WebhookSecret.parse(null)).isEmpty();
    }

    @Test
    void theSignatureMatchesAKnownValue() {
        // Computed independently, with Python: base64(hmac.new(bytes([1]) * 32, b'1042.1700000000.{"a":1}', hashlib.sha256).digest())
        WebhookSecret secret = WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(filled(32, (byte) 1))).orElseThrow();
        assertThat(secret.sign("1042", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1," + KNOWN_SIGNATURE);
    }

    private static final String KNOWN_SIGNATURE = "MFhi2IRZI3iED323tnJQ073t3clr2G5toBHoMiZ+fJ0=";

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
