using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DualHome.Linux.Icmpv6;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Icmpv6;

/// <summary>
/// Two namespaces joined by veth "a" (router side, receives) and "b" (host side, sends). Each sent
/// message carries a random Nonce option (RFC 3971 §5.3.2, type 14) so a test recognises its own
/// packets among anything else on the link.
/// </summary>
public sealed class Icmpv6SocketIntegrationTests : IDisposable
{
    private const byte RouterSolicitation = 133;
    private const byte EchoRequest = 128;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly VethPair? _pair;
    private readonly Icmpv6Socket? _router;
    private readonly Icmpv6Socket? _host;

    public Icmpv6SocketIntegrationTests()
    {
        if (!Privileges.IsRoot)
        {
            return;
        }

        _pair = new VethPair();
        try
        {
            _router = _pair.Left.Run(() => Icmpv6Socket.Open(VethPair.LeftInterface, [RouterSolicitation]));
            _host = _pair.Right.Run(() => Icmpv6Socket.Open(VethPair.RightInterface, [134]));
        }
        catch
        {
            Dispose(); // xunit does not dispose a test class whose constructor threw
            throw;
        }
    }

    private Icmpv6Socket Router => _router!;

    private Icmpv6Socket Host => _host!;

    [Fact]
    public void RouterSolicitation_ToAllRouters_ArrivesWithHopLimit255_LinkLocalSource_AndIfindex()
    {
        Root.Require();
        var hostLinkLocal = _pair!.Right.Run(() => LinkInfo.Get(VethPair.RightInterface)).LinkLocalAddresses.Single();
        var message = Message(RouterSolicitation);

        Host.Send(message, Icmpv6Socket.AllRouters);
        var (meta, received) = ReceiveOwn(message);

        Assert.Equal(255, meta.HopLimit);
        Assert.True(meta.Source.IsIPv6LinkLocal);
        Assert.Equal(hostLinkLocal.GetAddressBytes(), meta.Source.GetAddressBytes());
        Assert.Equal(Router.InterfaceIndex, meta.Source.ScopeId);
        Assert.Equal(Router.InterfaceIndex, meta.InterfaceIndex);
        Assert.Equal(Icmpv6Socket.AllRouters, meta.Destination);
        Assert.False(meta.Truncated);
        Assert.NotEqual(0, received[2] | received[3]); // the kernel filled in the checksum (RFC 3542 §3.1)
    }

    [Fact]
    public void Message_SentWithHopLimit64_IsReportedWith64()
    {
        Root.Require();
        var message = Message(RouterSolicitation);
        using var plain = _pair!.Right.Run(
            () => new Socket(AddressFamily.InterNetworkV6, SocketType.Raw, ProtocolType.IcmpV6));
        plain.SetRawSocketOption(41, 18, BitConverter.GetBytes(64)); // IPPROTO_IPV6, IPV6_MULTICAST_HOPS
        var hostIndex = _pair.Right.Run(() => LinkInfo.Get(VethPair.RightInterface)).Index;

        plain.SendTo(message, new IPEndPoint(new IPAddress(Icmpv6Socket.AllRouters.GetAddressBytes(), hostIndex), 0));
        var (meta, _) = ReceiveOwn(message);

        Assert.Equal(64, meta.HopLimit); // RFC 4861 §6.1.1: the receiver must drop this one
    }

    [Fact]
    public void Filter_DropsTypesNotAccepted()
    {
        Root.Require();
        var echo = Message(EchoRequest);
        var solicitation = Message(RouterSolicitation);

        Host.Send(echo, Icmpv6Socket.AllRouters);
        Host.Send(solicitation, Icmpv6Socket.AllRouters);

        // veth keeps order: had the echo passed the filter it would arrive first.
        var seen = ReceiveUntil(solicitation);
        Assert.DoesNotContain(seen, packet => packet[0] == EchoRequest);
    }

    [Fact]
    public void Send_FromChosenLinkLocalSource_UsesIt()
    {
        Root.Require();
        var chosen = IPAddress.Parse("fe80::dead");
        _pair!.Right.Run(() =>
        {
            using var netlink = Rtnetlink.Open();
            netlink.AddAddress(netlink.GetLink(VethPair.RightInterface).Index, chosen, 64, AddressFlags.NoDad);
        });
        var message = Message(RouterSolicitation);

        Host.Send(message, Icmpv6Socket.AllRouters, chosen);
        var (meta, _) = ReceiveOwn(message);

        Assert.Equal(new IPAddress(chosen.GetAddressBytes(), Router.InterfaceIndex), meta.Source);
        Assert.Equal(255, meta.HopLimit);
    }

