using System.Net;
using System.Net.Sockets;
using DualHome.ControlPlane.Uplinks;

namespace DualHome.ControlPlane.Tests.Uplinks;

/// <summary>An in-memory ISP and its probe targets: records every echo request and answers the live targets after
/// a round trip on the fake clock (so a reply arrives like a real one, never inside <see cref="SendEcho"/>).</summary>
internal sealed class FakeIsp(TimeProvider time) : IProbeTransport
{
    public sealed record Echo(DateTimeOffset At, IPAddress Target, ushort Identifier, ushort Sequence, bool Answered);

    public TimeSpan RoundTrip { get; set; } = TimeSpan.FromMilliseconds(20);
    /// <summary>The silent failure: carrier up, nothing gets through.</summary>
    public bool Dead { get; set; }
    public HashSet<IPAddress> DeadTargets { get; } = [];
    public bool FailSends { get; set; }
    public Func<IPAddress, ushort, ushort, EchoReplyResult>? Replies { get; set; }
    public List<Echo> Sent { get; } = [];

    public void SendEcho(IPAddress target, ushort identifier, ushort sequence)
    {
        if (FailSends) throw new SocketException((int)SocketError.NetworkDown);
        bool answered = !Dead && !DeadTargets.Contains(target);
        Sent.Add(new Echo(time.GetUtcNow(), target, identifier, sequence, answered));
        if (answered) ReplyLater(target, identifier, sequence);
    }

    private void ReplyLater(IPAddress target, ushort identifier, ushort sequence)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            timer!.Dispose();
            Replies!(target, identifier, sequence);
        }, null, RoundTrip, Timeout.InfiniteTimeSpan);
    }
}
