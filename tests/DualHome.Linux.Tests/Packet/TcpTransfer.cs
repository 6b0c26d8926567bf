using System.Net;
using System.Net.Sockets;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>A kernel TCP transfer across a <see cref="PacketLink"/>, "b" (fd00::2) to "a" (fd00::1), for tests that
/// watch what rings see of real TCP traffic (offloads, GRO, super-frames).</summary>
internal static class TcpTransfer
{
    /// <summary>Runs <paramref name="drain"/> on a thread of its own during the transfer, and 100 ms past its end
    /// (frames still in flight), until its token is cancelled.</summary>
    public static void RunWhile(PacketLink link, int bytes, Action<CancellationToken> drain)
    {
        using var stop = new CancellationTokenSource();
        var reader = new Thread(() => drain(stop.Token)) { IsBackground = true };
        reader.Start();
        try
        {
            Run(link, bytes);
        }
        finally
        {
            Thread.Sleep(100);
            stop.Cancel();
            reader.Join();
        }
    }

    /// <summary>Sends <paramref name="bytes"/> zero bytes and asserts they all arrived.</summary>
    public static void Run(PacketLink link, int bytes)
    {
        EnsureAddresses(link);
        using var listener = link.Left.Run(() =>
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse("fd00::1"), 0));
            socket.Listen();
            return socket;
        });
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var sink = Task.Run(() =>
        {
            using var accepted = listener.Accept();
            var buffer = new byte[65536];
            var total = 0;
            while (total < bytes && accepted.Receive(buffer) is var n and > 0)
            {
                total += n;
            }

            return total;
        });
        using var client = link.Right.Run(() => new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp));
        client.Connect(new IPEndPoint(IPAddress.Parse("fd00::1"), port));
        client.Send(new byte[bytes]);
        client.Shutdown(SocketShutdown.Send);
        Assert.True(sink.Wait(PacketLink.Patience));
        Assert.Equal(bytes, sink.Result);
    }

    private static void EnsureAddresses(PacketLink link)
    {
        if (!link.Left.Ip("-6", "addr", "show", "dev", VethPair.LeftInterface).Contains("fd00::1"))
        {
            link.Left.Ip("addr", "add", "fd00::1/64", "dev", VethPair.LeftInterface, "nodad");
            link.Right.Ip("addr", "add", "fd00::2/64", "dev", VethPair.RightInterface, "nodad");
        }
    }
}