    [Fact]
    public void Send_ToLinkLocalUnicast_Arrives()
    {
        Root.Require();
        var routerLinkLocal = _pair!.Left.Run(() => LinkInfo.Get(VethPair.LeftInterface)).LinkLocalAddresses.Single();
        var message = Message(RouterSolicitation);

        Host.Send(message, new IPAddress(routerLinkLocal.GetAddressBytes())); // scope id comes from the socket
        var (meta, _) = ReceiveOwn(message);

        Assert.Equal(routerLinkLocal.GetAddressBytes(), meta.Destination.GetAddressBytes());
        Assert.Equal(255, meta.HopLimit);
    }

    [Fact]
    public void TryReceive_NothingSent_ReturnsFalseAfterTimeout()
    {
        Root.Require();
        using var quick = _pair!.Left.Run(
            () => Icmpv6Socket.Open(VethPair.LeftInterface, [RouterSolicitation], TimeSpan.FromMilliseconds(50)));

        Assert.False(quick.TryReceive(new byte[1500], out _, out var length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void Dispose_WakesABlockedReceive_ThenReceiveThrowsObjectDisposed()
    {
        Root.Require();
        var slow = _pair!.Left.Run(
            () => Icmpv6Socket.Open(VethPair.LeftInterface, [RouterSolicitation], TimeSpan.FromSeconds(60)));
        var started = new ManualResetEventSlim();
        var loop = new Thread(() =>
        {
            started.Set();
            while (slow.TryReceive(new byte[1500], out _, out _))
            {
            }
        });
        loop.Start();
        started.Wait(TestContext.Current.CancellationToken);
        Thread.Sleep(100); // let the loop block in recvmsg (the 60 s timeout rules out waking by timeout)

        slow.Dispose();

        Assert.True(loop.Join(TimeSpan.FromSeconds(5)), "receive loop still blocked after Dispose");
        Assert.Throws<ObjectDisposedException>(() => slow.TryReceive(new byte[1500], out _, out _));
    }

    [Fact]
    public void Open_UnknownInterface_ThrowsEnodev()
    {
        var error = Assert.Throws<NativeErrorException>(() => Icmpv6Socket.Open("dhlnx-none", [133]));

        Assert.Equal(Errno.ENODEV, error.Errno);
        Assert.Contains("if_nametoindex(dhlnx-none)", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sixteen-chars-xx")]
    [InlineData("a/b")]
    public void Open_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => Icmpv6Socket.Open(name, [133]));
    }

    public void Dispose()
    {
        _router?.Dispose();
        _host?.Dispose();
        _pair?.Dispose();
    }

    /// <summary>An ICMPv6 message of <paramref name="type"/>: header, 4 reserved bytes, a Nonce option.</summary>
    private static byte[] Message(byte type)
    {
        var message = new byte[16];
        message[0] = type;
        message[8] = 14; // Nonce option
        message[9] = 1; // length 1 × 8 bytes
        Random.Shared.NextBytes(message.AsSpan(10));
        return message;
    }

    private (Icmpv6Datagram Meta, byte[] Received) ReceiveOwn(byte[] sent)
    {
        var buffer = new byte[1500];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (Router.TryReceive(buffer, out var meta, out var length) && IsOwn(buffer.AsSpan(0, length), sent))
            {
                return (meta, buffer[..length]);
            }
        }

        throw new TimeoutException("our ICMPv6 message did not arrive");
    }

    private List<byte[]> ReceiveUntil(byte[] last)
    {
        var seen = new List<byte[]>();
        var buffer = new byte[1500];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (Router.TryReceive(buffer, out _, out var length))
            {
                seen.Add(buffer[..length]);
                if (IsOwn(buffer.AsSpan(0, length), last))
                {
                    return seen;
                }
            }
        }

        throw new TimeoutException("our ICMPv6 message did not arrive");
    }

    /// <summary>Same type and nonce; the checksum differs because the kernel filled it in.</summary>
    private static bool IsOwn(ReadOnlySpan<byte> received, byte[] sent) =>
        received.Length == sent.Length && received[0] == sent[0] && received[8..].SequenceEqual(sent.AsSpan(8));
}
