using System.Buffers.Binary;
using System.Net;

namespace DualHome.Testbed.Capture;

/// <summary>One frame of a pcap file, with its capture time in nanoseconds since the Unix epoch.</summary>
public readonly record struct PcapRecord(long UnixNanoseconds, ReadOnlyMemory<byte> Frame)
{
    public DateTimeOffset Time => DateTimeOffset.UnixEpoch.AddTicks(UnixNanoseconds / 100);
}

/// <summary>An ICMPv6 packet found in an Ethernet frame (no extension headers).</summary>
public readonly record struct Icmpv6Packet(long UnixNanoseconds, IPAddress Source, IPAddress Destination, byte HopLimit, ReadOnlyMemory<byte> Message)
{
    public byte Type => Message.Span[0];
}

/// <summary>
/// Minimal reader for classic pcap files as tcpdump writes them (microsecond magic a1b2c3d4 or, with
/// <c>--time-stamp-precision=nano</c>, a1b23c4d; either byte order). A record cut short because tcpdump is
/// still writing it is left for the next read.
/// </summary>
public static class Pcap
{
    private const uint MagicMicro = 0xa1b2c3d4, MagicNano = 0xa1b23c4d;
    private const int GlobalHeader = 24, RecordHeader = 16;
    private const int LinkTypeEthernet = 1;

    public static IEnumerable<PcapRecord> Records(byte[] file)
    {
        if (file.Length < GlobalHeader) yield break;
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        var little = magic is MagicMicro or MagicNano;
        if (!little) magic = BinaryPrimitives.ReadUInt32BigEndian(file);
        if (magic is not (MagicMicro or MagicNano)) throw new InvalidDataException("not a pcap file");
        var nano = magic == MagicNano;
        if (U32(file.AsSpan(20), little) != LinkTypeEthernet) throw new InvalidDataException("pcap link type is not Ethernet");
        for (var at = GlobalHeader; at + RecordHeader <= file.Length;)
        {
            var h = file.AsSpan(at, RecordHeader);
            long sec = U32(h, little), frac = U32(h[4..], little);
            var caplen = (int)U32(h[8..], little);
            if (at + RecordHeader + caplen > file.Length) yield break;
            yield return new PcapRecord(sec * 1_000_000_000 + (nano ? frac : frac * 1000), file.AsMemory(at + RecordHeader, caplen));
            at += RecordHeader + caplen;
        }
    }

    /// <summary>ICMPv6 messages carried directly in IPv6 over Ethernet (ND never uses extension headers).</summary>
    public static IEnumerable<Icmpv6Packet> Icmpv6(IEnumerable<PcapRecord> records)
    {
        foreach (var r in records)
        {
            var f = r.Frame;
            if (f.Length < 14 + 40 + 4 || BinaryPrimitives.ReadUInt16BigEndian(f.Span[12..]) != 0x86DD) continue;
            var ip = f[14..];
            if (ip.Span[6] != 58) continue;
            var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip.Span[4..]);
            var message = ip[40..];
            if (message.Length > payloadLength) message = message[..payloadLength];
            yield return new Icmpv6Packet(r.UnixNanoseconds, new IPAddress(ip.Span.Slice(8, 16)),
                new IPAddress(ip.Span.Slice(24, 16)), ip.Span[7], message);
        }
    }

    private static uint U32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
}
