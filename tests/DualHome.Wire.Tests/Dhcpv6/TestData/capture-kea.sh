#!/bin/bash
# Captures DHCPv6 prefix-delegation exchanges with a real Kea 2.2 server, for the Dhcpv6 golden tests.
# Run as root. Everything lives in two network namespaces created here and deleted on exit (even on
# failure); every process started here is stopped by its pid. Link-local addresses only (fe80::/64,
# MACs from the RFC 7042 documentation range); Kea delegates 2001:db8:a::/48 in /56 chunks.
#   dh6cap-isp: kea-dhcp6 on s0 (00:00:5e:00:53:01), server DUID-LLT fixed in its config
#   dh6cap-rtr: the client side, c0 (00:00:5e:00:53:02); tcpdump on c0
# Phase 1 ("ours"): replays, one at a time, the exact messages DualHome's writer builds (the hex below is
#   asserted byte for byte by MessageGoldenTests) and prints each Kea answer.
# Phase 2 ("wide"): the wide-dhcpv6 client dhcp6c 20080615 against Kea with short timers (T1 30 s,
#   T2 45 s, the least dhcp6c accepts): Solicit/Advertise/Request/Reply, Renew/Reply, Rebind/Reply
#   (Renews dropped by nft after the first one) and Release/Reply (dhcp6c releases on SIGTERM).
# Output: Kea's answers ("answer <name> <hex>"), then one line per UDP payload captured,
#   "<phase> <src> <msg-type> <hex>", from tshark. Takes about 90 s. KEEP_WORK=1 keeps the pcaps and logs.
# Needs: kea-dhcp6-server, wide-dhcpv6-client, tcpdump, tshark, nftables, python3.
set -euo pipefail
ISP=dh6cap-isp; RTR=dh6cap-rtr
WORK=$(mktemp -d /tmp/dh6cap.XXXXXX)
DUID_FILE=/var/lib/dhcpv6/dhcp6c_duid
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    sleep 0.5
    ip netns del "$ISP" 2>/dev/null || true
    ip netns del "$RTR" 2>/dev/null || true
    if [ -e "$WORK/duid.saved" ]; then cp "$WORK/duid.saved" "$DUID_FILE"; else rm -f "$DUID_FILE"; fi
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

ip netns add "$ISP"
ip netns add "$RTR"
ip -n "$ISP" link add s0 type veth peer name c0 netns "$RTR"
ip -n "$ISP" link set s0 address 00:00:5e:00:53:01
ip -n "$RTR" link set c0 address 00:00:5e:00:53:02
for ns in "$ISP" "$RTR"; do ip -n "$ns" link set lo up; done
ip -n "$ISP" link set s0 up
ip -n "$RTR" link set c0 up
for _ in $(seq 50); do   # both link-local addresses must finish DAD before anyone binds to them
    ip -n "$ISP" -6 addr show dev s0 scope link | grep -q tentative || \
    ip -n "$RTR" -6 addr show dev c0 scope link | grep -q tentative || break
    sleep 0.1
done
sleep 0.5

kea_config() {  # $1 preferred, $2 valid, $3 renew (T1), $4 rebind (T2)
cat <<CONF
{ "Dhcp6": {
    "interfaces-config": { "interfaces": [ "s0" ] },
    "server-id": { "type": "LLT", "htype": 1, "identifier": "00005e005301", "time": 760000000, "persist": false },
    "data-directory": "$WORK",
    "lease-database": { "type": "memfile", "persist": false, "lfc-interval": 0 },
    "preferred-lifetime": $1, "valid-lifetime": $2, "renew-timer": $3, "rebind-timer": $4,
    "option-data": [ { "name": "solmax-rt", "data": "7200" },
                     { "name": "dns-servers", "data": "2001:db8:ffff::53" } ],
    "client-classes": [ { "name": "delegate",
        "test": "option[1].hex == 0x0003000100005e005302 or substring(option[1].hex,0,2) == 0x0001" } ],
    "subnet6": [ { "id": 1, "subnet": "2001:db8:ffff:1::/64", "interface": "s0",
        "pd-pools": [ { "prefix": "2001:db8:a::", "prefix-len": 48, "delegated-len": 56, "client-class": "delegate" } ] } ],
    "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
} }
CONF
}

start_kea() {  # $1 config file, $2 how many starts the log must show
    KEA_PIDFILE_DIR="$WORK" KEA_LOCKFILE_DIR="$WORK" ip netns exec "$ISP" kea-dhcp6 -c "$1" >>"$WORK/kea.log" 2>&1 &
    KEA_PID=$!; PIDS+=("$KEA_PID")
    for _ in $(seq 50); do [ "$(grep -c DHCP6_STARTED "$WORK/kea.log")" -ge "$2" ] && break; sleep 0.1; done
    [ "$(grep -c DHCP6_STARTED "$WORK/kea.log")" -ge "$2" ] || { cat "$WORK/kea.log" >&2; exit 1; }
    sleep 0.5
}
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

start_capture() {  # $1 pcap
    ip netns exec "$RTR" tcpdump -i c0 --immediate-mode -U -w "$1" 'udp port 546 or udp port 547' 2>"$1.log" &
    TCPDUMP_PID=$!; PIDS+=("$TCPDUMP_PID"); sleep 1
}

