package org.wgtrack.output;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.wgtrack.wg.AllowedIp;

/**
 * {@code compatible_with = wireguard_exporter}: the families of mdlayher/wireguard_exporter (Go,
 * built on wgctrl) as its collector.go declares and fills them, written as its client writes
 * them: families by name, labels by name, series by their label values, values by {@link GoFloat}.
 *
 * <pre>
 * wireguard_device_info{device="wg0",public_key="QwAm…="} 1
 * wireguard_peer_allowed_ips_info{allowed_ips="10.10.0.2/32",device="wg0",family="IPv4",public_key="k8Yz…="} 1
 * wireguard_peer_info{device="wg0",endpoint="192.0.2.1:51820",name="laptop",public_key="k8Yz…="} 1
 * wireguard_peer_last_handshake_seconds{device="wg0",public_key="k8Yz…="} 1.795608018e+09
 * wireguard_peer_receive_bytes_total{device="wg0",public_key="k8Yz…="} 1024
 * wireguard_peer_transmit_bytes_total{device="wg0",public_key="k8Yz…="} 2048
 * </pre>
 *
 * <p>The last three are wgtrack's own family names with the exporter's labels ({@code device}
 * where wgtrack says {@code interface}, and no {@code name}). One exposition cannot hold a family
 * twice, so with this set they are written in this form instead of wgtrack's: an operator who
 * asks for the Go exporter's metrics gets them exactly; wgtrack's own dashboard reads both forms.
 * Sorted once per snapshot, like the rest of the exposition.
 */
final class WireguardExporterFamilies {

    /** What the exporter writes for a device without a private key: wgctrl's zero key. */
    static final String ZERO_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private record Device(String name, String publicKey) {
    }

    private record AllowedIpSeries(String allowedIps, String device, String family, String publicKey) {
    }

    private static final Comparator<PeerSnapshot> BY_DEVICE_AND_KEY = Comparator
            .comparing(PeerSnapshot::interfaceName).thenComparing(p -> p.publicKey().base64());

    private static final Comparator<PeerSnapshot> BY_INFO_LABELS = Comparator
            .comparing(PeerSnapshot::interfaceName)
            .thenComparing(WireguardExporterFamilies::endpoint)
            .thenComparing((PeerSnapshot p) -> p.name().orElse(""))
            .thenComparing(p -> p.publicKey().base64());

    private final Device[] devices;
    private final PeerSnapshot[] byDeviceAndKey;
    private final PeerSnapshot[] byInfoLabels;
    private final AllowedIpSeries[] allowedIps;

    private WireguardExporterFamilies(Device[] devices, PeerSnapshot[] byDeviceAndKey, PeerSnapshot[] byInfoLabels,
                                      AllowedIpSeries[] allowedIps) {
        this.devices = devices;
        this.byDeviceAndKey = byDeviceAndKey;
        this.byInfoLabels = byInfoLabels;
        this.allowedIps = allowedIps;
    }

    static WireguardExporterFamilies of(List<InterfaceSnapshot> interfaces, PeerSnapshot[] peers) {
        Device[] devices = interfaces.stream()
                .map(i -> new Device(i.name(), i.publicKey().map(k -> k.base64()).orElse(ZERO_KEY)))
                .sorted(Comparator.comparing(Device::name).thenComparing(Device::publicKey))
                .toArray(Device[]::new);
        PeerSnapshot[] byDeviceAndKey = peers.clone();
        Arrays.sort(byDeviceAndKey, BY_DEVICE_AND_KEY);
        PeerSnapshot[] byInfoLabels = peers.clone();
        Arrays.sort(byInfoLabels, BY_INFO_LABELS);
        List<AllowedIpSeries> allowedIps = new ArrayList<>();
        for (PeerSnapshot p : peers) {
            for (AllowedIp ip : p.allowedIps()) {
                allowedIps.add(new AllowedIpSeries(ip.toString(), p.interfaceName(),
                        ip.address() instanceof Inet4Address ? "IPv4" : "IPv6", p.publicKey().base64()));
            }
        }
        AllowedIpSeries[] sortedIps = allowedIps.toArray(AllowedIpSeries[]::new);
        Arrays.sort(sortedIps, Comparator.comparing(AllowedIpSeries::allowedIps).thenComparing(AllowedIpSeries::device)
                .thenComparing(AllowedIpSeries::family).thenComparing(AllowedIpSeries::publicKey));
        return new WireguardExporterFamilies(devices, byDeviceAndKey, byInfoLabels, sortedIps);
    }

