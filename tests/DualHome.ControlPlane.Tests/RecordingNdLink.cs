using System.Net;
using DualHome.ControlPlane.RouterAdvertisement;

namespace DualHome.ControlPlane.Tests;

/// <summary>An in-memory LAN: records what the engine sends, with the fake clock's time.</summary>
internal sealed class RecordingNdLink(TimeProvider time) : INdLink
{
    public List<(DateTimeOffset At, IPAddress To, byte[] Packet)> Sent { get; } = [];
    public bool Fail { get; set; }

    public void Send(ReadOnlySpan<byte> icmpMessage, IPAddress destination)
    {
        if (Fail) throw new IOException("network is down");
        Sent.Add((time.GetUtcNow(), destination, icmpMessage.ToArray()));
    }
}
