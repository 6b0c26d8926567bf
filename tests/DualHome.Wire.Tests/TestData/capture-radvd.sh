#!/bin/bash
# Captures one Router Advertisement sent by a real radvd, for RadvdCaptureTests.
# Run as root. Everything lives in two network namespaces created here and
# deleted on exit (even on failure); radvd is stopped by its pid.
#   dhwire-rtr: radvd on r0 (MAC 00:00:5e:00:53:01, RFC 7042 documentation range)
#   dhwire-host: tcpdump on h0
# Output: tcpdump -xx of the frame (Ethernet + IPv6 + ICMPv6) on stdout.
set -euo pipefail
RTR=dhwire-rtr; HOST=dhwire-host
WORK=$(mktemp -d /tmp/dhwire-radvd.XXXXXX)
cleanup() {
    [ -s "$WORK/radvd.pid" ] && kill "$(cat "$WORK/radvd.pid")" 2>/dev/null || true
    [ -n "${TCPDUMP_PID:-}" ] && kill "$TCPDUMP_PID" 2>/dev/null || true
    ip netns del "$RTR" 2>/dev/null || true
    ip netns del "$HOST" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

ip netns add "$RTR"
ip netns add "$HOST"
ip -n "$RTR" link add r0 type veth peer name h0 netns "$HOST"
ip -n "$RTR" link set r0 address 00:00:5e:00:53:01
ip -n "$HOST" link set h0 address 00:00:5e:00:53:02
ip netns exec "$RTR" sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n "$RTR" link set r0 up
ip -n "$HOST" link set h0 up
# Wait until r0's link-local address has finished DAD (radvd sends from it).
for _ in $(seq 50); do
    ip -n "$RTR" -6 addr show dev r0 scope link | grep -q tentative || break
    sleep 0.1
done

cat > "$WORK/radvd.conf" <<'CONF'
interface r0 {
    AdvSendAdvert on;
    MinRtrAdvInterval 3;
    MaxRtrAdvInterval 10;
    AdvDefaultLifetime 1800;
    AdvDefaultPreference high;
    AdvLinkMTU 1500;
    prefix 2001:db8:a:1::/64 {
        AdvOnLink on;
        AdvAutonomous on;
        AdvValidLifetime 86400;
        AdvPreferredLifetime 14400;
    };
    prefix 2001:db8:b:1::/64 {
        AdvOnLink on;
        AdvAutonomous on;
        AdvValidLifetime 86400;
        AdvPreferredLifetime 0;
    };
    route 2001:db8:ffff::/48 {
        AdvRoutePreference low;
        AdvRouteLifetime 1800;
    };
    RDNSS 2001:db8:a:1::53 {
        AdvRDNSSLifetime 600;
    };
    DNSSL lan.example {
        AdvDNSSLLifetime 600;
    };
};
CONF

ip netns exec "$HOST" tcpdump -i h0 -c 1 -w "$WORK/ra.pcap" 'icmp6 and ip6[40] == 134' 2>/dev/null &
TCPDUMP_PID=$!
sleep 1
ip netns exec "$RTR" radvd -C "$WORK/radvd.conf" -n -p "$WORK/radvd.pid" -m stderr 2>"$WORK/radvd.log" &
for _ in $(seq 100); do
    kill -0 "$TCPDUMP_PID" 2>/dev/null || break
    sleep 0.1
done
wait "$TCPDUMP_PID" || { cat "$WORK/radvd.log" >&2; exit 1; }
TCPDUMP_PID=
tcpdump -r "$WORK/ra.pcap" -xx -vv 2>/dev/null
