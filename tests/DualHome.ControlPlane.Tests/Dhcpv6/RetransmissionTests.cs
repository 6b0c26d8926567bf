using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>RFC 8415 §15 timeouts with RAND jitter, alone and as the client sends them.</summary>
public class RetransmissionTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    /// <summary>A Random whose NextDouble is fixed, to pin RAND at its extremes.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    public void Rand_StaysWithinPlusMinusTenPercent(double draw)
    {
        var rt = new Retransmission(new RetransmissionParameters(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(600), 0, TimeSpan.Zero), new FixedRandom(draw));
        TimeSpan first = rt.Next();
        Assert.InRange(first.TotalSeconds, 9.0, 11.0);
        TimeSpan second = rt.Next();
        Assert.InRange(second.TotalSeconds, 1.9 * first.TotalSeconds - 1e-9, 2.1 * first.TotalSeconds + 1e-9);
    }

    [Fact]
    public void FirstSolicitTimeout_IsStrictlyGreaterThanIrt()
    {
        // §15: "the first RT MUST be selected to be strictly greater than IRT by choosing RAND to be strictly greater than 0".
        var rt = new Retransmission(Dhcpv6Timing.Solicit(Dhcpv6Timing.SolMaxRt), new FixedRandom(0.999999), firstGreaterThanIrt: true);
        Assert.True(rt.Next() > Dhcpv6Timing.SolTimeout);
        var low = new Retransmission(Dhcpv6Timing.Solicit(Dhcpv6Timing.SolMaxRt), new FixedRandom(0.0), firstGreaterThanIrt: true);
        Assert.Equal(1.1, low.Next().TotalSeconds, 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Sequence_DoublesWithJitter_ThenHoversAroundMrt(int seed)
    {
        var parameters = Dhcpv6Timing.Solicit(Dhcpv6Timing.SolMaxRt);
        var rt = new Retransmission(parameters, new Random(seed), firstGreaterThanIrt: true);
        TimeSpan previous = rt.Next();
        Assert.InRange(previous.TotalSeconds, 1.0 + 1e-12, 1.1);
        for (int i = 0; i < 30; i++)
        {
            TimeSpan next = rt.Next();
            double doubled = previous.TotalSeconds * 2;
            if (doubled * 0.95 > parameters.Mrt.TotalSeconds) // well past MRT: RT = MRT + RAND*MRT
                Assert.InRange(next.TotalSeconds, 3240, 3960);
            else if (next.TotalSeconds < 3240)               // below MRT: RT = 2*RTprev + RAND*RTprev
                Assert.InRange(next.TotalSeconds, 1.9 * previous.TotalSeconds, 2.1 * previous.TotalSeconds);
            Assert.True(next.TotalSeconds <= 3960 + 1e-9);
            previous = next;
        }
    }

    [Fact]
    public void Mrc_CountsTransmissions()
    {
        var rt = new Retransmission(Dhcpv6Timing.Request, new Random(1));
        for (int i = 0; i < Dhcpv6Timing.ReqMaxRc; i++)
        {
            Assert.True(rt.MayTransmit);
            rt.Next();
        }
        Assert.False(rt.MayTransmit); // §15: MRC = REQ_MAX_RC = 10
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Client_SolicitGaps_FollowTheSequence(int seed)
    {
        using var h = new ClientHarness(seed);
        h.Client.Start();
        var solicits = new List<SentMessage> { h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2)) };
        for (int i = 0; i < 8; i++)
            solicits.Add(h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(300), TimeSpan.FromMilliseconds(1)));

        var gaps = solicits.Zip(solicits.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.InRange(gaps[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1) + Ms);
        for (int i = 1; i < gaps.Count; i++)
            Assert.InRange(gaps[i], 1.9 * gaps[i - 1] - 2 * Ms, 2.1 * gaps[i - 1] + 2 * Ms);
        Assert.All(solicits, s => Assert.Equal(solicits[0].Message.TransactionId, s.Message.TransactionId));
        // §21.9: each retransmission carries the time since the first, in hundredths of a second.
        Assert.All(solicits, s => Assert.InRange((int)s.Message.ElapsedTime!, (int)((s.At - solicits[0].At).TotalMilliseconds / 10) - 1,
            (int)((s.At - solicits[0].At).TotalMilliseconds / 10)));
    }

    [Fact]
    public void Client_SolicitTimeout_SettlesAroundSolMaxRt()
    {
        using var h = new ClientHarness(3);
        h.Client.Start();
        SentMessage previous = h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2));
        var gaps = new List<TimeSpan>();
        for (int i = 0; i < 16; i++)
        {
            SentMessage next = h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(4000), TimeSpan.FromMilliseconds(100));
            gaps.Add(next.At - previous.At);
            previous = next;
        }
        Assert.All(gaps[^3..], gap => Assert.InRange(gap.TotalSeconds, 3240, 3960.1)); // SOL_MAX_RT 3600 ± 10 %
    }

    [Fact]
    public void Client_Request_GivesUpAfterReqMaxRc_AndSolicitsAgain()
    {
        using var h = new ClientHarness(5);
        h.Client.Start();
        h.Deliver(FakeServer.Kea.Advertise(h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2)).Message));
        var requests = new List<SentMessage> { h.Next(Dhcpv6MessageType.Request, TimeSpan.FromSeconds(2)) };
        for (int i = 1; i < Dhcpv6Timing.ReqMaxRc; i++)
            requests.Add(h.Next(Dhcpv6MessageType.Request, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(10)));

        var gaps = requests.Zip(requests.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();
        Assert.InRange(gaps[0], 0.9, 1.11);
        Assert.All(gaps, gap => Assert.True(gap <= 33.01, $"{gap} s > REQ_MAX_RT 30 s + 10 %"));
        Assert.InRange(gaps[^1], 27, 33.01);

        h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(10));
        Assert.Equal(Dhcpv6Timing.ReqMaxRc, h.Transport.OfType(Dhcpv6MessageType.Request).Count());
        Dhcpv6Transition back = h.Transitions.Last(t => t.To == Dhcpv6ClientState.Soliciting);
        Assert.Equal(Dhcpv6ClientState.Requesting, back.From);
        Assert.Contains("no Reply to 10 Requests", back.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_SendFailures_AreCounted_AndRetransmissionCarriesOn()
    {
        using var h = new ClientHarness();
        h.Transport.Failing = true;
        h.Client.Start();
        h.Advance(TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(10));
        Assert.True(h.Client.Counters.SendFailures >= 2);
        Assert.Empty(h.Transport.Sent);
        h.Transport.Failing = false;
        h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10));
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);
    }
}
