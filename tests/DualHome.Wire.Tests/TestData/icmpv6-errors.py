#!/usr/bin/python3
"""Reference frames for Icmpv6ErrorBuilderTests, built by scapy (python3-scapy 2.5, Debian 12).

Run: /usr/bin/python3 icmpv6-errors.py  -- prints each invoking frame and the error frame scapy builds for it.
Router LAN 00:00:5e:00:53:01 / 2001:db8:a:1::1, host 00:00:5e:00:53:02 (RFC 7042, RFC 3849 documentation values).
"""
from scapy.all import Ether, IPv6, UDP, ICMPv6EchoRequest, ICMPv6DestUnreach, ICMPv6TimeExceeded, ICMPv6PacketTooBig, raw

ROUTER_MAC, HOST_MAC = "00:00:5e:00:53:01", "00:00:5e:00:53:02"
ROUTER = "2001:db8:a:1::1"


def error(invoking, icmp):
    ip = invoking[IPv6]
    quoted = raw(ip)[:1232]  # RFC 4443 2.4 (c): the error packet stays within 1280 bytes
    return Ether(dst=invoking.src, src=ROUTER_MAC) / IPv6(src=ROUTER, dst=ip.src, hlim=64) / icmp / quoted


def show(name, invoking, icmp):
    frame = error(invoking, icmp)
    print(f"{name} invoking ({len(raw(invoking))} bytes): {raw(invoking).hex()}")
    print(f"{name} error ({len(raw(frame))} bytes): {raw(frame).hex()}")
    print()


# Destination Unreachable code 5: a host still sending from the dead ISP B prefix.
udp = (Ether(dst=ROUTER_MAC, src=HOST_MAC) / IPv6(src="2001:db8:b:1::1234", dst="2001:db8:ffff::1", hlim=64)
       / UDP(sport=40000, dport=443) / b"dualhome")
show("unreachable", udp, ICMPv6DestUnreach(code=5))

# Time Exceeded code 0: a traceroute-style echo request with hop limit 1.
echo = (Ether(dst=ROUTER_MAC, src=HOST_MAC) / IPv6(src="2001:db8:a:1::1234", dst="2001:db8:ffff::1", hlim=1)
        / ICMPv6EchoRequest(id=0x1234, seq=1) / b"ping")
show("exceeded", echo, ICMPv6TimeExceeded(code=0))

# Packet Too Big, MTU 1480: a 1500-byte packet; the quote is cut at 1232 bytes.
big = (Ether(dst=ROUTER_MAC, src=HOST_MAC) / IPv6(src="2001:db8:a:1::1234", dst="2001:db8:ffff::1", hlim=64)
       / UDP(sport=40000, dport=9) / bytes(i % 256 for i in range(1452)))
show("toobig", big, ICMPv6PacketTooBig(mtu=1480))
