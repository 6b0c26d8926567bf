"""A small dual-ISP site in network namespaces around the emulated router (test-image.py --network netns; root).

    host(eth0) ── br0/tap0 ── [guest eth0 LAN]  emulated router  [guest eth1] ── tap1/br1 ── ispA(rtr0) inet0 ── inet(ispa0)
                                                                 [guest eth2] ── tap2/br2 ── ispB(rtr0) inet0 ── inet(ispb0)

qemu runs in its own namespace, where each tap device is bridged to one end of a veth pair whose other end
is in the host or an ISP namespace: nothing is added to the root namespace. Addresses as in the namespace
testbed (testbed.md): ISP A delegates 2001:db8:a::/48 (LAN 2001:db8:a:1::/64), ISP B 2001:db8:b::/48, the
router-ISP links are link-local only (the ISP is fe80::1; the router is its EUI-64 address from the NIC's
MAC), each ISP drops what comes from the router with a source outside its /48 (BCP 38) and counts it, and
the server 2001:db8:ffff::1 on the inet namespace's lo answers the router's probes and the host's pings.
"""
import os
import re
import subprocess
import time

SERVER = "2001:db8:ffff::1"
# Row names (test-image.py prefixes "image: "): the host gets SLAAC addresses from both prefixes; pings
# from each source leave through the router and that source's ISP; a silent failure of ISP A makes the
# host deprecate prefix A and use B; the repair makes A preferred again.
CHECKS = ["SLAAC from both ISPs", "exit by source", "failover A -> B", "A back, preferred"]
PREFIX = {"a": "2001:db8:a:1:", "b": "2001:db8:b:1:"}
DELEGATED = {"a": "2001:db8:a::/48", "b": "2001:db8:b::/48"}


