using System.Net;

namespace DualHome.Testbed;

/// <summary>
/// Which ISP carried one TCP connection from a given host source: the per-source packet counts each ISP saw
/// on rtr0 during the connection, plus the changes of the ingress-drop and foreign-source counters.
/// </summary>
public sealed record ExitReport(TcpResult Tcp, IReadOnlyDictionary<Isp, long> PacketsFromSource,
    IReadOnlyDictionary<Isp, long> IngressDropDelta, IReadOnlyDictionary<Isp, long> ForeignDelta)
{
    /// <summary>The single ISP that saw packets from the source, or null when none or both did.</summary>
    public Isp? CarriedBy
    {
        get
        {
            var carriers = PacketsFromSource.Where(kv => kv.Value > 0).Select(kv => kv.Key).ToList();
            return carriers.Count == 1 ? carriers[0] : null;
        }
    }

    /// <summary>No ISP saw anything from the source, nothing foreign and nothing dropped by an ISP's filter.</summary>
    public bool ReachedNoIsp => PacketsFromSource.Values.All(v => v == 0) && ForeignDelta.Values.All(v => v == 0);

    public bool NoIngressDrops => IngressDropDelta.Values.All(v => v == 0);

    public override string ToString() =>
        $"{Tcp}; packets from it at ISP A {PacketsFromSource[Isp.A]}, ISP B {PacketsFromSource[Isp.B]}; " +
        $"ingress drops +{IngressDropDelta[Isp.A]}/+{IngressDropDelta[Isp.B]}; foreign +{ForeignDelta[Isp.A]}/+{ForeignDelta[Isp.B]}";
}

public sealed partial class Site
{
    /// <summary>Opens one TCP connection from <paramref name="source"/> and reports which ISP carried it.</summary>
    public async Task<ExitReport> TraceExitAsync(IPAddress source, TimeSpan? connectTimeout = null)
    {
        var before = await CountersAsync();
        var tcp = await TcpConnectAsync(source, connectTimeout);
        var after = await CountersAsync();
        return new ExitReport(tcp,
            Per(i => Pick(after, i).From(source) - Pick(before, i).From(source)),
            Per(i => Pick(after, i).IngressDrop - Pick(before, i).IngressDrop),
            Per(i => Pick(after, i).Rtr0Foreign - Pick(before, i).Rtr0Foreign));
    }

    private static IspCounters Pick((IspCounters A, IspCounters B) c, Isp isp) => isp == Isp.A ? c.A : c.B;

    private static Dictionary<Isp, long> Per(Func<Isp, long> f) => Topology.Isps.ToDictionary(i => i, f);
}
