using System.Globalization;
using System.Text;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Ethernet;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>Which DUID a new identity gets (RFC 8415 §11).</summary>
public enum DuidKind
{
    /// <summary>§11.4 DUID-LL from the uplink's MAC: the same on every boot even without storage.</summary>
    LinkLayer,
    /// <summary>§11.2 DUID-LLT from the MAC and the time of creation: needs the stored copy to stay stable.</summary>
    LinkLayerPlusTime,
}

/// <summary>
/// What identifies the client to the ISP's server: its DUID (§11) and the IAID of its IA_PD (§12). Both stay the
/// same across restarts (issue 8), so the server hands back the same prefix: they are created once and kept in an
/// <see cref="IStateStore"/> under <c>dhcpv6-&lt;uplink&gt;.id</c>, a small text file.
/// </summary>
public sealed record ClientIdentity(Duid Duid, uint Iaid)
{
    private const string Header = "# DualHome DHCPv6 client identity (RFC 8415 §11, §12); keep it to keep the delegated prefix";

    public static string StateName(string uplink) => $"dhcpv6-{uplink}.id";

    /// <summary>
    /// The stored identity of <paramref name="uplink"/>, or a new one that is saved at once: a DUID of
    /// <paramref name="kind"/> from <paramref name="mac"/>, and the IAID derived from <paramref name="interfaceName"/>.
    /// An unreadable file is replaced (logged); a store that cannot be written leaves the identity in memory (logged).
    /// </summary>
    public static ClientIdentity LoadOrCreate(IStateStore store, string uplink, string interfaceName, Mac mac,
        DuidKind kind, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(store);
        string name = StateName(uplink);
        StateNames.Require(name);
        if (store.TryLoad(name, out byte[] contents))
        {
            if (TryParse(contents, out ClientIdentity? stored))
                return stored!;
            Dhcpv6Log.IdentityUnreadable(log, uplink, name);
        }
        var created = new ClientIdentity(NewDuid(kind, mac, time), IaidFor(interfaceName));
        Save(store, name, created, uplink, log);
        return created;
    }

    private static Duid NewDuid(DuidKind kind, Mac mac, TimeProvider time) => kind switch
    {
        DuidKind.LinkLayerPlusTime => Duid.LinkLayerPlusTime(mac, time.GetUtcNow()),
        _ => Duid.LinkLayer(mac),
    };

    private static void Save(IStateStore store, string name, ClientIdentity identity, string uplink, ILogger log)
    {
        try
        {
            store.Save(name, Encoding.UTF8.GetBytes(identity.ToText()));
            Dhcpv6Log.IdentityCreated(log, uplink, identity.Duid, identity.Iaid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Dhcpv6Log.IdentityNotSaved(log, e, uplink, name);
        }
    }

    /// <summary>§12: the IAID "MUST be consistent across restarts"; here FNV-1a (32 bit) of the interface name, so
    /// even a lost state file gives the same IAID back.</summary>
    public static uint IaidFor(string interfaceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(interfaceName))
            hash = (hash ^ b) * 16777619;
        return hash;
    }

    /// <summary>"duid &lt;hex&gt;" and "iaid &lt;8 hex digits&gt;" lines after a comment.</summary>
    public string ToText() => $"{Header}\nduid {Duid.ToHex()}\niaid {Iaid:x8}\n";

    public static bool TryParse(ReadOnlySpan<byte> contents, out ClientIdentity? identity)
    {
        identity = null;
        Duid? duid = null;
        uint? iaid = null;
        foreach (string raw in Encoding.UTF8.GetString(contents).Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("duid ", StringComparison.Ordinal) && Duid.TryParse(line[5..], out Duid? d))
                duid = d;
            else if (line.StartsWith("iaid ", StringComparison.Ordinal)
                && uint.TryParse(line[5..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint i))
                iaid = i;
        }
        if (duid is not null && iaid is not null)
            identity = new ClientIdentity(duid, iaid.Value);
        return identity is not null;
    }
}
