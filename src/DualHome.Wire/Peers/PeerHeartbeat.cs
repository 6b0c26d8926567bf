using System.Buffers.Binary;
using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Peers;

/// <summary>One prefix a router forwards itself: its address in the prefix (the next hop a peer uses for packets from
/// it) and the prefix length; <see cref="Preferred"/> is false while its ISP is down.</summary>
public sealed record HeartbeatPrefix(IPAddress RouterAddress, byte PrefixLength, bool Preferred)
{
    public IPNetwork Prefix => PrefixBytes.ToNetwork(RouterAddress.GetAddressBytes(), PrefixLength);
}

public enum HeartbeatReadResult { Ok, TooShort, NotAHeartbeat, UnknownVersion, BadLength, TooManyPrefixes, BadPrefix }

/// <summary>
/// The heartbeat DualHome exit routers on one LAN send each other (issue 10): UDP to the all-routers group ff02::2
/// (RFC 4291 §2.7.1; hosts do not join it) every interval, so a peer notices within a few intervals that this router
/// stopped, which its Router Advertisements (seconds apart, RFC 4861 §6.2.1) cannot tell in time. Layout, network
/// byte order:
/// <code>
/// 0  "DHhb" magic            4  version (1)   5  flags (0)   6  interval, ms (u16)
/// 8  sequence (u32)          12 prefix count N (≤ 8)         13 reserved (3 bytes, 0)
/// 16 N × { router address (16) | prefix length (1) | flags (1): bit 0 = preferred }
/// </code>
/// </summary>
public sealed record PeerHeartbeat(ushort IntervalMs, uint Sequence, IReadOnlyList<HeartbeatPrefix> Prefixes)
{
    public const int HeaderLength = 16;
    public const int EntryLength = 18;
    public const byte Version = 1;
    /// <summary>A dual-homed site has one prefix per ISP; a few more fit, a flood of them does not.</summary>
    public const int MaxPrefixes = 8;
    public const int MaxLength = HeaderLength + MaxPrefixes * EntryLength;
    private static ReadOnlySpan<byte> Magic => "DHhb"u8;

    public int Write(Span<byte> buffer)
    {
        if (Prefixes.Count > MaxPrefixes) throw new ArgumentException($"at most {MaxPrefixes} prefixes", nameof(buffer));
        int length = HeaderLength + Prefixes.Count * EntryLength;
        if (buffer.Length < length) throw new ArgumentException($"a heartbeat needs {length} bytes", nameof(buffer));
        buffer[..length].Clear();
        Magic.CopyTo(buffer);
        buffer[4] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[6..], IntervalMs);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], Sequence);
        buffer[12] = (byte)Prefixes.Count;
        for (int i = 0; i < Prefixes.Count; i++) WriteEntry(buffer[(HeaderLength + i * EntryLength)..], Prefixes[i]);
        return length;
    }

    public static HeartbeatReadResult TryRead(ReadOnlySpan<byte> data, out PeerHeartbeat? heartbeat)
    {
        heartbeat = null;
        if (data.Length < HeaderLength) return HeartbeatReadResult.TooShort;
        if (!data[..4].SequenceEqual(Magic)) return HeartbeatReadResult.NotAHeartbeat;
        if (data[4] != Version) return HeartbeatReadResult.UnknownVersion;
        int count = data[12];
        if (count > MaxPrefixes) return HeartbeatReadResult.TooManyPrefixes;
        if (data.Length != HeaderLength + count * EntryLength) return HeartbeatReadResult.BadLength;
        var prefixes = new List<HeartbeatPrefix>(count);
        for (int i = 0; i < count; i++)
        {
            var entry = data.Slice(HeaderLength + i * EntryLength, EntryLength);
            byte length = entry[16];
            if (length is 0 or > 128) return HeartbeatReadResult.BadPrefix;
            prefixes.Add(new HeartbeatPrefix(new IPAddress(entry[..16]), length, (entry[17] & 1) != 0));
        }
        heartbeat = new PeerHeartbeat(BinaryPrimitives.ReadUInt16BigEndian(data[6..]), BinaryPrimitives.ReadUInt32BigEndian(data[8..]), prefixes);
        return HeartbeatReadResult.Ok;
    }

    private static void WriteEntry(Span<byte> entry, HeartbeatPrefix p)
    {
        if (!p.RouterAddress.TryWriteBytes(entry, out int written) || written != 16)
            throw new ArgumentException($"{p.RouterAddress} is not an IPv6 address");
        entry[16] = p.PrefixLength;
        entry[17] = p.Preferred ? (byte)1 : (byte)0;
    }
}
