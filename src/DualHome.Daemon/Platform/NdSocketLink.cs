using System.Net;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Linux.Icmpv6;

namespace DualHome.Daemon.Platform;

/// <summary>The LAN's raw ICMPv6 socket as an <see cref="INdLink"/>, with a receive thread feeding the engine.</summary>
public sealed class NdSocketLink : INdLink, IDisposable
{
    // RS and RA only: the kernel answers NS itself, and the engine listens for other routers' RAs.
    private static readonly byte[] Accepted = [133, 134];
    private readonly Icmpv6Socket _socket;

    private NdSocketLink(Icmpv6Socket socket) => _socket = socket;

    public static NdSocketLink Open(string interfaceName) => new(Icmpv6Socket.Open(interfaceName, Accepted));

    public void Send(ReadOnlySpan<byte> icmpMessage, IPAddress destination) => _socket.Send(icmpMessage, destination);

    /// <summary>Reads until the returned handle is disposed; each message goes to the engine, which never throws.</summary>
    public IDisposable StartReceiving(RouterAdvertiser engine)
    {
        var stop = new CancellationTokenSource();
        var thread = new Thread(() => ReceiveLoop(engine, stop.Token)) { IsBackground = true, Name = "nd-receive" };
        thread.Start();
        return new Receiver(stop, thread);
    }

    public void Dispose() => _socket.Dispose();

    private void ReceiveLoop(RouterAdvertiser engine, CancellationToken stop)
    {
        var buffer = new byte[1500];
        while (!stop.IsCancellationRequested)
        {
            Icmpv6Datagram meta;
            int length;
            try
            {
                if (!_socket.TryReceive(buffer, out meta, out length) || meta.Truncated)
                    continue; // a timeout lets the loop see the stop request
            }
            catch (IOException)
            {
                // e.g. ENETDOWN while the LAN is unplugged: wait and read again; the router must not die of it.
                stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                continue;
            }
            catch (ObjectDisposedException) { return; }
            var context = new NdReceiveContext(meta.Source, meta.Destination, (byte)Math.Clamp(meta.HopLimit, 0, 255));
            engine.OnReceived(buffer.AsSpan(0, length), context);
        }
    }

    private sealed class Receiver(CancellationTokenSource stop, Thread thread) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            thread.Join(TimeSpan.FromSeconds(2));
            stop.Dispose();
        }
    }
}
