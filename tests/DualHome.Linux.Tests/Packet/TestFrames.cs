using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;

namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// Frames the packet tests send. Each carries a per-test random nonce so a test recognises its own frames
/// among the kernel's MLD and ND traffic on the link. Layout after the Ethernet header: nonce (8), sequence (4), fill.
/// </summary>
internal static class TestFrames
{
    /// <summary>IEEE 802 local experimental EtherType 1: no stack in the kernel consumes it.</summary>
    public const ushort Experimental = 0x88B5;
    public const ushort Ipv6 = 0x86DD;
    public const int EthernetHeaderLength = 14;
    private const int Ipv6HeaderLength = 40;
    private const int UdpHeaderLength = 8;

    public static readonly PhysicalAddress Broadcast = PhysicalAddress.Parse("FF-FF-FF-FF-FF-FF");

    public static ulong NewNonce() => BitConverter.ToUInt64(Guid.NewGuid().ToByteArray());

    /// <summary>An experimental-EtherType frame of exactly <paramref name="length"/> bytes (≥ 26).</summary>
    public static byte[] Marked(PhysicalAddress to, PhysicalAddress from, ulong nonce, int sequence, int length)
    {
        var frame = new byte[length];
        WriteEthernet(frame, to, from, Experimental);
        WriteMark(frame.AsSpan(EthernetHeaderLength), nonce, sequence);
        return frame;
    }

    /// <summary>
    /// Ethernet + IPv6 (fd00::/8) + UDP, with the nonce in the UDP payload. The ports make the flow:
    /// fanout hashes over addresses and ports. The UDP checksum is left 0 (no stack reads these frames).
    /// </summary>
    public static byte[] Udp(PhysicalAddress to, PhysicalAddress from, ulong nonce, int sequence, ushort sourcePort, int length = 80)
    {
        var frame = new byte[length];
        WriteEthernet(frame, to, from, Ipv6);
        var ip = frame.AsSpan(EthernetHeaderLength);
        var payloadLength = length - EthernetHeaderLength - Ipv6HeaderLength;
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)payloadLength);
        ip[6] = 17; // next header: UDP
        ip[7] = 64;
        IPAddress.Parse("fd00:0:0:1::10").TryWriteBytes(ip[8..], out _);
        IPAddress.Parse("fd00:0:0:2::20").TryWriteBytes(ip[24..], out _);
        var udp = ip[Ipv6HeaderLength..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 9); // discard
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)payloadLength);
        if (payloadLength >= UdpHeaderLength + 12)
        {
            WriteMark(udp[UdpHeaderLength..], nonce, sequence);
        }

        return frame;
    }

    /// <summary>The sequence number if <paramref name="frame"/> is one of ours with <paramref name="nonce"/>, else -1.</summary>
    public static int SequenceOf(ReadOnlySpan<byte> frame, ulong nonce)
    {
        var markAt = MarkOffset(frame);
        if (markAt < 0 || frame.Length < markAt + 12 || BinaryPrimitives.ReadUInt64LittleEndian(frame[markAt..]) != nonce)
        {
            return -1;
        }

        return BinaryPrimitives.ReadInt32LittleEndian(frame[(markAt + 8)..]);
    }

    public static ushort EtherTypeOf(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);

    /// <summary>The UDP source port of a frame built by <see cref="Udp"/>.</summary>
    public static ushort SourcePortOf(ReadOnlySpan<byte> frame) =>
        BinaryPrimitives.ReadUInt16BigEndian(frame[(EthernetHeaderLength + Ipv6HeaderLength)..]);

    private static int MarkOffset(ReadOnlySpan<byte> frame) =>
        frame.Length < EthernetHeaderLength ? -1 : EtherTypeOf(frame) switch
        {
            Experimental => EthernetHeaderLength,
            Ipv6 when frame.Length > EthernetHeaderLength + 6 && frame[EthernetHeaderLength + 6] == 17 =>
                EthernetHeaderLength + Ipv6HeaderLength + UdpHeaderLength,
            _ => -1,
        };

    private static void WriteEthernet(Span<byte> frame, PhysicalAddress to, PhysicalAddress from, ushort etherType)
    {
        to.GetAddressBytes().CopyTo(frame);
        from.GetAddressBytes().CopyTo(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], etherType);
    }

    private static void WriteMark(Span<byte> payload, ulong nonce, int sequence)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(payload, nonce);
        BinaryPrimitives.WriteInt32LittleEndian(payload[8..], sequence);
        for (var i = 12; i < payload.Length; i++)
        {
            payload[i] = (byte)(sequence + i); // content differs per frame and per position
        }
    }
}
