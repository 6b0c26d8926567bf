#!/usr/bin/python3
"""Send malformed Neighbor Discovery packets at a router (integration test MalformedFlood).

Run inside the host namespace:
    ip netns exec <host-ns> /usr/bin/python3 nd_flood.py --iface eth0 \
        --router-ll fe80::... --router-mac 02:..:.. --count 2000

Every case is invalid under RFC 4861 §6.1 / §7.1 (or, for "foreign_router_ra", valid but from a
stranger router with conflicting information), so a router must drop it, count it and carry on.
Checksums are correct unless the case is about the checksum: a packet with a bad checksum never
reaches a raw ICMPv6 socket, so a wrong checksum would hide every other defect.
Prints one JSON line: {"sent": N, "cases": {name: count}}. Deterministic (fixed seed).
"""
import argparse
import json
import random
import struct
import sys

from scapy.all import Ether, IPv6, Raw, get_if_hwaddr, sendp  # noqa: E402
from scapy.layers.inet6 import in6_chksum  # noqa: E402
from scapy.utils6 import in6_getnsma, in6_getnsmac  # noqa: E402
from scapy.pton_ntop import inet_pton  # noqa: E402
import socket

RS, RA, NS = 133, 134, 135  # RFC 4861 §4.1, §4.2, §4.3
OPT_SLLA, OPT_PIO, OPT_MTU, OPT_RDNSS = 1, 3, 5, 25


def opt(kind, body, length_units=None):
    """An ND option: type, length in 8-octet units (RFC 4861 §4.6), body padded to 8n-2."""
    total = 2 + len(body)
    units = (total + 7) // 8
    body = body + b"\0" * (units * 8 - total)
    return bytes([kind, units if length_units is None else length_units]) + body


def slla(mac):
    return opt(OPT_SLLA, bytes.fromhex(mac.replace(":", "")))


def pio(prefix, plen=64, valid=86400, preferred=14400, flags=0xC0):
    body = struct.pack("!BBIII", plen, flags, valid, preferred, 0) + inet_pton(socket.AF_INET6, prefix)
    return opt(OPT_PIO, body)


def rs(options=b"", code=0):
    return struct.pack("!BBHI", RS, code, 0, 0) + options


def ra(options=b"", lifetime=1800):
    # cur hop limit 64, flags 0, router lifetime, reachable 0, retrans 0 (RFC 4861 §4.2)
    return struct.pack("!BBHBBHII", RA, 0, 0, 64, 0, lifetime, 0, 0) + options


def ns(target, options=b""):
    return struct.pack("!BBHI", NS, 0, 0, 0) + inet_pton(socket.AF_INET6, target) + options


