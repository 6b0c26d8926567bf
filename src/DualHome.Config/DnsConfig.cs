using System.Net;

namespace DualHome.Config;

public sealed record DnsConfig(IReadOnlyList<DnsUpdateConfig> Updates)
{
    public static DnsConfig None { get; } = new([]);
}

public sealed record DnsUpdateConfig(IPAddress Server, int Port, string Zone, TimeSpan Ttl, TsigKeyConfig Key,
    IReadOnlyList<DnsRecordConfig> Records);

/// <summary>A TSIG key. <see cref="ToString"/> leaves the secret out, so no log line or error can carry it.</summary>
public sealed record TsigKeyConfig(string Name, string Algorithm, byte[] Secret)
{
    public override string ToString() => $"TSIG key {Name} ({Algorithm}, secret not shown)";
}

public sealed record DnsRecordConfig(string Name, IPAddress InterfaceId);
