#!/bin/bash
# Captures the Neighbor Discovery messages the Linux kernel itself sends
# (DAD NS from ::, RS, NS, NA), for LinuxCaptureTests.
# Run as root. Two namespaces created here and deleted on exit, even on failure.
#   dhwire-lrtr: r0 (MAC 00:00:5e:00:53:01), IPv6 forwarding on (a router: NA R flag)
#   dhwire-lhost: h0 (MAC 00:00:5e:00:53:02), a host: sends RS after DAD
# Output: tcpdump -xx of each captured frame on stdout.
set -euo pipefail
RTR=dhwire-lrtr; HOST=dhwire-lhost
WORK=$(mktemp -d /tmp/dhwire-nd.XXXXXX)
cleanup() {
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
ip netns exec "$RTR" tcpdump -i r0 -U -w "$WORK/nd.pcap" 'icmp6 and ip6[40] >= 133 and ip6[40] <= 136' 2>/dev/null &
TCPDUMP_PID=$!
sleep 1
ip -n "$HOST" link set h0 up
sleep 3
ip netns exec "$HOST" ping -c 1 -W 2 fe80::200:5eff:fe00:5301%h0 >/dev/null
sleep 1
kill "$TCPDUMP_PID"; wait "$TCPDUMP_PID" 2>/dev/null || true
TCPDUMP_PID=
tcpdump -r "$WORK/nd.pcap" -xx -vv 2>/dev/null