class Flood:
    def __init__(self, iface, router_ll, router_mac, host_ll):
        self.iface = iface
        self.router_ll = router_ll
        self.router_mac = router_mac
        self.host_mac = get_if_hwaddr(iface)
        self.host_ll = host_ll
        self.rng = random.Random(4861)
        self.cases = []
        self._define()

    def frame(self, icmp, src=None, dst="ff02::2", hlim=255, bad_checksum=False):
        src = src or self.host_ll
        dst_mac = self.router_mac if not dst.startswith("ff") else in6_getnsmac(inet_pton(socket.AF_INET6, dst))
        ip = IPv6(src=src, dst=dst, hlim=hlim, nh=58)
        data = bytearray(icmp)
        if len(data) >= 4:
            data[2:4] = b"\0\0"
            csum = in6_chksum(58, ip, bytes(data))
            if bad_checksum:
                csum ^= 0x5A5A
            data[2:4] = struct.pack("!H", csum)
        return Ether(src=self.host_mac, dst=dst_mac) / ip / Raw(bytes(data))

    def _define(self):
        mac, rll = self.host_mac, self.router_ll
        ns_dst = socket.inet_ntop(socket.AF_INET6, in6_getnsma(inet_pton(socket.AF_INET6, rll)))
        f = self.frame
        good_rs = rs(slla(mac))
        self.cases = [
            ("rs_hop_limit_254", lambda: f(good_rs, hlim=254)),                      # §6.1.1 hop limit 255
            ("rs_hop_limit_254_unicast", lambda: f(good_rs, dst=rll, hlim=254)),
            ("rs_zero_length_option", lambda: f(rs(bytes([OPT_SLLA, 0]) + b"\0" * 6))),  # §6.1.1 len > 0
            ("rs_zero_length_option_after_good", lambda: f(rs(slla(mac) + bytes([OPT_MTU, 0, 0, 0, 0, 0, 0, 0])))),
            ("rs_truncated_4", lambda: f(rs()[:4])),                                  # §6.1.1 ICMP length >= 8
            ("rs_truncated_6", lambda: f(rs()[:6])),
            ("rs_truncated_1", lambda: f(bytes([RS]))),
            ("ra_truncated_8", lambda: f(ra()[:8], dst="ff02::1")),                   # §6.1.2 ICMP length >= 16
            ("ra_truncated_15", lambda: f(ra()[:15], dst="ff02::1")),
            ("ns_truncated_12", lambda: f(ns(rll)[:12], dst=ns_dst)),                 # §7.1.1 ICMP length >= 24
            ("ns_truncated_23", lambda: f(ns(rll)[:23], dst=rll)),
            ("rs_option_overrun", lambda: f(rs(bytes([OPT_SLLA, 4]) + b"\xaa" * 6))),  # option claims 32 bytes, 8 present
            ("rs_option_overrun_255", lambda: f(rs(bytes([OPT_SLLA, 255]) + b"\xbb" * 14))),
            ("rs_option_partial_header", lambda: f(rs(slla(mac) + bytes([OPT_SLLA])))),  # 1 trailing byte
            ("ra_option_overrun", lambda: f(ra(bytes([OPT_PIO, 4]) + b"\0" * 14), dst="ff02::1")),
            ("ra_from_global_source", lambda: f(ra(pio("2001:db8:dead:1::")), src="2001:db8:a:1::bad", dst="ff02::1")),  # §6.1.2
            ("ra_hop_limit_64", lambda: f(ra(pio("2001:db8:dead:2::")), dst="ff02::1", hlim=64)),
            ("rs_bad_checksum", lambda: f(good_rs, bad_checksum=True)),
            ("rs_bad_checksum_unicast", lambda: f(good_rs, dst=rll, bad_checksum=True)),
            ("ns_multicast_target", lambda: f(ns("ff02::1", slla(mac)), dst=ns_dst)),  # §7.1.1 target not multicast
            ("ns_multicast_target_unicast", lambda: f(ns("ff02::2"), dst=rll)),
            ("rs_code_1", lambda: f(rs(slla(mac), code=1))),                          # §6.1.1 code 0
            ("rs_unspecified_source_with_slla", lambda: f(good_rs, src="::")),        # §6.1.1 no SLLA from ::
            ("rs_slla_wrong_length", lambda: f(rs(opt(OPT_SLLA, b"\x01" * 14)))),     # 16 bytes, not an Ethernet SLLA
            ("ra_pio_length_3", lambda: f(ra(bytes([OPT_PIO, 3]) + b"\0" * 22), dst="ff02::1")),  # RFC 4861 §4.6.2 len 4
            ("ra_rdnss_length_1", lambda: f(ra(bytes([OPT_RDNSS, 1]) + b"\0" * 6), dst="ff02::1")),  # RFC 8106 §5.1 len >= 3
            ("ra_pio_prefix_length_200", lambda: f(ra(pio("2001:db8:dead:3::", plen=200)), dst="ff02::1")),
            ("rs_many_options", lambda: f(rs(slla(mac) * 150))),                      # 1208-byte RS, all options valid
            ("foreign_router_ra", lambda: f(ra(pio("2001:db8:a:1::", valid=5, preferred=0) + slla(mac), lifetime=9000),
                                            dst="ff02::1")),                          # valid, conflicting (§6.2.7)
            ("random_rs_garbage", lambda: f(bytes([RS, 0, 0, 0]) + self._garbage())),
            ("random_ra_garbage", lambda: f(bytes([RA, 0, 0, 0]) + self._garbage(), dst="ff02::1")),
            ("random_truncation_of_valid_ra", lambda: f(self._truncate(ra(pio("2001:db8:dead:4::") + slla(mac))),
                                                        dst="ff02::1")),
        ]

    def _garbage(self):
        return bytes(self.rng.getrandbits(8) for _ in range(self.rng.randrange(0, 120)))

    def _truncate(self, data):
        return data[: self.rng.randrange(1, len(data))]

    def run(self, count):
        counts = {}
        frames = []
        for i in range(count):
            name, build = self.cases[i % len(self.cases)]
            frames.append(build())
            counts[name] = counts.get(name, 0) + 1
        sendp(frames, iface=self.iface, verbose=False)
        return {"sent": len(frames), "cases": counts}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--iface", default="eth0")
    p.add_argument("--router-ll", required=True)
    p.add_argument("--router-mac", required=True)
    p.add_argument("--host-ll", required=True)
    p.add_argument("--count", type=int, default=2000)
    a = p.parse_args()
    result = Flood(a.iface, a.router_ll, a.router_mac, a.host_ll).run(a.count)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
