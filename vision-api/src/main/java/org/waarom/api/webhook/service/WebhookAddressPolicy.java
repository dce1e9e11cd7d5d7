package org.waarom.api.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.config.WaaromConfig;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where webhooks may be delivered: only to public addresses, unless
 * {@code WAAROM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true}. Otherwise anyone who may register a webhook
 * could make the API send requests into the network it runs in (cloud metadata at 169.254.169.254,
 * an admin port on localhost, a database's HTTP interface…): server-side request forgery.
 *
 * <p>Checked when a webhook is registered and again before every delivery, because what a name
 * resolves to can change. A host with several addresses is refused when any one of them is not
 * public. The HTTP client resolves the name once more when it connects, so a name whose answer
 * flips between the check and the connection (DNS rebinding within seconds) is not caught here;
 * an egress firewall or proxy is the complete answer to that, as the operator guide says.
 */
@ApplicationScoped
public class WebhookAddressPolicy {

    private final boolean allowPrivateNetworks;

    WebhookAddressPolicy(WaaromConfig config) {
        this.allowPrivateNetworks = config.webhooks().allowPrivateNetworks();
    }

    /** Why nothing may be sent to {@code url}, or empty when it may. Resolves its host (blocking). */
    public Optional<String> refusal(URI url) {
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        String host = url.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' cannot be resolved");
        }
        if (Arrays.stream(addresses).allMatch(WebhookAddressPolicy::isPublic)) {
            return Optional.empty();
        }
        return Optional.of("host '" + host + "' is or resolves to a loopback, link-local, private or multicast address, which webhooks may not reach"
                + " (an operator can allow it with WAAROM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)");
    }

    /**
     * Whether an address is reachable on the public internet: not unspecified, loopback, link-local
     * (169.254/16, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10),
     * carrier-grade NAT (100.64/10), reserved (0/8, 240/4) or multicast. IPv6 forms that carry an
     * IPv4 address (mapped, compatible, NAT64) are judged by that address.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0                                     // "this network"
                    && !(first == 100 && (second & 0xc0) == 64)   // 100.64.0.0/10, shared (carrier-grade NAT)
                    && first < 240;                               // 240.0.0.0/4 reserved, and the broadcast address
        }
        if (address instanceof Inet6Address inet6) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;                                     // fc00::/7, unique local
            }
            if (inet6.isIPv4CompatibleAddress() || isNat64(bytes)) {
                return isPublic(embeddedIpv4(bytes));
            }
            return true;
        }
        return false;
    }

    /** 64:ff9b::/96, the well-known NAT64 prefix: the last four bytes are an IPv4 address. */
    private static boolean isNat64(byte[] bytes) {
        byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        return Arrays.equals(bytes, 0, 12, prefix, 0, 12);
    }

    private static InetAddress embeddedIpv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are always an IPv4 address", e);
        }
    }
}
