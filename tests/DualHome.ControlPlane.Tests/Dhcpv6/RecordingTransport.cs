using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Messages;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>One message the client sent, parsed, with the fake time it left at.</summary>
internal sealed record SentMessage(TimeSpan At, byte[] Bytes, Dhcpv6Message Message)
{
    public Dhcpv6MessageType Type => Message.Type;
}

/// <summary>Records what the client sends (every message must parse); can fail sends like a dead link.</summary>
internal sealed class RecordingTransport(Func<TimeSpan> now) : IDhcpv6Transport
{
    public List<SentMessage> Sent { get; } = [];
    public bool Failing { get; set; }

    public void Send(ReadOnlySpan<byte> message)
    {
        if (Failing) throw new IOException("network is down");
        Assert.Equal(Dhcpv6ReadResult.Ok, Dhcpv6MessageReader.TryRead(message, out Dhcpv6Message? parsed, out Dhcpv6OptionFault fault));
        Assert.Equal(Dhcpv6OptionFault.None, fault);
        Sent.Add(new SentMessage(now(), message.ToArray(), parsed!));
    }

    public SentMessage Last => Sent[^1];
    public IEnumerable<SentMessage> OfType(Dhcpv6MessageType type) => Sent.Where(s => s.Type == type);
}
