package org.waarom.api.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.waarom.api.common.config.WaaromConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies OIDC bearer tokens (JWTs) from the configured issuer against its public key or key set
 * (SmallRye JWT: signature, {@code iss}, {@code exp}, optionally {@code aud}), and maps the roles
 * claim — values like {@code waarom:zorg-a:editor} and {@code waarom:platform-admin} — to roles.
 * Values that do not start with {@code waarom:} belong to other applications and are ignored.
 */
@ApplicationScoped
public class TokenVerifier {

    static final String ROLE_PREFIX = "waarom:";
    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    private final WaaromConfig.Oidc config;
    private JWTParser parser;

    TokenVerifier(WaaromConfig config) {
        this.config = config.security().oidc();
    }

    @PostConstruct
    void configure() {
        if (config.issuer().isEmpty() || (config.publicKey().isEmpty() && config.jwksUrl().isEmpty())) {
            LOG.info("OIDC bearer tokens are off: set WAAROM_SECURITY_OIDC_ISSUER and WAAROM_SECURITY_OIDC_PUBLIC_KEY or _JWKS_URL to accept them");
            return;
        }
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setIssuedBy(config.issuer().get());
        if (config.jwksUrl().isPresent()) {
            context.setPublicKeyLocation(config.jwksUrl().get());
        } else {
            String key = config.publicKey().get().strip();
            if (key.startsWith("-----BEGIN") || key.startsWith("{") || !key.contains(":")) {
                context.setPublicKeyContent(key);
            } else {
                context.setPublicKeyLocation(key);
            }
        }
        config.audience().ifPresent(audience -> context.setExpectedAudience(Set.of(audience)));
        parser = new DefaultJWTParser(context);
    }

    /** Whether tokens can be verified at all (an issuer and its key are configured). */
    public boolean enabled() {
        return parser != null;
    }

    /** The caller a valid token stands for; empty when the token is not valid or tokens are off. */
    public Optional<Caller> verify(String token) {
        if (parser == null) {
            return Optional.empty();
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            LOG.debugf("Bearer token refused: %s", e.getMessage());
            return Optional.empty();
        }
        Set<PlatformRole> platformRoles = EnumSet.noneOf(PlatformRole.class);
        Map<String, Set<OrganizationRole>> organizationRoles = new HashMap<>();
        for (String value : claimValues(jwt.getClaim(config.rolesClaim()))) {
            if (!value.startsWith(ROLE_PREFIX)) {
                continue;
            }
            String[] parts = value.substring(ROLE_PREFIX.length()).split(":");
            if (parts.length == 1) {
                PlatformRole.parse(parts[0]).ifPresent(platformRoles::add);
            } else if (parts.length == 2) {
                OrganizationRole.parse(parts[1]).ifPresent(role ->
                        organizationRoles.computeIfAbsent(parts[0], org -> EnumSet.noneOf(OrganizationRole.class)).add(role));
            }
        }
        String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
        String name = firstPresent(jwt.getClaim("preferred_username"), jwt.getClaim("email"), subject);
        return Optional.of(new Caller(name, Caller.TOKEN_PREFIX + subject, platformRoles, organizationRoles));
    }

    private static List<String> claimValues(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString string) {
                    values.add(string.getString());
                }
            });
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof JsonString string) {
            values.add(string.getString());
        } else if (claim instanceof String string) {
            values.add(string);
        }
        return values;
    }

    private static String firstPresent(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate instanceof JsonString string && !string.getString().isBlank()) {
                return string.getString();
            }
            if (candidate instanceof String string && !string.isBlank()) {
                return string;
            }
        }
        return "unknown";
    }
}
