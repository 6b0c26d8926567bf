using System.Diagnostics;
using System.Net.NetworkInformation;
using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// Two "dhpkt-" namespaces joined by veth "a" (Left, receives) and "b" (Right, sends), with the MACs of
/// both ends and helpers to open sockets inside them and collect a test's own frames from a ring.
/// </summary>
internal sealed class PacketLink : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly VethPair _pair = new("dhpkt");

    public PacketLink()
    {
        try
        {
            LeftMac = Left.Run(() => LinkInfo.Get(VethPair.LeftInterface)).MacAddress;
            RightMac = Right.Run(() => LinkInfo.Get(VethPair.RightInterface)).MacAddress;
        }
        catch
        {
            _pair.Dispose();
            throw;
        }
    }

    public TestNetns Left => _pair.Left;

    public TestNetns Right => _pair.Right;

    public PhysicalAddress LeftMac { get; }

    public PhysicalAddress RightMac { get; }

    /// <summary>
    /// Turns IPv6 off on "b", so the kernel sends no more MLD reports or ND from it (MLDv2 repeats its
    /// unsolicited report up to a second after link up): a test that counts every frame sees only its own.
    /// </summary>
    public void SilenceRight() =>
        Right.Run(() => Sysctl.WriteIpv6Conf(VethPair.RightInterface, "disable_ipv6", "1"));

    /// <summary>A socket on "a" in Left.</summary>
    public PacketSocket OpenLeft(PacketSocketOptions options) =>
        Left.Run(() => PacketSocket.Open(VethPair.LeftInterface, options));

    /// <summary>A socket on "b" in Right.</summary>
    public PacketSocket OpenRight(PacketSocketOptions options) =>
        Right.Run(() => PacketSocket.Open(VethPair.RightInterface, options));

    /// <summary>A plain send-only socket on "b" (no ring, receives nothing).</summary>
    public PacketSocket OpenSender() => OpenRight(new PacketSocketOptions { Protocol = PacketProtocol.None });

    /// <summary>Reads frames (releasing each) until <paramref name="count"/> of ours arrived or patience ran out.</summary>
    public static List<(byte[] Frame, PacketMeta Meta)> Collect(PacketRxRing ring, ulong nonce, int count, TimeSpan? patience = null)
    {
        var ours = new List<(byte[], PacketMeta)>();
        var clock = Stopwatch.StartNew();
        while (ours.Count < count && clock.Elapsed < (patience ?? Patience))
        {
            if (!ring.TryNext(out var frame, out var meta))
            {
                ring.Wait(TimeSpan.FromMilliseconds(50));
                continue;
            }

            if (TestFrames.SequenceOf(frame, nonce) >= 0)
            {
                ours.Add((frame.ToArray(), meta));
            }

            ring.Release();
        }

        return ours;
    }

    public void Dispose() => _pair.Dispose();
}
