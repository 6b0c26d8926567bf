using DualHome.ControlPlane.Dhcpv6;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>The state directory in memory; a "restart" is a new client over the same store.</summary>
internal sealed class InMemoryStateStore : IStateStore
{
    public Dictionary<string, byte[]> Files { get; } = [];
    public int Saves { get; private set; }
    public bool FailSaves { get; set; }

    public bool TryLoad(string name, out byte[] contents)
    {
        StateNames.Require(name);
        return Files.TryGetValue(name, out contents!);
    }

    public void Save(string name, ReadOnlySpan<byte> contents)
    {
        StateNames.Require(name);
        if (FailSaves) throw new IOException("read-only file system");
        Files[name] = contents.ToArray();
        Saves++;
    }
}
