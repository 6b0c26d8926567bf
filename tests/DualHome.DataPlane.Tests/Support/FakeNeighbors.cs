using DualHome.DataPlane.Neighbors;
using DualHome.DataPlane.Prefixes;
using DualHome.Wire.Ethernet;

namespace DualHome.DataPlane.Tests.Support;

/// <summary>An in-memory neighbor table; lookups allocate nothing, as the real one must not.</summary>
public sealed class FakeNeighbors : INeighborTable
{
    private readonly Dictionary<UInt128, Mac> _entries = [];

    public FakeNeighbors Add(string address, string mac)
    {
        _entries[Ipv6Key.From(System.Net.IPAddress.Parse(address))] = Mac.Parse(mac);
        return this;
    }

    public void Remove(string address) => _entries.Remove(Ipv6Key.From(System.Net.IPAddress.Parse(address)));

    public bool TryGet(ReadOnlySpan<byte> address, out Mac mac)
    {
        mac = default;
        return Ipv6Key.TryRead(address, out UInt128 key) && _entries.TryGetValue(key, out mac);
    }
}
