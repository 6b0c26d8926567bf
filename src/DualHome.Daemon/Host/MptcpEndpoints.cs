using System.Net;
using DualHome.ControlPlane.Host;
using DualHome.Linux;
using DualHome.Linux.Netlink.Mptcp;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Host;

/// <summary>
/// The host's MPTCP subflow endpoints (issue 11), one per global address whose exit works: the in-kernel path manager
/// then opens a subflow from each to the peer of every MPTCP connection (RFC 8684 §3.2). A worse exit's endpoint is a
/// backup (data only when no other subflow works); a dead exit has none, and removing it makes the kernel close the
/// subflows from that address at once, so the connection moves to the others without waiting out retransmissions.
/// Endpoint ids 200–254 are ours; the limits are raised while host mode runs; both are put back at exit.
/// </summary>
public sealed class MptcpEndpoints(MptcpPathManager pm, int interfaceIndex, int maxSubflows, ILogger log) : IDisposable
{
    private const byte FirstId = 200, LastId = 254;
    private readonly Dictionary<IPAddress, (byte Id, MptcpEndpointFlags Flags)> _ours = [];
    private MptcpLimits? _saved;

    public void RaiseLimits()
    {
        _saved = pm.GetLimits();
        var wanted = new MptcpLimits(Math.Max(_saved.AcceptedAddAddrs, (uint)maxSubflows), Math.Max(_saved.Subflows, (uint)maxSubflows));
        if (wanted != _saved) pm.SetLimits(wanted);
        HostLog.Endpoint(log, $"limits: subflows {wanted.Subflows}, add_addr_accepted {wanted.AcceptedAddAddrs} (were {_saved.Subflows}, {_saved.AcceptedAddAddrs})");
    }

    /// <summary>Makes the endpoints match <paramref name="uses"/>: address → how its exit is used.</summary>
    public void Apply(IReadOnlyDictionary<IPAddress, ExitUse> uses)
    {
        foreach (var (address, (id, flags)) in _ours.ToList())
        {
            if (!uses.TryGetValue(address, out var use) || use == ExitUse.Dead) Remove(address, id);
            else if (Flags(use) != flags) SetBackup(address, id, use == ExitUse.Worse);
        }
        foreach (var (address, use) in uses)
            if (use != ExitUse.Dead && !_ours.ContainsKey(address) && FreeId() is { } id) Add(address, id, Flags(use));
    }

    public void Dispose()
    {
        foreach (var (address, (id, _)) in _ours.ToList()) Remove(address, id);
        if (_saved is { } saved) Try("put the MPTCP limits back", () => pm.SetLimits(saved));
        pm.Dispose();
    }

    private static MptcpEndpointFlags Flags(ExitUse use) =>
        use == ExitUse.Worse ? MptcpEndpointFlags.Subflow | MptcpEndpointFlags.Backup : MptcpEndpointFlags.Subflow;

    private void Add(IPAddress address, byte id, MptcpEndpointFlags flags)
    {
        if (Try($"add MPTCP endpoint {address}", () => pm.AddEndpoint(new MptcpEndpoint(id, address, interfaceIndex, flags))))
        {
            _ours[address] = (id, flags);
            HostLog.Endpoint(log, $"{address} id {id} {flags.ToString().ToLowerInvariant()} added");
        }
    }

    /// <summary>Worse ↔ used: the endpoint stays (and its subflows, switched by MP_PRIO); only its backup flag changes.</summary>
    private void SetBackup(IPAddress address, byte id, bool backup)
    {
        if (!Try($"mark MPTCP endpoint {address} {(backup ? "backup" : "not backup")}", () => pm.SetBackup(id, backup))) return;
        _ours[address] = (id, backup ? MptcpEndpointFlags.Subflow | MptcpEndpointFlags.Backup : MptcpEndpointFlags.Subflow);
        HostLog.Endpoint(log, $"{address} id {id} {(backup ? "backup" : "no longer backup")}");
    }

    private void Remove(IPAddress address, byte id)
    {
        Try($"delete MPTCP endpoint {address}", () => pm.DeleteEndpoint(id));
        _ours.Remove(address);
        HostLog.Endpoint(log, $"{address} id {id} removed");
    }

    private byte? FreeId()
    {
        for (int id = FirstId; id <= LastId; id++)
            if (_ours.Values.All(v => v.Id != id)) return (byte)id;
        return null;
    }

    private bool Try(string what, Action action)
    {
        try { action(); return true; }
        catch (NativeErrorException e) { HostLog.Failed(log, what, e.Message); return false; }
    }
}
