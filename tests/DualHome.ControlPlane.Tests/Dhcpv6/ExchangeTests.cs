using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>Solicit → Advertise → Request → Reply (RFC 8415 §18.2.1, §18.2.2, §18.2.9, §18.2.10) with a fake server.</summary>
public class ExchangeTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void FullExchange_BindsAndReportsTheDelegation()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);
        Assert.False(h.Client.HasValidDelegation);

        SentMessage solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second);
        Assert.InRange(solicit.At, TimeSpan.Zero, Second); // §18.2.1: delayed by a random time up to SOL_MAX_DELAY
        h.Deliver(FakeServer.Kea.Advertise(solicit.Message));
        SentMessage request = h.Next(Dhcpv6MessageType.Request, 2 * Second);
        TimeSpan repliedAt = h.Elapsed;
        h.Deliver(FakeServer.Kea.Reply(request.Message));

        Assert.Equal(Dhcpv6ClientState.Bound, h.State);
        Assert.True(h.Client.HasValidDelegation);
        DelegationChange change = Assert.Single(h.Changes);
        Assert.Equal(DelegationChangeKind.Acquired, change.Kind);
        Assert.Null(change.Old);
        Delegation d = change.New!;
        Assert.Equal((FakeServer.PrefixA, 1800u, 3600u), (d.Prefix, d.PreferredLifetime, d.ValidLifetime));
        Assert.Equal(ClientHarness.T0 + repliedAt, d.Obtained);
        Assert.Equal(FakeServer.Kea.Duid, h.Client.Server);
        Assert.Equal(
            [Dhcpv6ClientState.Soliciting, Dhcpv6ClientState.Requesting, Dhcpv6ClientState.Bound],
            h.Transitions.Select(t => t.To));
    }

    [Fact]
    public void Solicit_CarriesClientIdElapsedOroAndIaPd_NoServerIdNoReconfigureAccept()
    {
        using var h = new ClientHarness(options: new Dhcpv6ClientOptions { Uplink = "isp-a", PrefixLengthHint = 56, RequestedOptions = [23, 82] });
        h.Client.Start();
        Dhcpv6Message solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second).Message;

        Assert.Equal(ClientHarness.DefaultIdentity.Duid, solicit.ClientId);
        Assert.Null(solicit.ServerId);                                   // §18.2.1: MUST NOT
        Assert.Equal((ushort)0, solicit.ElapsedTime);                    // §21.9: 0 in the first message
        Assert.Equal([(ushort)82, (ushort)23], solicit.RequestedOptions); // §18.2.1: SOL_MAX_RT MUST be requested
        Assert.False(solicit.ReconfigureAccept);                        // never sent: Reconfigure is refused
        Assert.False(solicit.RapidCommit);
        IaPd ia = solicit.IaPds.Single();
        Assert.Equal(new IaPd(1, 0, 0, [new IaPrefix(new System.Net.IPNetwork(System.Net.IPAddress.IPv6Any, 56), 0, 0)]), ia);
        Assert.InRange(solicit.TransactionId, 0u, 0xffffffu);
    }

    [Fact]
    public void Request_NamesTheServer_AndRequestsTheAdvertisedPrefix_WithLifetimesZero()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        Dhcpv6Message solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second).Message;
        h.Deliver(FakeServer.Kea.Advertise(solicit));
        Dhcpv6Message request = h.Next(Dhcpv6MessageType.Request, 2 * Second).Message;

        Assert.Equal(FakeServer.Kea.Duid, request.ServerId);             // §18.2.2
        Assert.NotEqual(solicit.TransactionId, request.TransactionId);   // §16.1: a new exchange, a new id
        Assert.Equal(new IaPd(1, 0, 0, [new IaPrefix(FakeServer.PrefixA, 0, 0)]), request.IaPds.Single()); // §21.21, §21.22
        Assert.Equal((ushort)0, request.ElapsedTime);
    }

    [Fact]
    public void Advertises_AreCollectedForTheFirstRt_AndTheHighestPreferenceWins()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        SentMessage solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second);
        h.Deliver(FakeServer.Kea.Advertise(solicit.Message, preference: 10));
        h.Deliver(FakeServer.Other.Advertise(solicit.Message, preference: 20, prefix: FakeServer.PrefixB));
        h.Deliver(FakeServer.Kea.Advertise(solicit.Message, preference: 20)); // equal: the first stays
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);

        SentMessage request = h.Next(Dhcpv6MessageType.Request, 2 * Second);
        // §18.2.1: the choice is made when the first RT (1 s + 0..10 %) after the Solicit has elapsed.
        Assert.InRange(request.At - solicit.At, Second, 1.1 * Second + TimeSpan.FromMilliseconds(1));
        Assert.Equal(FakeServer.Other.Duid, request.Message.ServerId);
        Assert.Equal(FakeServer.PrefixB, request.Message.IaPds.Single().Prefixes.Single().Prefix);
    }

    [Fact]
    public void Preference255_IsRequestedAtOnce()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        SentMessage solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second);
        h.Deliver(FakeServer.Kea.Advertise(solicit.Message, preference: 255));
        Assert.Equal(Dhcpv6ClientState.Requesting, h.State);
        Assert.Equal(Dhcpv6MessageType.Request, h.Transport.Last.Type); // §18.2.1: "immediately"
        Assert.Equal(solicit.At, h.Transport.Last.At);
    }

    [Fact]
    public void AnAdvertiseAfterTheFirstRt_IsRequestedAtOnce()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        SentMessage first = h.Next(Dhcpv6MessageType.Solicit, 2 * Second);
        SentMessage second = h.Next(Dhcpv6MessageType.Solicit, 2 * Second); // nothing came during the first RT
        h.Deliver(FakeServer.Kea.Advertise(second.Message));
        Assert.Equal(Dhcpv6MessageType.Request, h.Transport.Last.Type);
        Assert.Equal(first.Message.TransactionId, second.Message.TransactionId); // §15: same exchange
    }

    [Fact]
    public void AdvertiseWithoutPrefixes_IsIgnored_AndSolicitingGoesOn()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        SentMessage solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second);
        // §18.2.9: "The client MUST ignore any Advertise message that contains no ... delegated prefixes".
        Assert.Equal(Dhcpv6ReceiveResult.NoUsablePrefix, h.Deliver(FakeServer.Kea.AdvertiseWithIaStatus(solicit.Message, Dhcpv6StatusCode.NoPrefixAvail)));
        Assert.Equal(Dhcpv6ReceiveResult.NoUsablePrefix, h.Deliver(FakeServer.Kea.Advertise(solicit.Message, valid: 0, preferred: 0)));
        h.Next(Dhcpv6MessageType.Solicit, 3 * Second);
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);
        Assert.Empty(h.Transport.OfType(Dhcpv6MessageType.Request));
        Assert.Equal(2, h.Client.Counters.Received(Dhcpv6ReceiveResult.NoUsablePrefix));
    }

    [Fact]
    public void NoPrefixAvail_InTheReplyToRequest_GoesBackToSoliciting()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        h.Deliver(FakeServer.Kea.Advertise(h.Next(Dhcpv6MessageType.Solicit, 2 * Second).Message));
        SentMessage request = h.Next(Dhcpv6MessageType.Request, 2 * Second);
        h.Deliver(FakeServer.Kea.ReplyWithIaStatus(request.Message, Dhcpv6StatusCode.NoPrefixAvail));
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State); // issue 8: NoPrefixAvail → keep soliciting
        Assert.Empty(h.Changes);
        h.Next(Dhcpv6MessageType.Solicit, 2 * Second);
    }

    [Fact]
    public void AnswersThatAreNotForUs_AreDroppedAndCounted()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        Dhcpv6Message solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second).Message;
        Dhcpv6Message advertise = FakeServer.Kea.Message(Dhcpv6MessageType.Advertise, solicit,
            FakeServer.Ia(solicit, 900, 1440, [new IaPrefix(FakeServer.PrefixA, 1800, 3600)]));

        Assert.Equal(Dhcpv6ReceiveResult.WrongTransaction, h.Deliver((advertise with { TransactionId = solicit.TransactionId ^ 1 }).ToBytes()));
        Assert.Equal(Dhcpv6ReceiveResult.MissingServerId, h.Deliver((advertise with { ServerId = null }).ToBytes()));
        Assert.Equal(Dhcpv6ReceiveResult.NotForUs, h.Deliver((advertise with { ClientId = FakeServer.Other.Duid }).ToBytes()));
        Assert.Equal(Dhcpv6ReceiveResult.NotForUs, h.Deliver((advertise with { ClientId = null }).ToBytes()));
        Assert.Equal(Dhcpv6ReceiveResult.NotExpected, h.Deliver((advertise with { Type = Dhcpv6MessageType.Reply }).ToBytes())); // §18.2.1: no Rapid Commit
        Assert.Equal(Dhcpv6ReceiveResult.UnexpectedType, h.Deliver((advertise with { Type = Dhcpv6MessageType.Solicit }).ToBytes()));
        Assert.Equal(Dhcpv6ReceiveResult.Malformed, h.Deliver([0x02, 0x12, 0x34]));
        Assert.Equal(Dhcpv6ReceiveResult.Malformed, h.Deliver([.. advertise.ToBytes(), 0x00]));
        Assert.Equal(Dhcpv6ClientState.Soliciting, h.State);
        Assert.Equal(2, h.Client.Counters.Received(Dhcpv6ReceiveResult.Malformed));
        Assert.Equal(2, h.Client.Counters.Received(Dhcpv6ReceiveResult.NotForUs));
    }

    [Fact]
    public void RapidCommit_WhenEnabled_BindsOnTheReplyToSolicit()
    {
        using var h = new ClientHarness(options: new Dhcpv6ClientOptions { Uplink = "isp-a", RapidCommit = true });
        h.Client.Start();
        Dhcpv6Message solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second).Message;
        Assert.True(solicit.RapidCommit); // §18.2.1, §21.14
        Dhcpv6Message reply = FakeServer.Kea.Message(Dhcpv6MessageType.Reply, solicit,
            FakeServer.Ia(solicit, 900, 1440, [new IaPrefix(FakeServer.PrefixA, 1800, 3600)]));

        Assert.Equal(Dhcpv6ReceiveResult.NotExpected, h.Deliver(reply.ToBytes())); // a Reply without Rapid Commit is discarded
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, h.Deliver((reply with { RapidCommit = true }).ToBytes()));
        Assert.Equal(Dhcpv6ClientState.Bound, h.State);
        Assert.Empty(h.Transport.OfType(Dhcpv6MessageType.Request));
        Assert.Equal(FakeServer.PrefixA, h.Client.Delegation!.Prefix);
    }

    [Fact]
    public void UnspecFail_IsRetriedAtTheNormalPace()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        h.Deliver(FakeServer.Kea.Advertise(h.Next(Dhcpv6MessageType.Solicit, 2 * Second).Message));
        SentMessage request = h.Next(Dhcpv6MessageType.Request, 2 * Second);
        Dhcpv6Message failure = FakeServer.Kea.Message(Dhcpv6MessageType.Reply, request.Message, FakeServer.Ia(request.Message, 0, 0, []))
            with { IaPds = [], Status = new Dhcpv6Status(Dhcpv6StatusCode.UnspecFail, "busy") };

        Assert.Equal(Dhcpv6ReceiveResult.ServerFailure, h.Deliver(failure.ToBytes()));
        Assert.Equal(Dhcpv6ClientState.Requesting, h.State);
        SentMessage again = h.Next(Dhcpv6MessageType.Request, 3 * Second);
        Assert.InRange(again.At - request.At, 0.9 * Second, 1.1 * Second + TimeSpan.FromMilliseconds(1)); // REQ_TIMEOUT ± RAND
    }

    [Fact]
    public void SolMaxRt_FromAnIgnoredAdvertise_StillCaps_TheSolicitTimeout()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        Dhcpv6Message solicit = h.Next(Dhcpv6MessageType.Solicit, 2 * Second).Message;
        Dhcpv6Message noPrefix = FakeServer.Kea.Message(Dhcpv6MessageType.Advertise, solicit,
            new IaPd(1, 0, 0, [], new Dhcpv6Status(Dhcpv6StatusCode.NoPrefixAvail))) with { SolMaxRt = 60 };
        h.Deliver(noPrefix.ToBytes()); // §18.2.9: ignored for its prefixes, but SOL_MAX_RT MUST be processed

        var gaps = new List<TimeSpan>();
        SentMessage previous = h.Transport.Last;
        for (int i = 0; i < 9; i++)
        {
            SentMessage next = h.Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(80), TimeSpan.FromMilliseconds(10));
            gaps.Add(next.At - previous.At);
            previous = next;
        }
        Assert.All(gaps, gap => Assert.True(gap <= TimeSpan.FromSeconds(66.01), $"{gap} > 1.1 × 60 s"));
        Assert.True(gaps[^1] >= TimeSpan.FromSeconds(54), $"{gaps[^1]} < 0.9 × 60 s");
    }
}