def sh(*args, check=True, capture=False):
    r = subprocess.run(list(args), check=False, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {r.returncode}: {r.stderr.strip()}")
    return r.stdout if capture else r.returncode


def eui64_link_local(mac):
    b = [int(x, 16) for x in mac.split(":")]
    b[0] ^= 0x02
    words = [b[0] << 8 | b[1], b[2] << 8 | 0xFF, 0xFE << 8 | b[3], b[4] << 8 | b[5]]
    return "fe80::" + ":".join(f"{w:x}" for w in words)


class Site:
    def __init__(self, macs):
        tag = f"dhi{os.getpid() % 100000}"
        self.qemu_ns, self.host, self.inet = f"{tag}q", f"{tag}h", f"{tag}i"
        self.isp = {"a": f"{tag}a", "b": f"{tag}b"}
        self.taps = ["dhtap0", "dhtap1", "dhtap2"]
        self.router_ll = {"a": eui64_link_local(macs[1]), "b": eui64_link_local(macs[2])}
        self.namespaces = [self.qemu_ns, self.host, self.inet, self.isp["a"], self.isp["b"]]

    # ------------------------------------------------------------ topology
    def ns(self, name, *args, **kw):
        return sh("ip", "netns", "exec", name, *args, **kw)

    def sysctl(self, name, *settings):
        for s in settings:
            self.ns(name, "sysctl", "-q", "-w", s)

    def create(self):
        for n in self.namespaces:
            sh("ip", "netns", "add", n)
            self.ns(n, "ip", "link", "set", "lo", "up")
        q = self.qemu_ns
        self.sysctl(q, "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1")
        peers = [(self.host, "eth0"), (self.isp["a"], "rtr0"), (self.isp["b"], "rtr0")]
        for i, (peer_ns, peer_if) in enumerate(peers):
            self.ns(q, "ip", "tuntap", "add", "dev", self.taps[i], "mode", "tap")
            self.ns(q, "ip", "link", "add", f"br{i}", "type", "bridge", "forward_delay", "0")
            self.ns(q, "ip", "link", "add", f"ve{i}", "type", "veth", "peer", "name", peer_if, "netns", peer_ns)
            for dev in (self.taps[i], f"ve{i}"):
                self.ns(q, "ip", "link", "set", dev, "master", f"br{i}")
                self.ns(q, "ip", "link", "set", dev, "up")
            self.ns(q, "ip", "link", "set", f"br{i}", "up")
        # The host: an ordinary SLAAC host on the LAN.
        self.sysctl(self.host, "net.ipv6.conf.eth0.accept_ra=1", "net.ipv6.conf.eth0.autoconf=1")
        self.ns(self.host, "ip", "link", "set", "eth0", "up")
        # The ISPs and the server behind them.
        self.sysctl(self.inet, "net.ipv6.conf.all.forwarding=1")
        self.ns(self.inet, "ip", "-6", "addr", "add", f"{SERVER}/128", "dev", "lo")
        for x in ("a", "b"):
            isp = self.isp[x]
            self.sysctl(isp, "net.ipv6.conf.all.forwarding=1")
            self.ns(isp, "ip", "link", "add", "inet0", "type", "veth", "peer", "name", f"isp{x}0", "netns", self.inet)
            self.ns(isp, "ip", "-6", "addr", "add", "fe80::1/64", "dev", "rtr0", "nodad")
            self.ns(isp, "ip", "-6", "addr", "add", "fe80::1/64", "dev", "inet0", "nodad")
            for dev in ("rtr0", "inet0"):
                self.ns(isp, "ip", "link", "set", dev, "up")
            self.ns(isp, "ip", "-6", "route", "add", DELEGATED[x], "via", self.router_ll[x], "dev", "rtr0")
            self.ns(isp, "ip", "-6", "route", "add", "default", "via", "fe80::2", "dev", "inet0")
            self.ns(self.inet, "ip", "-6", "addr", "add", "fe80::2/64", "dev", f"isp{x}0", "nodad")
            self.ns(self.inet, "ip", "link", "set", f"isp{x}0", "up")
            self.ns(self.inet, "ip", "-6", "route", "add", DELEGATED[x], "via", "fe80::1", "dev", f"isp{x}0",
                    "src", SERVER)
            self.nft(isp, f"""
table inet dualhome_isp {{
  counter from_router {{ }}
  counter ingress_drop {{ }}
  chain forward {{
    type filter hook forward priority 0; policy accept;
    iifname "rtr0" ip6 saddr != {DELEGATED[x]} counter name ingress_drop drop
    iifname "rtr0" counter name from_router
  }}
}}""")

    def nft(self, namespace, ruleset):
        r = subprocess.run(["ip", "netns", "exec", namespace, "nft", "-f", "-"], input=ruleset, text=True,
                           capture_output=True)
        if r.returncode != 0:
            raise RuntimeError(f"nft in {namespace}: {r.stderr.strip()}")

    def counter(self, x, name):
        out = self.ns(self.isp[x], "nft", "list", "counter", "inet", "dualhome_isp", name, capture=True)
        m = re.search(r"packets (\d+)", out)
        return int(m.group(1)) if m else -1

    def silence(self, x, on):
        """A silent failure of ISP x: it stops forwarding to and from the internet, the link stays up."""
        isp = self.isp[x]
        if on:
            self.nft(isp, """
table inet dualhome_outage {
  chain forward { type filter hook forward priority -10; policy accept; iifname "inet0" drop; oifname "inet0" drop; }
}""")
        else:
            self.ns(isp, "nft", "delete", "table", "inet", "dualhome_outage", check=False)

    def destroy(self):
        for n in self.namespaces:
            sh("ip", "netns", "delete", n, check=False)

    # ------------------------------------------------------------ the host's view
    def host_addresses(self):
        """{'a': (address, deprecated), 'b': ...}: the host's SLAAC addresses in each LAN prefix."""
        out = self.ns(self.host, "ip", "-6", "-o", "addr", "show", "dev", "eth0", "scope", "global", capture=True,
                      check=False) or ""
        found = {}
        for line in out.splitlines():
            m = re.search(r"inet6 ([0-9a-f:]+)/64", line)
            if not m or "tentative" in line:
                continue
            for x, p in PREFIX.items():
                if m.group(1).startswith(p):
                    found[x] = (m.group(1), "deprecated" in line)
        return found

    def wait(self, predicate, timeout, step=0.1):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            v = predicate()
            if v:
                return v
            time.sleep(step)
        return None

    def ping(self, source=None):
        args = ["ping", "-6", "-c", "1", "-W", "3"] + (["-I", source] if source else []) + [SERVER]
        return self.ns(self.host, *args, check=False) == 0

    # ------------------------------------------------------------ checks (rows for test-image.py)
    def checks(self, shell):
        rows = []

        def row(name, ok, t, note=""):
            rows.append((name, "PASS" if ok else "FAIL", time.monotonic() - t, note))
            return ok

        names = CHECKS
        t = time.monotonic()
        addrs = self.wait(lambda: (lambda a: a if len(a) == 2 and not any(d for _, d in a.values()) else None)(
            self.host_addresses()), 60, 0.5)
        if not row(names[0], bool(addrs), t,
                   f"{addrs['a'][0]}, {addrs['b'][0]}" if addrs else f"host has {self.host_addresses()}"):
            return rows + [(n, "SKIP", 0.0, "no addresses") for n in names[1:]]

        t = time.monotonic()
        before = {x: self.counter(x, "from_router") for x in "ab"}
        ok_a, ok_b = self.ping(addrs["a"][0]), self.ping(addrs["b"][0])
        after = {x: self.counter(x, "from_router") for x in "ab"}
        drops = self.counter("a", "ingress_drop") + self.counter("b", "ingress_drop")
        via = {x: after[x] - before[x] for x in "ab"}
        row(names[1], ok_a and ok_b and via["a"] >= 1 and via["b"] >= 1 and drops == 0, t,
            f"ping from A {'ok' if ok_a else 'FAILED'} ({via['a']} packet(s) via ISP A), from B "
            f"{'ok' if ok_b else 'FAILED'} ({via['b']} via ISP B), {drops} dropped by ingress filters")

        t = time.monotonic()
        self.silence("a", True)
        moved = self.wait(lambda: self.host_addresses().get("a", (None, False))[1], 20)
        took = time.monotonic() - t
        new_conn = self.ping() if moved else False
        _, status = shell.run("dualhomed ctl show status", 30)
        print("      | " + "\n      | ".join(l for l in status.split("\n") if l.strip()))
        row(names[2], bool(moved) and new_conn, t,
            f"prefix A deprecated at the host {took:.1f} s after the failure; a new ping "
            f"{'went out from B' if new_conn else 'FAILED'}" if moved else "prefix A still preferred after 20 s")

        t = time.monotonic()
        self.silence("a", False)
        back = self.wait(lambda: (lambda a: "a" in a and not a["a"][1])(self.host_addresses()), 40)
        row(names[3], bool(back), t, f"{time.monotonic() - t:.1f} s after the repair" if back else "not within 40 s")
        return rows
