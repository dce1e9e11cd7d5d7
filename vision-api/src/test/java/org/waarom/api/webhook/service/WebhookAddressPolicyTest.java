package org.waarom.api.webhook.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses webhooks may reach when private networks are not allowed. */
class WebhookAddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.8.9.10", "::1",                        // loopback
            "0.0.0.0", "::", "0.1.2.3",                              // unspecified, "this network"
            "10.0.0.1", "10.255.255.255",                            // private
            "172.16.0.1", "172.31.255.254",
            "192.168.0.1", "192.168.255.255",
            "169.254.169.254", "fe80::1",                            // link-local, cloud metadata
            "fc00::1", "fd12:3456:789a::1", "fec0::1",               // unique local, old site-local
            "100.64.0.1", "100.127.255.254",                         // carrier-grade NAT
            "224.0.0.1", "239.255.255.250", "ff02::1",               // multicast
            "240.0.0.1", "255.255.255.255",                          // reserved, broadcast
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::10.0.0.1",     // IPv4 inside IPv6
            "64:ff9b::a9fe:a9fe"                                     // NAT64 of 169.254.169.254
    })
    void refusesNonPublicAddresses(String address) throws Exception {
        assertThat(WebhookAddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "93.184.215.14", "8.8.8.8", "1.1.1.1",
            "172.15.255.255", "172.32.0.1", "192.167.1.1", "100.63.255.255", "100.128.0.1", "11.0.0.1", "223.255.255.255",
            "2001:4860:4860::8888", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"
    })
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(WebhookAddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }
}