# ---- Phase 1: DualHome's messages, exactly as MessageGoldenTests expects the writer to build them
# (release2 and renew2 are the Release and the Renew again, with their own transaction-ids).
OURS=(
  "solicit  011234560001000a0003000100005e005302000800020000000600040052001700190029000000010000000000000000001a001900000000000000003800000000000000000000000000000000"
  "request  032345670001000a0003000100005e0053020002000e000100012d4cae0000005e005301000800020000000600040052001700190029000000010000000000000000001a001900000000000000003820010db8000a00000000000000000000"
  "solicitB 016789ab0001000a0003000100005e00530300080002000000060004005200170019000c000000010000000000000000"
  "renew    053456780001000a0003000100005e0053020002000e000100012d4cae0000005e005301000800020000000600040052001700190029000000010000000000000000001a001900000000000000003820010db8000a00000000000000000000"
  "rebind   064567890001000a0003000100005e005302000800020000000600040052001700190029000000010000000000000000001a001900000000000000003820010db8000a00000000000000000000"
  "release  0856789a0001000a0003000100005e0053020002000e000100012d4cae0000005e00530100080002000000190029000000010000000000000000001a001900000000000000003820010db8000a00000000000000000000"
  "release2 089abcde0001000a0003000100005e0053020002000e000100012d4cae0000005e00530100080002000000190029000000010000000000000000001a001900000000000000003820010db8000a00000000000000000000"
  "renew2   05789abc0001000a0003000100005e0053020002000e000100012d4cae0000005e005301000800020000000600040052001700190029000000010000000000000000001a001900000000000000003820010db8000a00000000000000000000"
)
kea_config 1800 3600 900 1440 >"$WORK/kea-ours.json"
start_capture "$WORK/ours.pcap"
start_kea "$WORK/kea-ours.json" 1
printf '%s\n' "${OURS[@]}" | ip netns exec "$RTR" /usr/bin/python3 -c '
import socket, sys
LL = "fe80::200:5eff:fe00:5302"
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
idx = socket.if_nametoindex("c0")
s.bind((LL, 546, 0, idx))
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
s.settimeout(3)
for line in sys.stdin:
    name, hexmsg = line.split()
    s.sendto(bytes.fromhex(hexmsg), ("ff02::1:2", 547, 0, idx))
    try:
        data, peer = s.recvfrom(2048)
        print("answer", name, data.hex(), flush=True)
    except socket.timeout:
        print("answer", name, "none", flush=True)
' >"$WORK/answers.txt"
sleep 1
stop_pid "$KEA_PID"; stop_pid "$TCPDUMP_PID"

# ---- Phase 2: wide-dhcpv6's dhcp6c, with a fixed DUID-LLT so the capture is reproducible.
[ -e "$DUID_FILE" ] && cp "$DUID_FILE" "$WORK/duid.saved"
mkdir -p "$(dirname "$DUID_FILE")"
# dhcp6c's DUID file: a 2-octet length in host (little-endian) order, then the DUID-LLT of c0 at a fixed time.
printf '\x0e\x00\x00\x01\x00\x01\x32\x9e\xc9\x77\x00\x00\x5e\x00\x53\x02' >"$DUID_FILE"
cat >"$WORK/dhcp6c.conf" <<'CONF'
interface c0 {
    send ia-pd 1;
    request domain-name-servers;
};
id-assoc pd 1 {
};
CONF
kea_config 60 90 30 45 >"$WORK/kea-wide.json"  # dhcp6c ignores T1/T2 under 30 s
start_capture "$WORK/wide.pcap"
start_kea "$WORK/kea-wide.json" 2
ip netns exec "$RTR" dhcp6c -c "$WORK/dhcp6c.conf" -p "$WORK/dhcp6c.pid" -f -D c0 >"$WORK/dhcp6c.log" 2>&1 &
DHCP6C_PID=$!; PIDS+=("$DHCP6C_PID")
sleep 36   # Solicit ... Reply at ~1 s, Renew/Reply at T1 = 30 s after it
# Drop every later Renew (msg-type 5, the first UDP payload octet) so the client reaches T2 and Rebinds.
ip netns exec "$ISP" nft -f - <<'NFT'
table inet dh6cap {
    chain input {
        type filter hook input priority 0;
        udp dport 547 @th,64,8 5 drop
    }
}
NFT
sleep 44   # T2 = 45 s after the renewed Reply: Rebind/Reply
stop_pid "$DHCP6C_PID"   # SIGTERM: dhcp6c sends Release and waits for the Reply
sleep 1
stop_pid "$KEA_PID"; stop_pid "$TCPDUMP_PID"

grep -E "ERROR|FATAL" "$WORK/kea.log" >&2 || true
echo "# kea-dhcp6 $(kea-dhcp6 -v), $(dpkg-query -W -f '${Package} ${Version}' wide-dhcpv6-client), $(tshark -v 2>/dev/null | head -1)"
cat "$WORK/answers.txt"
for phase in ours wide; do
    tshark -r "$WORK/$phase.pcap" -T fields -e ipv6.src -e dhcpv6.msgtype -e udp.payload 2>/dev/null | sed "s/^/$phase /"
done
