#!/bin/bash
# Captures RFC 2136 UPDATE requests signed by a real nsupdate (bind9-dnsutils 9.18, Debian 12) and the signed
# answers of a real named (bind9 9.18), for DnsUpdateCaptureTests / TsigCaptureTests.
# Run as root. Everything lives in one network namespace created here and deleted on exit (even on failure);
# named listens on [::1]:53 inside it and is stopped by its pid; nothing touches the root namespace.
# Keys are test-only (TsigTestKeys.cs holds the same secrets). Zone home.example holds www AAAA 2001:db8:b:1::10.
# Output: every UDP payload on stdout as "<n> <request|response> <length>" then its hex, with nsupdate's
# commands and named's log on stderr.
set -euo pipefail
NS=dhwire-dns
WORK=$(mktemp -d /tmp/dhwire-dns.XXXXXX)
cleanup() {
    [ -s "$WORK/named.pid" ] && kill "$(cat "$WORK/named.pid")" 2>/dev/null || true
    [ -n "${TCPDUMP_PID:-}" ] && kill "$TCPDUMP_PID" 2>/dev/null || true
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

SHA256=Y7vJGfbk1EfCadu8NLUy0ThKVGkHv4K+Yuria2WwjeU=
SHA1=gZErBzKkpvGd2+a7aA0SM5P8CiU=
SHA512=8yrmmV/+KoCPvczdZbQVX54Ty1nba9h6TrjAL9a8wN3ceve3QCO+DDpOum7YAXW1nO5ZayoSadfjCES8NkWcQg==
WRONG=rDjBoeRQyWgazCxYe78z+Oepqshk0dAY+xfBYEKyKA4=

ip netns add "$NS"
ip -n "$NS" link set lo up

cat > "$WORK/named.conf" <<CONF
options {
    directory "$WORK";
    pid-file "$WORK/named.pid";
    session-keyfile "$WORK/session.key";
    managed-keys-directory "$WORK";
    listen-on { none; };
    listen-on-v6 { ::1; };
    recursion no;
    dnssec-validation no;
};
controls { };
key "dualhome-test" { algorithm hmac-sha256; secret "$SHA256"; };
key "dualhome-sha1" { algorithm hmac-sha1; secret "$SHA1"; };
key "dualhome-sha512" { algorithm hmac-sha512; secret "$SHA512"; };
zone "home.example" {
    type primary;
    file "$WORK/home.example.zone";
    update-policy {
        grant dualhome-test name www.home.example. AAAA;
        grant dualhome-sha1 name www.home.example. AAAA;
        grant dualhome-sha512 name www.home.example. AAAA;
    };
};
CONF
cat > "$WORK/home.example.zone" <<'ZONE'
$TTL 300
@    SOA ns.home.example. hostmaster.home.example. 1 3600 600 86400 300
     NS  ns.home.example.
ns   AAAA 2001:db8:b:1::53
www  AAAA 2001:db8:b:1::10
ZONE

ip netns exec "$NS" tcpdump -i lo -U -w "$WORK/dns.pcap" 'udp port 53' 2>"$WORK/tcpdump.log" &
TCPDUMP_PID=$!
for _ in $(seq 50); do
    grep -q 'listening on' "$WORK/tcpdump.log" && break
    sleep 0.1
done
ip netns exec "$NS" named -c "$WORK/named.conf" -g -n 1 2>"$WORK/named.log" &
for _ in $(seq 100); do
    grep -q 'running$' "$WORK/named.log" && break
    sleep 0.1
done
grep -q 'running$' "$WORK/named.log" || { cat "$WORK/named.log" >&2; exit 1; }

update() { # key, then nsupdate commands on stdin
    local script; script=$(cat)
    printf '### nsupdate -y %s:<secret>\n%s\n' "${1%:*}" "$script" >&2
    printf 'server ::1 53\nzone home.example.\n%s\nsend\n' "$script" | ip netns exec "$NS" nsupdate -y "$1" >&2 || true
}

# 1. Recovery of uplink A: add its AAAA.
update "hmac-sha256:dualhome-test:$SHA256" <<'U'
update add www.home.example. 300 AAAA 2001:db8:a:1::10
U
# 2. Uplink A down: delete its AAAA only while the RRset is exactly {A, B} (value-dependent prerequisite).
update "hmac-sha256:dualhome-test:$SHA256" <<'U'
prereq yxrrset www.home.example. IN AAAA 2001:db8:a:1::10
prereq yxrrset www.home.example. IN AAAA 2001:db8:b:1::10
update delete www.home.example. AAAA 2001:db8:a:1::10
U
# 3. The same again: the prerequisite now fails (NXRRSET), signed.
update "hmac-sha256:dualhome-test:$SHA256" <<'U'
prereq yxrrset www.home.example. IN AAAA 2001:db8:a:1::10
prereq yxrrset www.home.example. IN AAAA 2001:db8:b:1::10
update delete www.home.example. AAAA 2001:db8:a:1::10
U
# 4. HMAC-SHA1: add A back.
update "hmac-sha1:dualhome-sha1:$SHA1" <<'U'
update add www.home.example. 300 AAAA 2001:db8:a:1::10
U
# 5. HMAC-SHA512: every other prerequisite form, delete the RRset, add both back.
update "hmac-sha512:dualhome-sha512:$SHA512" <<'U'
prereq yxdomain www.home.example.
prereq nxdomain gone.home.example.
prereq yxrrset www.home.example. AAAA
prereq nxrrset www.home.example. A
update delete www.home.example. AAAA
update add www.home.example. 300 AAAA 2001:db8:a:1::10
update add www.home.example. 300 AAAA 2001:db8:b:1::10
U
# 6. Right key name, wrong secret: named answers BADSIG, unsigned.
update "hmac-sha256:dualhome-test:$WRONG" <<'U'
update add www.home.example. 300 AAAA 2001:db8:a:1::11
U
# 7. A key named has never heard of: BADKEY, unsigned.
update "hmac-sha256:dualhome-other:$SHA256" <<'U'
update add www.home.example. 300 AAAA 2001:db8:a:1::11
U

sleep 0.5
kill "$TCPDUMP_PID"; wait "$TCPDUMP_PID" 2>/dev/null || true
TCPDUMP_PID=
cat "$WORK/named.log" >&2
/usr/bin/python3 - "$WORK/dns.pcap" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
linktype = struct.unpack_from("<I", data, 20)[0]
link = {1: 14, 113: 16, 276: 20}[linktype]  # Ethernet (lo), Linux cooked v1, v2
pos, n = 24, 0
while pos + 16 <= len(data):
    _, _, caplen, _ = struct.unpack_from("<IIII", data, pos)
    frame = data[pos + 16:pos + 16 + caplen]
    pos += 16 + caplen
    udp = frame[link + 40:]
    sport, dport, length, _ = struct.unpack_from("!HHHH", udp)
    n += 1
    payload = udp[8:length]
    print(n, "request" if dport == 53 else "response", len(payload))
    print(payload.hex())
PY
