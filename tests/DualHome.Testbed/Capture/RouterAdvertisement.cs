using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace DualHome.Testbed.Capture;

/// <summary>Prefix Information option (RFC 4861 §4.6.2).</summary>
public sealed record PrefixInfo(IPNetwork Prefix, bool OnLink, bool Autonomous, uint ValidLifetime, uint PreferredLifetime)
{
    public override string ToString() =>
        $"{Prefix} {(OnLink ? "L" : "")}{(Autonomous ? "A" : "")} valid {ValidLifetime}s preferred {PreferredLifetime}s";
}

/// <summary>Recursive DNS Server option (RFC 8106 §5.1).</summary>
public sealed record RdnssInfo(uint Lifetime, IReadOnlyList<IPAddress> Servers)
{
    public override string ToString() => $"{string.Join(' ', Servers)} lifetime {Lifetime}s";
}

/// <summary>
/// A Router Advertisement decoded by the testbed itself (RFC 4861 §4.2) — an oracle independent of the
/// daemon's own ND code. Strict about option lengths (§4.6: length 0 or overrun makes the RA unreadable).
/// </summary>
public sealed record RouterAdvertisement(byte CurHopLimit, byte Flags, ushort RouterLifetime, uint ReachableTime, uint RetransTimer,
    IReadOnlyList<PrefixInfo> Prefixes, IReadOnlyList<RdnssInfo> Rdnss, uint? Mtu, string? SourceLinkLayer, IReadOnlyList<byte> OtherOptions)
{
    private const byte TypeRa = 134;
    private const int HeaderLength = 16; // RFC 4861 §4.2

    /// <summary>Default Router Preference (RFC 4191 §2.2): high, medium, low or reserved.</summary>
    public string Preference => ((Flags >> 3) & 3) switch { 1 => "high", 0 => "medium", 3 => "low", _ => "reserved" };

    public PrefixInfo? Prefix(IPNetwork p) => Prefixes.FirstOrDefault(x => x.Prefix.Equals(p));

    public static RouterAdvertisement? TryParse(ReadOnlySpan<byte> m)
    {
        if (m.Length < HeaderLength || m[0] != TypeRa || m[1] != 0) return null;
        var prefixes = new List<PrefixInfo>();
        var rdnss = new List<RdnssInfo>();
        var other = new List<byte>();
        uint? mtu = null;
        string? slla = null;
        for (var o = m[HeaderLength..]; o.Length > 0;)
        {
            if (o.Length < 2 || o[1] == 0 || o[1] * 8 > o.Length) return null; // RFC 4861 §4.6
            var opt = o[..(o[1] * 8)];
            switch (opt[0])
            {
                case 1: slla = Convert.ToHexString(opt.Slice(2, 6)).ToLowerInvariant(); break;
                case 3 when opt.Length == 32:
                    if (opt[2] > 128) return null; // RFC 4861 §4.6.2: prefix length 0..128
                    prefixes.Add(ParsePio(opt));
                    break;
                case 5 when opt.Length == 8: mtu = BinaryPrimitives.ReadUInt32BigEndian(opt[4..]); break;
                case 25 when opt.Length >= 24 && (opt.Length - 8) % 16 == 0: rdnss.Add(ParseRdnss(opt)); break;
                default: other.Add(opt[0]); break;
            }
            o = o[opt.Length..];
        }
        return new RouterAdvertisement(m[4], m[5], BinaryPrimitives.ReadUInt16BigEndian(m[6..]),
            BinaryPrimitives.ReadUInt32BigEndian(m[8..]), BinaryPrimitives.ReadUInt32BigEndian(m[12..]),
            prefixes, rdnss, mtu, slla, other);
    }

    private static PrefixInfo ParsePio(ReadOnlySpan<byte> o) =>
        new(new IPNetwork(new IPAddress(o.Slice(16, 16)), o[2]), (o[3] & 0x80) != 0, (o[3] & 0x40) != 0,
            BinaryPrimitives.ReadUInt32BigEndian(o[4..]), BinaryPrimitives.ReadUInt32BigEndian(o[8..]));

    private static RdnssInfo ParseRdnss(ReadOnlySpan<byte> o)
    {
        var servers = new List<IPAddress>();
        for (var at = 8; at + 16 <= o.Length; at += 16) servers.Add(new IPAddress(o.Slice(at, 16)));
        return new RdnssInfo(BinaryPrimitives.ReadUInt32BigEndian(o[4..]), servers);
    }

    public override string ToString()
    {
        var sb = new StringBuilder($"router lifetime {RouterLifetime}s, pref {Preference}");
        foreach (var p in Prefixes) sb.Append($"; PIO {p}");
        foreach (var r in Rdnss) sb.Append($"; RDNSS {r}");
        if (Mtu is { } mtu) sb.Append($"; MTU {mtu}");
        if (SourceLinkLayer is { } l) sb.Append($"; SLLA {l}");
        if (OtherOptions.Count > 0) sb.Append($"; other options {string.Join(',', OtherOptions)}");
        return sb.ToString();
    }
}

/// <summary>An RA seen on the wire, with when and from where.</summary>
public sealed record CapturedRa(long UnixNanoseconds, IPAddress Source, IPAddress Destination, byte HopLimit, RouterAdvertisement Ra)
{
    public DateTimeOffset Time => DateTimeOffset.UnixEpoch.AddTicks(UnixNanoseconds / 100);

    public override string ToString() => $"RA {Source} → {Destination} hlim {HopLimit}: {Ra}";
}