    void write(MetricsText out, boolean openMetrics) throws IOException {
        if (devices.length > 0) {
            MetricsExposition.header(out, openMetrics, "wireguard_device_info", "gauge", "Metadata about a device.");
            for (Device d : devices) {
                out.ascii("wireguard_device_info{device=\"");
                out.label(d.name());
                out.ascii("\",public_key=\"");
                out.ascii(d.publicKey());
                out.ascii("\"} 1\n");
            }
        }
        if (allowedIps.length > 0) {
            MetricsExposition.header(out, openMetrics, "wireguard_peer_allowed_ips_info", "gauge",
                    "Metadata about each of a peer's allowed IP subnets for a given device.");
            for (AllowedIpSeries ip : allowedIps) {
                out.ascii("wireguard_peer_allowed_ips_info{allowed_ips=\"");
                out.ascii(ip.allowedIps());
                out.ascii("\",device=\"");
                out.label(ip.device());
                out.ascii("\",family=\"");
                out.ascii(ip.family());
                out.ascii("\",public_key=\"");
                out.ascii(ip.publicKey());
                out.ascii("\"} 1\n");
            }
        }
        if (byDeviceAndKey.length == 0) {
            return; // the client leaves out a family without series
        }
        MetricsExposition.header(out, openMetrics, "wireguard_peer_info", "gauge",
                "Metadata about a peer. The public_key label on peer metrics refers to the peer's public key; not the device's public key.");
        for (PeerSnapshot p : byInfoLabels) {
            out.ascii("wireguard_peer_info{device=\"");
            out.label(p.interfaceName());
            out.ascii("\",endpoint=\"");
            out.text(endpoint(p)); // a hostname could be anything
            out.ascii("\",name=\"");
            out.label(p.name().orElse(""));
            out.ascii("\",public_key=\"");
            out.ascii(p.publicKey().base64());
            out.ascii("\"} 1\n");
        }
        MetricsExposition.header(out, openMetrics, "wireguard_peer_last_handshake_seconds", "gauge",
                "UNIX timestamp for the last handshake with a given peer.");
        series(out, "wireguard_peer_last_handshake_seconds", PeerSnapshot::latestHandshakeEpochSeconds);
        MetricsExposition.counterHeader(out, openMetrics, "wireguard_peer_receive_bytes", "Number of bytes received from a given peer.");
        series(out, "wireguard_peer_receive_bytes_total", PeerSnapshot::rxBytes);
        MetricsExposition.counterHeader(out, openMetrics, "wireguard_peer_transmit_bytes", "Number of bytes transmitted to a given peer.");
        series(out, "wireguard_peer_transmit_bytes_total", PeerSnapshot::txBytes);
    }

    private void series(MetricsText out, String name, ToLongFunction<PeerSnapshot> value) throws IOException {
        for (PeerSnapshot p : byDeviceAndKey) {
            out.ascii(name);
            out.ascii("{device=\"");
            out.label(p.interfaceName());
            out.ascii("\",public_key=\"");
            out.ascii(p.publicKey().base64());
            out.ascii("\"} ");
            out.ascii(GoFloat.of(value.applyAsLong(p)));
            out.ascii('\n');
        }
    }

    /** The live endpoint as Go's UDPAddr writes it ({@code [v6]:port}, as wg does); empty for none, not Go's {@code <nil>}. */
    private static String endpoint(PeerSnapshot p) {
        return p.endpoint().isPresent() ? p.endpoint().get().toString() : ""; // the text the Endpoint keeps
    }
}
