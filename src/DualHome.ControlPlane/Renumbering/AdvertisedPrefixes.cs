using System.Globalization;
using System.Net;
using System.Text;
using DualHome.ControlPlane.Dhcpv6;

namespace DualHome.ControlPlane.Renumbering;

/// <summary>
/// The LAN prefixes this router has advertised, kept on stable storage (RFC 9096 §3.5): after a renumbering or a
/// reboot, a prefix advertised before but not now is stale and is advertised with both lifetimes 0 until no host can
/// still hold an address in it (the valid lifetime it was last advertised with has run out). Times are wall-clock
/// UTC because they must survive a reboot.
/// </summary>
/// <remarks>Flash wear: the file is rewritten only when a prefix appears or disappears, or when a prefix's remembered
/// end would otherwise fall short of what hosts were told (refreshed at half the advertised valid lifetime).</remarks>
public sealed class AdvertisedPrefixes(IStateStore store, TimeProvider time)
{
    public const string FileName = "advertised-prefixes";
    private readonly Lock _gate = new();
    private Dictionary<IPNetwork, DateTimeOffset>? _until;

    /// <summary>Records <paramref name="current"/> (prefix and the valid lifetime it is advertised with) and returns
    /// the stale prefixes to advertise with lifetimes 0. Never throws on a bad or missing file (starts empty) nor on a
    /// failed save (the list is kept in memory and <see cref="SaveError"/> says why it is not on storage).</summary>
    public IReadOnlyList<IPNetwork> Advertise(IReadOnlyList<(IPNetwork Prefix, uint ValidLifetime)> current)
    {
        lock (_gate)
        {
            var until = _until ??= Load();
            var now = time.GetUtcNow();
            bool changed = Expire(until, now) | Record(until, current, now);
            var stale = until.Keys.Where(p => !current.Any(c => c.Prefix == p)).OrderBy(p => p.ToString(), StringComparer.Ordinal).ToList();
            if (changed || SaveError is not null) Save(until); // a failed save is retried
            return stale;
        }
    }

    /// <summary>Why the last save failed, or null after a good one.</summary>
    public string? SaveError { get; private set; }

    private void Save(Dictionary<IPNetwork, DateTimeOffset> until)
    {
        try { store.Save(FileName, Format(until)); SaveError = null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { SaveError = e.Message; }
    }

    private static bool Expire(Dictionary<IPNetwork, DateTimeOffset> until, DateTimeOffset now)
    {
        var gone = until.Where(e => e.Value <= now).Select(e => e.Key).ToList();
        foreach (var p in gone) until.Remove(p);
        return gone.Count > 0;
    }

    private static bool Record(Dictionary<IPNetwork, DateTimeOffset> until, IReadOnlyList<(IPNetwork Prefix, uint ValidLifetime)> current, DateTimeOffset now)
    {
        bool changed = false;
        foreach (var (prefix, valid) in current)
        {
            var end = now.AddSeconds(valid);
            var half = now.AddSeconds(valid / 2.0);
            if (until.TryGetValue(prefix, out var known) && known > half) continue;
            until[prefix] = end;
            changed = true;
        }
        return changed;
    }

    /// <summary>One line per prefix: "2001:db8:a:100::/64 1798000000" (end of its last valid lifetime, Unix seconds).</summary>
    public static byte[] Format(Dictionary<IPNetwork, DateTimeOffset> until) =>
        Encoding.ASCII.GetBytes(string.Concat(until.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal)
            .Select(e => $"{e.Key} {e.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}\n")));

    private Dictionary<IPNetwork, DateTimeOffset> Load()
    {
        byte[] contents;
        try { if (!store.TryLoad(FileName, out contents)) return []; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
        return Parse(Encoding.ASCII.GetString(contents));
    }

    /// <summary>Lines that do not parse are skipped: a damaged file loses only those entries.</summary>
    public static Dictionary<IPNetwork, DateTimeOffset> Parse(string text)
    {
        var result = new Dictionary<IPNetwork, DateTimeOffset>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && IPNetwork.TryParse(parts[0], out var prefix)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds is > 0 and < 253402300799)
                result[prefix] = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return result;
    }
}
