using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// One client-initiated message exchange (RFC 8415 §15): what to send, its transaction-id (one per exchange,
/// §16.1), and when to send next or give up. The same message is retransmitted with a fresh Elapsed Time.
/// </summary>
internal sealed class Exchange(Dhcpv6MessageType type, uint transactionId, Retransmission timer, TimeSpan firstSendAt,
    Duid? server, IReadOnlyList<IaPrefix> prefixes)
{
    public Dhcpv6MessageType Type { get; } = type;
    public uint TransactionId { get; } = transactionId;
    public Retransmission Timer { get; } = timer;
    /// <summary>The server a Request, Renew or Release is for (its Server Identifier goes in the message).</summary>
    public Duid? Server { get; } = server;
    /// <summary>The IA Prefix options to send in the IA_PD.</summary>
    public IReadOnlyList<IaPrefix> Prefixes { get; } = prefixes;

    public TimeSpan? StartedAt { get; private set; }
    public TimeSpan NextSendAt { get; private set; } = firstSendAt;
    /// <summary>§15: the exchange fails at MRD after the first transmission, or one RT after the MRC-th.</summary>
    public TimeSpan GiveUpAt { get; private set; } = Moment.Never;
    /// <summary>§18.2.1: Advertise messages are collected until the first RT has elapsed.</summary>
    public TimeSpan FirstRtEndsAt { get; private set; } = Moment.Never;

    /// <summary>§21.9: "the time since the client began its current DHCP transaction"; 0 in the first message.</summary>
    public ushort ElapsedTime(TimeSpan now) => Dhcpv6ElapsedTime.From(StartedAt is { } start ? now - start : TimeSpan.Zero);

    /// <summary>Records a transmission at <paramref name="now"/> and schedules the next one (or the end).</summary>
    public void Sent(TimeSpan now)
    {
        if (StartedAt is null)
        {
            StartedAt = now;
            if (Timer.Parameters.Mrd > TimeSpan.Zero)
                GiveUpAt = now + Timer.Parameters.Mrd;
        }
        TimeSpan rt = Timer.Next();
        if (Timer.Transmissions == 1)
            FirstRtEndsAt = now + rt;
        if (Timer.MayTransmit)
        {
            NextSendAt = now + rt;
        }
        else
        {
            NextSendAt = Moment.Never;
            GiveUpAt = Min(GiveUpAt, now + rt); // wait for an answer to the last one, then fail
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
