namespace DualHome.Linux.Tests.Support;

/// <summary>
/// A throwaway named network namespace "PREFIX-XXXXXXXX" (default prefix "dhlnx"), deleted on Dispose. DAD and router
/// solicitations are off for interfaces created in it, so link-local addresses are usable at once and
/// the kernel does not send its own RSs into a test that listens for one.
/// </summary>
internal sealed class TestNetns : IDisposable
{
    public TestNetns(string prefix = "dhlnx")
    {
        Name = prefix + "-" + Convert.ToHexString(Guid.NewGuid().ToByteArray()[..4]).ToLowerInvariant();
        Shell.Ip("netns", "add", Name);
        try
        {
            NetNamespace.RunIn(Name, () =>
            {
                Sysctl.WriteIpv6Conf("default", "accept_dad", "0");
                Sysctl.WriteIpv6Conf("default", "router_solicitations", "0");
            });
            Shell.Ip("-n", Name, "link", "set", "dev", "lo", "up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Name { get; }

    /// <summary><c>ip -n NAME ARGS</c>.</summary>
    public string Ip(params string[] arguments) => Shell.Ip(["-n", Name, .. arguments]);

    /// <summary>A veth pair with both ends in this namespace, both up.</summary>
    public void AddVethPair(string name, string peer)
    {
        // "name" and "dev" are spelled out: iproute2 reads a bare "a" as an abbreviation of "address".
        Ip("link", "add", "name", name, "type", "veth", "peer", "name", peer);
        Ip("link", "set", "dev", name, "up");
        Ip("link", "set", "dev", peer, "up");
        WaitUntilReady(name);
        WaitUntilReady(peer);
    }

    /// <summary>
    /// Waits until the kernel has configured IPv6 on the interface: carrier changes reach addrconf through
    /// linkwatch, asynchronously, and until then there is no link-local address and no ff00::/8 route
    /// (sends fail with ENETUNREACH or EADDRNOTAVAIL).
    /// </summary>
    public void WaitUntilReady(string interfaceName)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Run(() => LinkInfo.Get(interfaceName)).LinkLocalAddresses.Count == 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"{interfaceName} in {Name} got no link-local address");
            }

            Thread.Sleep(10);
        }
    }

    public T Run<T>(Func<T> function) => NetNamespace.RunIn(Name, function);

    public void Run(Action action) => NetNamespace.RunIn(Name, action);

    public void Dispose() => Shell.TryRun("ip", "netns", "del", Name);
}
